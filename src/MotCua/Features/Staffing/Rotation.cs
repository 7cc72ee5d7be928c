using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Staffing;

/// <summary>A person due to rotate: in a rotated position for its period by <see cref="DueOn"/> (exempt until a day, when the law's exception applies).</summary>
public sealed record RotationDue(Guid PersonId, string FullName, string Category, Guid PositionId, string Position, string UnitCode, DateOnly Since, DateOnly DueOn, DateOnly? ExemptUntil, string? ExemptReason);

/// <summary>How many were rotated, by the level of the unit they left (<c>commune</c>, <c>district</c>, <c>province</c>) and their category.</summary>
public sealed record RotationCount(string Level, string Category, int Rotated);

/// <summary>One move of a plan as asked: who, to which position, from which day.</summary>
public sealed record MoveRequest(Guid PersonId, Guid ToPositionId, DateOnly EffectiveOn);

/// <summary>What the check found against one move of a plan (the move's place in the plan, and why, for people).</summary>
public sealed record PlanProblem(int Move, Guid PersonId, string Problem);

/// <summary>A plan as its unit's list shows it.</summary>
public sealed record PlanSummary(Guid Id, int Year, string? Decision, string Status, int Moves, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ExecutedAt);

/// <summary>One move of a plan as people read it: who, from which position (the one held the day before), to which, when, and what the check found.</summary>
public sealed record MoveLine(int Number, Guid PersonId, string FullName, string? FromPosition, string? FromUnit, string? ToPosition, string? ToUnit, DateOnly EffectiveOn, IReadOnlyList<string> Problems);

/// <summary>
/// Periodic rotation of officials (Anti-Corruption Law 2018 Art. 25; Decree 59/2019/NĐ-CP): who is due (time in a
/// rotated position against its period), a unit's yearly plan checked move by move, and its execution: positions
/// change on each move's day and the accounts' unit memberships follow.
/// </summary>
public sealed class Rotation(AppDbContext db, UnitTree tree, UnitScope scope, StaffingDesk desk, StaffMemberships memberships, TimeProvider clock)
{
    /// <summary>Who in the units holds a rotated position whose period ends on or before <paramref name="day"/>.</summary>
    public async Task<List<RotationDue>> DueAsync(IReadOnlyCollection<Guid> unitIds, DateOnly day, CancellationToken ct = default)
    {
        var held = await (from h in db.Set<PositionHeld>().AsNoTracking().ValidOn(day)
                          join p in db.Set<Position>() on h.PositionId equals p.Id
                          join person in db.Set<StaffPerson>() on h.PersonId equals person.Id
                          where unitIds.Contains(h.UnitId) && p.RotationYears != null
                          select new { h.PersonId, person.FullName, h.Category, p.Id, p.Name, h.UnitId, h.ValidFrom, p.RotationYears, person.ExemptUntil, person.ExemptReason })
            .ToListAsync(ct);
        var units = (await tree.FindManyAsync([.. held.Select(h => h.UnitId).Distinct()], ct)).ToDictionary(u => u.Id, u => u.Code);
        return [.. held.Select(h => new RotationDue(h.PersonId, h.FullName, StaffingDesk.CategoryName(h.Category), h.Id, h.Name, units.GetValueOrDefault(h.UnitId) ?? "",
                h.ValidFrom, h.ValidFrom.AddYears(h.RotationYears!.Value), h.ExemptUntil, h.ExemptReason))
              .Where(d => d.DueOn <= day).OrderBy(d => d.DueOn).ThenBy(d => d.FullName)];
    }

    /// <summary>Each move's problems: not in post, moved twice, a unit that no longer exists, before the period, exempt, a receiving unit over its quota.</summary>
    public async Task<List<PlanProblem>> CheckAsync(IReadOnlyList<MoveRequest> moves, IReadOnlySet<Guid> within, CancellationToken ct = default)
    {
        var problems = new List<PlanProblem>();
        var personIds = moves.Select(m => m.PersonId).Distinct().ToList();
        var positionIds = moves.Select(m => m.ToPositionId).Distinct().ToList();
        var people = await db.Set<StaffPerson>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var targets = await db.Set<Position>().AsNoTracking().Where(p => positionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var held = (await db.Set<PositionHeld>().AsNoTracking().Where(h => personIds.Contains(h.PersonId)).ToListAsync(ct)).ToLookup(h => h.PersonId);
        var heldPositionIds = held.SelectMany(g => g).Select(h => h.PositionId).Distinct().ToList();
        var periods = await db.Set<Position>().AsNoTracking().Where(p => heldPositionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RotationYears, ct);
        var units = (await tree.AllAsync(ct)).ToDictionary(u => u.Id);
        var seen = new HashSet<Guid>();
        var incoming = new Dictionary<(Guid Unit, StaffCategory Category, DateOnly On), int>();
        var figures = new Dictionary<(Guid Unit, StaffCategory Category, DateOnly On), (int? Quota, int Filled)>();
        for (var i = 0; i < moves.Count; i++)
        {
            var move = moves[i];
            void Problem(string text) => problems.Add(new PlanProblem(i + 1, move.PersonId, text));
            if (!seen.Add(move.PersonId))
            {
                Problem(Texts.Get("Staffing.Check.Twice"));
                continue;
            }

            if (!people.TryGetValue(move.PersonId, out var person))
            {
                Problem(Texts.Get("Staffing.Check.NoPerson"));
                continue;
            }

            if (!targets.TryGetValue(move.ToPositionId, out var target) || !units.TryGetValue(target.UnitId, out var unit) || !unit.IsValidOn(move.EffectiveOn))
            {
                Problem(Texts.Get("Staffing.Check.NoUnit"));
                continue;
            }

            var current = held[person.Id].FirstOrDefault(h => h.IsValidOn(move.EffectiveOn.AddDays(-1)));
            if (current is null)
            {
                Problem(Texts.Get("Staffing.Check.NotInPost"));
                continue;
            }

            if (!within.Contains(current.UnitId) || !within.Contains(target.UnitId))
            {
                Problem(Texts.Get("Staffing.Check.Outside"));
                continue;
            }

            if (current.PositionId == target.Id)
            {
                Problem(Texts.Get("Staffing.Check.SamePosition"));
            }

            if (periods.GetValueOrDefault(current.PositionId) is not { } years)
            {
                Problem(Texts.Get("Staffing.Check.NotRotated"));
            }
            else if (current.ValidFrom.AddYears(years) > move.EffectiveOn)
            {
                Problem(Texts.Get(current.RotationPlanId is null ? "Staffing.Check.BeforePeriod" : "Staffing.Check.RotatedWithinPeriod", EventDay(current.ValidFrom.AddYears(years))));
            }

            if (person.ExemptUntil is { } until && until >= move.EffectiveOn)
            {
                Problem(Texts.Get("Staffing.Check.Exempt", EventDay(until), person.ExemptReason ?? ""));
            }

            if (current.UnitId != target.UnitId)
            {
                var key = (target.UnitId, target.Category, move.EffectiveOn);
                incoming[key] = incoming.GetValueOrDefault(key) + 1;
                if (!figures.TryGetValue(key, out var known))
                {
                    // Every receiving unit of the plan on that day at once: one count, not one per unit.
                    var receiving = moves.Where(m => m.EffectiveOn == move.EffectiveOn && targets.ContainsKey(m.ToPositionId))
                        .Select(m => targets[m.ToPositionId].UnitId).Distinct().Where(units.ContainsKey).Select(id => units[id]).ToList();
                    foreach (var line in await desk.QuotasAsync(receiving, move.EffectiveOn.Year, move.EffectiveOn, ct))
                    {
                        figures[(receiving.First(u => u.Code == line.UnitCode).Id, Enum.Parse<StaffCategory>(line.Category, ignoreCase: true), move.EffectiveOn)] = (line.Quota, line.Filled);
                    }

                    known = figures[key];
                }

                var (quota, filled) = known;
                var leaving = moves.Take(i).Count(m => held[m.PersonId].Any(h => h.UnitId == target.UnitId && h.IsValidOn(m.EffectiveOn.AddDays(-1))) && m.EffectiveOn <= move.EffectiveOn
                    && targets.TryGetValue(m.ToPositionId, out var t) && t.UnitId != target.UnitId);
                if (quota is { } q && filled + incoming[key] - leaving > q)
                {
                    Problem(Texts.Get("Staffing.Check.OverQuota", unit.Name, filled + incoming[key] - leaving, q));
                }
            }
        }

        return problems;
    }

    /// <summary>The people rotated by the executed plans of the units between two days, by the level of the unit each left and category.</summary>
    public async Task<List<RotationCount>> ReportAsync(IReadOnlyCollection<Guid> unitIds, DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        var ids = unitIds.ToList();
        var moves = await (from m in db.Set<RotationMove>().AsNoTracking()
                           join p in db.Set<RotationPlan>() on m.PlanId equals p.Id
                           where p.Status == PlanStatus.Executed && m.EffectiveOn >= first && m.EffectiveOn <= last && ids.Contains(p.UnitId)
                           select new { m.PersonId, m.EffectiveOn }).ToListAsync(ct);
        var people = moves.Select(m => m.PersonId).Distinct().ToList();
        var ended = (await db.Set<PositionHeld>().AsNoTracking().Where(h => people.Contains(h.PersonId) && h.ValidTo != null)
            .Select(h => new { h.PersonId, h.ValidTo, h.UnitId, h.Category }).ToListAsync(ct)).ToLookup(h => h.PersonId);
        var units = (await tree.AllAsync(ct)).ToDictionary(u => u.Id);
        return [.. moves.SelectMany(m => ended[m.PersonId].Where(h => h.ValidTo == m.EffectiveOn.AddDays(-1)).Take(1))
            .Select(h => (Level: LevelOf(units, h.UnitId), h.Category))
            .GroupBy(x => x).OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Category)
            .Select(g => new RotationCount(g.Key.Level, StaffingDesk.CategoryName(g.Key.Category), g.Count()))];
    }

    /// <summary>Commune when the unit is a ward or commune or within one; district when within a district; province otherwise.</summary>
    private static string LevelOf(Dictionary<Guid, UnitInfo> units, Guid unitId)
    {
        var kinds = new List<string>();
        for (var seen = new HashSet<Guid>(); units.TryGetValue(unitId, out var unit) && seen.Add(unitId); unitId = unit.ParentId ?? Guid.Empty)
        {
            kinds.Add(unit.Kind);
        }

        return kinds.Any(k => k is "Ward" or "Commune" or "SpecialZone") ? "commune" : kinds.Contains("District") ? "district" : "province";
    }

    /// <summary>The units a plan of <paramref name="unitId"/> moves people between: the unit and every unit below it.</summary>
    public async Task<IReadOnlySet<Guid>> WithinAsync(Guid unitId, CancellationToken ct = default) => UnitTree.Expand(await tree.LinksAsync(ct), [unitId]);

    private static string EventDay(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The plan and its unit when the caller sees the unit; null otherwise.</summary>
    public async Task<(RotationPlan Plan, UnitInfo Unit)?> VisiblePlanAsync(Guid id, ClaimsPrincipal user, CancellationToken ct = default) =>
        await db.Set<RotationPlan>().AsNoTracking().Include(p => p.Moves).FirstOrDefaultAsync(p => p.Id == id, ct) is { } plan
        && await tree.FindAsync(plan.UnitId, ct) is { } unit && (await scope.VisibleUnitIdsAsync(user, ct)).Contains(unit.Id)
            ? (plan, unit)
            : null;

    /// <summary>The check of a plan as of now: a draft's problems (an executed plan has none left to find).</summary>
    public async Task<List<PlanProblem>> CheckAsync(RotationPlan plan, CancellationToken ct = default) =>
        plan?.Status == PlanStatus.Draft ? await CheckAsync([.. plan.Moves.Select(m => new MoveRequest(m.PersonId, m.ToPositionId, m.EffectiveOn))], await WithinAsync(plan.UnitId, ct), ct) : [];

    /// <summary>The plans of a unit, the latest first.</summary>
    public Task<List<PlanSummary>> PlansAsync(Guid unitId, CancellationToken ct = default) =>
        db.Set<RotationPlan>().AsNoTracking().Where(p => p.UnitId == unitId).OrderByDescending(p => p.CreatedAt).Take(100)
            .Select(p => new PlanSummary(p.Id, p.Year, p.Decision, p.Status == PlanStatus.Executed ? "executed" : "draft", p.Moves.Count, p.CreatedBy, p.CreatedAt, p.ExecutedAt))
            .ToListAsync(ct);

    /// <summary>The plan's moves with names, and the problems the check found with each.</summary>
    public async Task<List<MoveLine>> DescribeAsync(RotationPlan plan, IReadOnlyList<PlanProblem> problems, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var personIds = plan.Moves.Select(m => m.PersonId).Distinct().ToList();
        var names = await db.Set<StaffPerson>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var held = (await db.Set<PositionHeld>().AsNoTracking().Where(h => personIds.Contains(h.PersonId)).ToListAsync(ct)).ToLookup(h => h.PersonId);
        var positionIds = plan.Moves.Select(m => m.ToPositionId).Concat(held.SelectMany(g => g).Select(h => h.PositionId)).Distinct().ToList();
        var positions = await db.Set<Position>().AsNoTracking().Where(p => positionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var units = (await tree.AllAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        var found = problems.ToLookup(p => p.Move, p => p.Problem);
        return [.. plan.Moves.OrderBy(m => m.EffectiveOn).ThenBy(m => names.GetValueOrDefault(m.PersonId), StringComparer.Ordinal).Select((m, i) =>
        {
            var before = held[m.PersonId].FirstOrDefault(h => h.IsValidOn(m.EffectiveOn.AddDays(-1)));
            var from = before is null ? null : positions.GetValueOrDefault(before.PositionId);
            var to = positions.GetValueOrDefault(m.ToPositionId);
            var number = plan.Moves.IndexOf(m) + 1;
            return new MoveLine(number, m.PersonId, names.GetValueOrDefault(m.PersonId) ?? "", from?.Name, from is null ? null : units.GetValueOrDefault(from.UnitId),
                to?.Name, to is null ? null : units.GetValueOrDefault(to.UnitId), m.EffectiveOn, [.. found[number]]);
        })];
    }

    /// <summary>Drafts a unit's plan: kept whatever its check says (the check is shown with it and must pass to execute).</summary>
    public async Task<(RotationPlan Plan, List<PlanProblem> Problems)> DraftAsync(ClaimsPrincipal user, UnitInfo unit, int year, string? decision, IReadOnlyList<MoveRequest> moves, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var plan = new RotationPlan
        {
            UnitId = unit.Id, Year = year, Decision = decision?.Trim(), Status = PlanStatus.Draft, CreatedBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow(),
            Moves = [.. moves.Select(m => new RotationMove { PersonId = m.PersonId, ToPositionId = m.ToPositionId, EffectiveOn = m.EffectiveOn })],
        };
        var problems = await CheckAsync(moves, await WithinAsync(unit.Id, ct), ct);
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return (plan, problems);
    }

    /// <summary>
    /// Executes a plan whose check passes: each person leaves the position held the day before the move and takes the
    /// new one that day; their account leaves the old unit and works at the new one from that day. Once.
    /// </summary>
    public async Task<Result<RotationPlan>> ExecuteAsync(ClaimsPrincipal user, Guid planId, CancellationToken ct = default)
    {
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var plan = await db.Set<RotationPlan>().Include(p => p.Moves).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return Failure.NotFound();
        }

        if (plan.Status == PlanStatus.Executed)
        {
            return Failure.Conflict(Texts.Get("Staffing.PlanExecuted"), Texts.Get("Staffing.PlanTitle"));
        }

        var moves = plan.Moves.Select(m => new MoveRequest(m.PersonId, m.ToPositionId, m.EffectiveOn)).ToList();
        if (await CheckAsync(moves, await WithinAsync(plan.UnitId, ct), ct) is { Count: > 0 } problems)
        {
            return Failure.Conflict(Texts.Get("Staffing.PlanHasProblems", problems.Count), Texts.Get("Staffing.PlanTitle"))
                with { Extensions = new Dictionary<string, object?> { ["problems"] = problems } };
        }

        foreach (var move in plan.Moves)
        {
            var person = await db.Set<StaffPerson>().AsNoTracking().FirstAsync(p => p.Id == move.PersonId, ct);
            var target = await db.Set<Position>().AsNoTracking().FirstAsync(p => p.Id == move.ToPositionId, ct);
            var lastDay = move.EffectiveOn.AddDays(-1);
            var current = await db.Set<PositionHeld>().FirstAsync(h => h.PersonId == person.Id && h.ValidFrom <= lastDay && (h.ValidTo == null || h.ValidTo >= lastDay), ct);
            current.ValidTo = lastDay;
            db.Add(new PositionHeld
            {
                PersonId = person.Id, PositionId = target.Id, UnitId = target.UnitId, Category = target.Category, ValidFrom = move.EffectiveOn, RotationPlanId = plan.Id,
            });
            if (person.AccountId is { } account && current.UnitId != target.UnitId)
            {
                await memberships.LeaveAsync(account, current.UnitId, lastDay, ct);
                await memberships.JoinAsync(account, target.UnitId, move.EffectiveOn, ct);
            }
        }

        (plan.Status, plan.ExecutedBy, plan.ExecutedAt) = (PlanStatus.Executed, user.Identity?.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return plan;
    }
}
