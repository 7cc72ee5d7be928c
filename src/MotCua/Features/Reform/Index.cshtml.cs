using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Reform;

/// <summary>A unit's reform dashboard: its plans with each target against its actual (and the records behind it), and the findings to follow up.</summary>
public sealed class IndexModel(ReformDesk desk, ParIndex index, LegalRegister register, Committees committees, UnitScope scope, UnitTree tree, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public UnitInfo? Current { get; private set; }

    public IReadOnlyList<ReformPlanView> Plans { get; private set; } = [];

    public IReadOnlyList<FindingView> Findings { get; private set; } = [];

    public bool Completed { get; private set; }

    public IndexView? Index { get; private set; }

    public IReadOnlyList<LegalDocumentView> Documents { get; private set; } = [];

    public IReadOnlyList<CommitteeView> Committees { get; private set; } = [];

    public async Task<IActionResult> OnPostMeasureAsync(CancellationToken ct)
    {
        if (await desk.VisibleUnitAsync(Unit, User, ct) is not { } unit)
        {
            return NotFound();
        }

        await index.MeasureAsync(unit, Infrastructure.VietnamTime.Today(clock).Year, ct);
        return Redirect($"/Reform?Unit={Uri.EscapeDataString(unit.Code)}");
    }

    public Task OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostDoneAsync(Guid id, string? evidence, CancellationToken ct)
    {
        var result = await desk.CompleteAsync(User, id, new FindingDone(evidence), ct);
        result.Failure?.AddTo(ModelState, "done");

        Completed = result.Value is not null;
        await ShowAsync(ct);
        return Page();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        var visible = await scope.VisibleUnitIdsAsync(User, ct);
        Units = [.. (await tree.AllAsync(ct)).Where(u => visible.Contains(u.Id) && u.ValidTo is null).OrderBy(u => u.Code, StringComparer.Ordinal)];
        Current = Units.FirstOrDefault(u => u.Code == Unit) ?? Units.FirstOrDefault(u => u.ParentId is not { } p || !visible.Contains(p));
        if (Current is null)
        {
            return;
        }

        Unit = Current.Code;
        var plans = new List<ReformPlanView>();
        foreach (var item in (await desk.PlansAsync(Current, ct)).Take(10))
        {
            if (await desk.PlanAsync(item.Id, User, ct) is { } plan)
            {
                plans.Add(plan);
            }
        }

        Plans = plans;
        Findings = await desk.FindingsAsync(Current, ct);
        Index = await index.ReadAsync(Current, Infrastructure.VietnamTime.Today(clock).Year, ct);
        Documents = await register.ListAsync(Current, ct);
        Committees = await committees.ListAsync(Current, ct);
    }
}
