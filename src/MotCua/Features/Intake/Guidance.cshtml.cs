using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;

namespace MotCua.Features.Intake;

/// <summary>The request to supplement or the refusal just issued, with its form to print.</summary>
public sealed class GuidanceModel(GuidanceDesk desk, UnitScope scope) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public IntakeGuidance Guidance { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await desk.FindAsync(Id, await scope.VisibleUnitIdsAsync(User, ct), ct) is not { } guidance)
        {
            return NotFound();
        }

        Guidance = guidance;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await desk.FindAsync(Id, await scope.VisibleUnitIdsAsync(User, ct), ct) is { } guidance
            ? File(await desk.RenderAsync(guidance, ct), "application/pdf")
            : NotFound();
}
