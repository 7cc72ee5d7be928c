using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Staffing;

/// <summary>A rotation plan: each move with what the check finds now, and "execute" for the unit's leaders once it passes.</summary>
public sealed class PlanModel(Rotation rotation, StaffingDesk desk) : PageModel
{
    public RotationPlan? Plan { get; private set; }

    public UnitInfo? Unit { get; private set; }

    public IReadOnlyList<MoveLine> Moves { get; private set; } = [];

    public int Problems { get; private set; }

    public bool MayEdit { get; private set; }

    public bool Executed { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, bool executed, CancellationToken ct)
    {
        Executed = executed;
        return ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await rotation.VisiblePlanAsync(id, User, ct) is not var (_, unit))
        {
            return NotFound();
        }

        if (!await desk.MayEditAsync(User, unit.Id, ct))
        {
            return Forbid();
        }

        var result = await rotation.ExecuteAsync(User, id, ct);
        if (result.Failure is { } failure)
        {
            ModelState.AddModelError("", failure.Detail ?? failure.Title);
            return await ShowAsync(id, ct);
        }

        return Redirect($"/Staffing/Plan/{id}?executed=true");
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await rotation.VisiblePlanAsync(id, User, ct) is not var (plan, unit))
        {
            return NotFound();
        }

        (Plan, Unit) = (plan, unit);
        var problems = await rotation.CheckAsync(plan, ct);
        Problems = problems.Count;
        Moves = await rotation.DescribeAsync(plan, problems, ct);
        MayEdit = await desk.MayEditAsync(User, unit.Id, ct);
        return Page();
    }
}
