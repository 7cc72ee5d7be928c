using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Queue;

/// <summary>The touch-screen kiosk of an office: pick a service, mark priority, take a printed ticket with a QR code.</summary>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class KioskModel(QueueDesk desk) : PageModel
{
    public UnitInfo Office { get; private set; } = null!;

    public IReadOnlyList<ServiceView> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string office, CancellationToken ct)
    {
        if (await desk.OfficeAsync(office, ct) is not { } o)
        {
            return NotFound();
        }

        Office = o;
        Services = await desk.ServicesAsync(o.Id, ct);
        return Page();
    }
}
