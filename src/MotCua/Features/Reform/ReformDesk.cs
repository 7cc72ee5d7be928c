using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Reports.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reform;

public sealed record NewTarget(
    [property: Required(ErrorMessage = "Reform.NameRequired"), MaxLength(300, ErrorMessage = "Reform.NameTooLong")] string? Name,
    [property: MaxLength(40, ErrorMessage = "Reform.MeasureUnknown")] string? Measure,
    [property: Required(ErrorMessage = "Reform.TargetRequired"), Range(0, 100, ErrorMessage = "Reform.TargetRange")] decimal? Target);

public sealed record NewReformPlan(
    [property: Required(ErrorMessage = "Reform.UnitRequired"), MaxLength(40, ErrorMessage = "Reform.UnitRequired")] string? UnitCode,
    [property: Required(ErrorMessage = "Reform.NameRequired"), MaxLength(300, ErrorMessage = "Reform.NameTooLong")] string? Name,
    [property: Required(ErrorMessage = "Reform.FromRequired")] DateOnly? From,
    [property: Required(ErrorMessage = "Reform.ToRequired")] DateOnly? To,
    [property: MaxLength(200, ErrorMessage = "Reform.DecisionTooLong")] string? Decision,
    [property: Required(ErrorMessage = "Reform.TargetsRequired"), MinLength(1, ErrorMessage = "Reform.TargetsRequired"), MaxLength(50, ErrorMessage = "Reform.TargetsTooMany")] IReadOnlyList<NewTarget>? Targets);

public sealed record TargetReport(
    [property: Required(ErrorMessage = "Reform.ActualRequired"), Range(0, 100, ErrorMessage = "Reform.TargetRange")] decimal? Actual,
    [property: Required(ErrorMessage = "Reform.EvidenceRequired"), MaxLength(1000, ErrorMessage = "Reform.EvidenceTooLong")] string? Evidence);

public sealed record NewFinding(
    [property: Required(ErrorMessage = "Reform.SourceRequired"), MaxLength(300, ErrorMessage = "Reform.SourceTooLong")] string? Source,
    [property: Required(ErrorMessage = "Reform.TextRequired"), MaxLength(2000, ErrorMessage = "Reform.TextTooLong")] string? Text,
    [property: Required(ErrorMessage = "Reform.ResponsibleRequired"), MaxLength(40, ErrorMessage = "Reform.ResponsibleRequired")] string? ResponsibleUnit,
    [property: Required(ErrorMessage = "Reform.DeadlineRequired")] DateOnly? Deadline,
    IReadOnlyList<string>? CoordinatingUnits = null,
    Guid? PlanId = null);

public sealed record FindingDone(
    [property: Required(ErrorMessage = "Reform.EvidenceRequired"), MaxLength(1000, ErrorMessage = "Reform.EvidenceTooLong")] string? Evidence);

public sealed record ReformPlanItem(Guid Id, string UnitCode, string Name, DateOnly From, DateOnly To, string? Decision);

/// <summary>A target's value in one year of its plan (measured, or the value reported by hand for the plan).</summary>
public sealed record TargetYear(int Year, double? Actual, string? Source);

public sealed record TargetView(Guid Id, string Name, decimal Target, double? Actual, bool Measured, string? Source, string? Measure, string? Evidence, bool? Reached, IReadOnlyList<TargetYear> Years);

public sealed record ReformPlanView(Guid Id, string UnitCode, string UnitName, string Name, DateOnly From, DateOnly To, string? Decision, IReadOnlyList<TargetView> Targets);

public sealed record FindingView(Guid Id, string Kind, string Source, string Text, string ResponsibleUnit, string ResponsibleUnitName, IReadOnlyList<string> CoordinatingUnits, DateOnly Deadline, string Status, bool Overdue, string? Evidence, DateOnly? DoneOn);

/// <summary>
/// The reform office's plans with their targets, and the findings to follow up. A measured target's actual is the
/// dashboard's own figure for the plan's unit (and everything below it) in each year of the plan up to today: the
/// current year so far, or the plan's last year. Leaders read the units they see; they write for them too.
/// </summary>
public sealed class ReformDesk(AppDbContext db, UnitTree tree, UnitScope scope, UnitMeasures measures, Staffing.Contracts.StaffingFigures staffing, TimeProvider clock)
{
    /// <summary>Staffing within quota: the share of the unit's quotas (and those of the units below) not exceeded.</summary>
    public const string WithinQuota = "withinQuota";

    /// <summary>What a target can be measured by: the dashboard's figures, and staffing within quota.</summary>
    public static readonly IReadOnlyList<string> MeasureNames = [.. UnitMeasures.Names, WithinQuota];

    public Task<UnitInfo?> VisibleUnitAsync(string? code, ClaimsPrincipal user, CancellationToken ct = default) =>
        scope.VisibleUnitAsync(user, code, ct);

    /// <summary>Whether the caller sees the unit.</summary>
    public async Task<bool> SeesAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct = default) => (await scope.VisibleUnitIdsAsync(user, ct)).Contains(unitId);

    public async Task<Result<ReformPlan>> AddPlanAsync(ClaimsPrincipal user, NewReformPlan body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = RequestRules.Errors(body);
        if (body.From is { } from && body.To is { } to && (to < from || to.Year - from.Year > 10))
        {
            errors["to"] = [Texts.Get("Reform.PeriodInvalid")];
        }

        for (var i = 0; i < (body.Targets?.Count ?? 0); i++)
        {
            var target = body.Targets![i];
            foreach (var (field, messages) in target is null ? new() { ["name"] = [Texts.Get("Reform.NameRequired")] } : RequestRules.Errors(target))
            {
                errors[$"targets[{i}].{field}"] = messages;
            }

            if (target?.Measure is { Length: > 0 } measure && !MeasureNames.Contains(measure))
            {
                errors[$"targets[{i}].measure"] = [Texts.Get("Reform.MeasureUnknown")];
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        if (await VisibleUnitAsync(body.UnitCode, user, ct) is not { } unit)
        {
            return Failure.Invalid("unitCode", Texts.Get("Reform.UnitRequired"));
        }

        var plan = new ReformPlan
        {
            UnitId = unit.Id, Name = body.Name!.Trim(), From = body.From!.Value, To = body.To!.Value, Decision = Blank(body.Decision),
            CreatedBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow(),
            Targets = [.. body.Targets!.Select(t => new ReformTarget { Name = t.Name!.Trim(), Measure = Blank(t.Measure), Target = t.Target!.Value })],
        };
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<List<ReformPlanItem>> PlansAsync(UnitInfo unit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var plans = await db.Set<ReformPlan>().AsNoTracking().Where(p => p.UnitId == unit.Id).OrderByDescending(p => p.From).ThenBy(p => p.Name).ToListAsync(ct);
        return [.. plans.Select(p => new ReformPlanItem(p.Id, unit.Code, p.Name, p.From, p.To, p.Decision))];
    }

    /// <summary>The plan with each target's actual; null when the caller does not see its unit.</summary>
    public async Task<ReformPlanView?> PlanAsync(Guid id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var plan = await db.Set<ReformPlan>().AsNoTracking().Include(p => p.Targets).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null || await tree.FindAsync(plan.UnitId, ct) is not { } unit || !(await scope.VisibleUnitIdsAsync(user, ct)).Contains(unit.Id))
        {
            return null;
        }

        var today = VietnamTime.Today(clock);
        // Each year of the plan up to today, every measure in one read of the unit's figures.
        var wanted = plan.Targets.Where(t => t.Measure is not null).Select(t => t.Measure!).Distinct().ToList();
        var fromDossiers = wanted.Where(m => m != WithinQuota).ToList();
        var byYear = new List<(int Year, Dictionary<string, MeasuredFigure> Figures)>();
        for (var year = plan.From.Year; wanted.Count > 0 && year <= plan.To.Year && new DateOnly(year, 1, 1) <= today; year++)
        {
            var first = year == plan.From.Year ? plan.From : new DateOnly(year, 1, 1);
            var last = Min(year == plan.To.Year ? plan.To : new DateOnly(year, 12, 31), today);
            if (first <= last)
            {
                Dictionary<string, MeasuredFigure> figures = fromDossiers.Count == 0 ? [] : await measures.ReadAsync(unit, fromDossiers, first, last, ct);
                if (wanted.Contains(WithinQuota))
                {
                    var (share, source) = await staffing.WithinQuotaAsync(unit, year, ct);
                    figures[WithinQuota] = new MeasuredFigure(WithinQuota, share, source);
                }

                byYear.Add((year, figures));
            }
        }

        var targets = new List<TargetView>();
        foreach (var target in plan.Targets.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (target.Measure is not { } measure)
            {
                var reported = (double?)target.Reported;
                targets.Add(new TargetView(target.Id, target.Name, target.Target, reported, false, null, null, target.Evidence, reported is { } r ? r >= (double)target.Target : null, []));
                continue;
            }

            var years = byYear.Select(y => new TargetYear(y.Year, y.Figures[measure].Value, y.Figures[measure].Source)).ToList();
            var latest = years.LastOrDefault(y => y.Actual is not null) ?? years.LastOrDefault();
            targets.Add(new TargetView(target.Id, target.Name, target.Target, latest?.Actual, true, latest?.Source, measure, null,
                latest?.Actual is { } a ? a >= (double)target.Target : null, years));
        }

        return new ReformPlanView(plan.Id, unit.Code, unit.Name, plan.Name, plan.From, plan.To, plan.Decision, targets);
    }

    /// <summary>Records the value a target not measured by MotCua reached, with its evidence (a measured one is refused: MotCua counts it).</summary>
    public async Task<Result<ReformTarget>> ReportAsync(ClaimsPrincipal user, Guid planId, Guid targetId, TargetReport body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid;
        }

        var target = await db.Set<ReformTarget>().FirstOrDefaultAsync(t => t.Id == targetId && t.PlanId == planId, ct);
        var unitId = await db.Set<ReformPlan>().Where(p => p.Id == planId).Select(p => (Guid?)p.UnitId).FirstOrDefaultAsync(ct);
        if (target is null || unitId is not { } id || !(await scope.VisibleUnitIdsAsync(user, ct)).Contains(id))
        {
            return Failure.NotFound();
        }

        if (target.Measure is not null)
        {
            return Failure.Conflict(Texts.Get("Reform.MeasuredByMotCua"), field: "actual");
        }

        (target.Reported, target.Evidence, target.ReportedBy, target.ReportedAt) = (body.Actual, body.Evidence!.Trim(), user.Identity?.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return target;
    }

    public async Task<Result<ReformFinding>> AddFindingAsync(ClaimsPrincipal user, NewFinding body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid;
        }

        if (await VisibleUnitAsync(body.ResponsibleUnit, user, ct) is not { } unit)
        {
            return Failure.Invalid("responsibleUnit", Texts.Get("Reform.ResponsibleRequired"));
        }

        if (body.PlanId is { } planId && (await db.Set<ReformPlan>().AsNoTracking().Where(p => p.Id == planId).Select(p => (Guid?)p.UnitId).FirstOrDefaultAsync(ct) is not { } planUnit || !await SeesAsync(user, planUnit, ct)))
        {
            return Failure.Invalid("planId", Texts.Get("Reform.PlanUnknown"));
        }

        var coordinating = new List<string>();
        foreach (var code in body.CoordinatingUnits ?? [])
        {
            if (string.IsNullOrWhiteSpace(code) || code.Length > 40 || await tree.FindByCodeAsync(code.Trim(), ct) is null)
            {
                return Failure.Invalid("coordinatingUnits", Texts.Get("Reform.CoordinatingUnknown"));
            }

            coordinating.Add(code.Trim());
        }

        var joined = string.Join(',', coordinating.Distinct());
        if (joined.Length > 500)
        {
            return Failure.Invalid("coordinatingUnits", Texts.Get("Reform.CoordinatingUnknown"));
        }

        var finding = new ReformFinding
        {
            Source = body.Source!.Trim(), PlanId = body.PlanId, Text = body.Text!.Trim(), ResponsibleUnitId = unit.Id, Coordinating = joined.Length == 0 ? null : joined,
            Deadline = body.Deadline!.Value, Status = FindingStatus.Open, CreatedBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow(),
        };
        db.Add(finding);
        await db.SaveChangesAsync(ct);
        return finding;
    }

    /// <summary>The findings of the unit and the units below it, open ones first by deadline.</summary>
    public async Task<List<FindingView>> FindingsAsync(UnitInfo unit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var within = UnitTree.Expand(await tree.LinksAsync(ct), [unit.Id]).ToList();
        var findings = await db.Set<ReformFinding>().AsNoTracking().Where(f => within.Contains(f.ResponsibleUnitId)).OrderBy(f => f.Status == FindingStatus.Done ? 1 : 0).ThenBy(f => f.Deadline).Take(500).ToListAsync(ct);
        var units = (await tree.FindManyAsync([.. findings.Select(f => f.ResponsibleUnitId).Distinct()], ct)).ToDictionary(u => u.Id);
        var overdue = ReformFinding.OverdueOn(VietnamTime.Today(clock)).Compile();
        return [.. findings.Select(f => new FindingView(
            f.Id, f.PlanId is null ? "finding" : "task", f.Source, f.Text, units[f.ResponsibleUnitId].Code, units[f.ResponsibleUnitId].Name, f.Coordinating?.Split(',') ?? [], f.Deadline,
            EnumNames.Of(f.Status), overdue(f), f.Evidence, f.DoneOn))];
    }

    /// <summary>Records that a finding was done, with its evidence (once).</summary>
    public async Task<Result<ReformFinding>> CompleteAsync(ClaimsPrincipal user, Guid id, FindingDone body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid;
        }

        var finding = await db.Set<ReformFinding>().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null || !(await scope.VisibleUnitIdsAsync(user, ct)).Contains(finding.ResponsibleUnitId))
        {
            return Failure.NotFound();
        }

        if (finding.Status == FindingStatus.Done)
        {
            return Failure.Conflict(Texts.Get("Reform.FindingDone"));
        }

        (finding.Status, finding.Evidence, finding.DoneOn) = (FindingStatus.Done, body.Evidence!.Trim(), VietnamTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return finding;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
