using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace MotCua.Features.Queue;

/// <summary>The display board of an office's hall (a TV page): latest call per counter, waiting per service, spoken calls.</summary>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class BoardModel(QueueDesk desk) : PageModel
{
    public BoardView Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string office, CancellationToken ct)
    {
        if (await desk.OfficeAsync(office, ct) is not { } o)
        {
            return NotFound();
        }

        Board = await desk.BoardAsync(o, ct);
        return Page();
    }
}
