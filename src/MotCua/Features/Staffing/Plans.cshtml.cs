using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Staffing;

/// <summary>
/// A unit's rotation plans, and a new one drafted from who is due on its day: each due person can be given a
/// position of the same category in the unit or below. The draft is kept with its check (the plan's page).
/// </summary>
public sealed class PlansModel(StaffRecords records, StaffingDesk desk, Rotation rotation, UnitTree tree, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    /// <summary>The day the plan's moves take effect, on which who is due is read.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public List<MoveInput> Moves { get; set; } = [];

    public UnitInfo? Current { get; private set; }

    public bool MayEdit { get; private set; }

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public IReadOnlyList<RotationDue> Due { get; private set; } = [];

    /// <summary>The positions a due person may be moved to, by category: in the unit and below, open on the day.</summary>
    public ILookup<string, (Guid Id, string Label)> Targets { get; private set; } = Array.Empty<(string, Guid, string)>().ToLookup(t => t.Item1, t => (t.Item2, t.Item3));

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await records.VisibleUnitAsync(Unit, User, ct) is not { } unit)
        {
            return NotFound();
        }

        var day = On ?? VietnamTime.Today(clock);
        var moves = Moves.Where(m => m.PersonId is not null && m.ToPositionId is not null).Select(m => new MoveRequest(m.PersonId!.Value, m.ToPositionId!.Value, day)).ToList();
        if (moves.Count == 0)
        {
            ModelState.AddModelError("", Texts.Get("Staffing.PickMoves"));
        }
        else if (Decision is { Length: > 200 })
        {
            ModelState.AddModelError("Decision", Texts.Get("Staffing.DecisionTooLong"));
        }
        else if (!await desk.MayEditAsync(User, unit.Id, ct))
        {
            return Forbid();
        }
        else
        {
            var (plan, _) = await rotation.DraftAsync(User, unit, day.Year, Decision, moves, ct);
            return Redirect($"/Staffing/Plan/{plan.Id}");
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Current = await records.VisibleUnitAsync(Unit, User, ct);
        if (Current is null)
        {
            return NotFound();
        }

        On ??= VietnamTime.Today(clock);
        MayEdit = await desk.MayEditAsync(User, Current.Id, ct);
        Plans = await rotation.PlansAsync(Current.Id, ct);
        var within = await rotation.WithinAsync(Current.Id, ct);
        Due = [.. (await rotation.DueAsync([.. within], On.Value, ct)).Take(IndexModel.Shown)];
        if (MayEdit && Due.Count > 0)
        {
            var units = (await tree.FindManyAsync([.. within], ct)).Where(u => u.IsValidOn(On.Value)).ToDictionary(u => u.Id, u => u.Name);
            Targets = (await records.PositionsAsync([.. units.Keys], On.Value, ct))
                .ToLookup(p => p.Category, p => (p.Id, $"{p.Name} – {units[p.UnitId]}"));
        }

        return Page();
    }

    public sealed class MoveInput
    {
        public Guid? PersonId { get; set; }

        public Guid? ToPositionId { get; set; }
    }
}
