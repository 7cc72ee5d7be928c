using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Staffing;

/// <summary>A unit's quota of a category against the people in post on a day (quota null: none assigned for the year).</summary>
public sealed record QuotaLine(string UnitCode, string UnitName, string Category, int? Quota, int Filled, DateOnly OnDate);

/// <summary>
/// Quotas and appointments. A unit counts, besides its own quota and people, those of the units merged into it before
/// the day (their quotas and posts went with them); an appointment that would put a unit over its quota is refused
/// with the figures, unless the decision that allows it is given.
/// </summary>
public sealed class StaffingDesk(AppDbContext db, UnitTree tree, UnitScope scope, StaffMemberships memberships, TimeProvider clock)
{
    public static string CategoryName(StaffCategory category) => EnumNames.Of(category);

    /// <summary>The day figures of <paramref name="year"/> are read on: today in the current year, its last day for a past one, its first for a future one.</summary>
    public DateOnly DayOf(int year)
    {
        var today = VietnamTime.Today(clock);
        return year == today.Year ? today : year < today.Year ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
    }

    /// <summary>
    /// The quota lines of the units (each category), on <paramref name="on"/>: each unit with the units merged into it
    /// before that day, whose people it carries then, and their quotas; a unit divided between successors (the 2025
    /// reform) leaves each the share of its quota the successor took (rounded), and its people to the principal one.
    /// </summary>
    public async Task<List<QuotaLine>> QuotasAsync(IReadOnlyList<UnitInfo> units, int year, DateOnly on, CancellationToken ct = default)
    {
        var links = await tree.LinksAsync(ct);
        var parts = await tree.PartsAsync(ct);
        var recorded = parts.ToDictionary(p => (p.PredecessorId, p.SuccessorId), p => p.SharePercent);
        var direct = links.Where(l => l.SuccessorId is not null).Select(l => (Predecessor: l.Id, Successor: l.SuccessorId!.Value))
            .Concat(parts.Select(p => (Predecessor: p.PredecessorId, Successor: p.SuccessorId))).Distinct()
            .ToLookup(x => x.Successor, x => (x.Predecessor, Share: recorded.GetValueOrDefault((x.Predecessor, x.Successor), 100) / 100m));
        var shares = units.ToDictionary(u => u.Id, u => SharesOf(direct, u.Id)); // most units have no predecessor: only themselves
        var predecessorIds = shares.SelectMany(m => m.Value.Keys.Where(id => id != m.Key)).Distinct().ToList();
        var ended = predecessorIds.Count == 0 ? [] : (await tree.FindManyAsync(predecessorIds, ct)).Where(p => p.ValidTo is { } end && end < on).Select(p => p.Id).ToHashSet();
        var counted = shares.ToDictionary(m => m.Key, m => m.Value.Where(x => x.Key == m.Key || ended.Contains(x.Key)).ToList());
        // People go with the principal successor only (a person is not divided).
        var carried = units.ToDictionary(u => u.Id, u => counted[u.Id].Count == 1 ? [u.Id] : UnitTree.AndPredecessors(links, [u.Id]).Where(id => id == u.Id || ended.Contains(id)).ToList());
        var ids = counted.Values.SelectMany(c => c.Select(x => x.Key)).Distinct().ToList();
        var quotas = (await db.Set<StaffQuota>().AsNoTracking().Where(q => q.Year == year && ids.Contains(q.UnitId)).ToListAsync(ct))
            .GroupBy(q => (q.UnitId, q.Category)).ToDictionary(g => g.Key, g => g.OrderByDescending(q => q.SetAt).First().Quota);
        var filled = (await db.Set<PositionHeld>().AsNoTracking().ValidOn(on).Where(h => ids.Contains(h.UnitId))
                .GroupBy(h => new { h.UnitId, h.Category }).Select(g => new { g.Key.UnitId, g.Key.Category, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => (x.UnitId, x.Category), x => x.Count);
        return [.. units.SelectMany(u => Enum.GetValues<StaffCategory>().Select(c =>
        {
            var assigned = counted[u.Id].Where(p => quotas.ContainsKey((p.Key, c))).Select(p => quotas[(p.Key, c)] * p.Value).ToList();
            int? quota = assigned.Count == 0 ? null : (int)Math.Round(assigned.Sum(), MidpointRounding.AwayFromZero);
            return new QuotaLine(u.Code, u.Name, CategoryName(c), quota, carried[u.Id].Sum(p => filled.GetValueOrDefault((p, c))), on);
        }))];
    }

    /// <summary>The unit and every unit it succeeded (merged or divided into it, transitively), each with the share of it the unit took.</summary>
    private static Dictionary<Guid, decimal> SharesOf(ILookup<Guid, (Guid Predecessor, decimal Share)> direct, Guid unit)
    {
        var shares = new Dictionary<Guid, decimal> { [unit] = 1m };
        var pending = new Stack<Guid>([unit]);
        while (pending.TryPop(out var id))
        {
            foreach (var (predecessor, share) in direct[id])
            {
                if (shares.TryAdd(predecessor, shares[id] * share))
                {
                    pending.Push(predecessor);
                }
            }
        }

        return shares;
    }

    /// <summary>The units directly below <paramref name="unit"/> open on the day, by code.</summary>
    public async Task<List<UnitInfo>> BelowAsync(UnitInfo unit, DateOnly on, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var children = (await tree.LinksAsync(ct)).Where(l => l.ParentId == unit.Id).Select(l => l.Id).ToList();
        return children.Count == 0 ? [] : [.. (await tree.FindManyAsync(children, ct)).Where(u => u.IsValidOn(on)).OrderBy(u => u.Code)];
    }

    /// <summary>
    /// The figures a position held from <paramref name="from"/> on (no end) must fit: that day's, or today's for a
    /// day in the past when today has less room.
    /// </summary>
    public async Task<(int? Quota, int Filled)> RoomAsync(UnitInfo unit, StaffCategory category, DateOnly from, CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var then = await QuotaAsync(unit, category, from, ct);
        if (from < today && await QuotaAsync(unit, category, today, ct) is { Quota: { } quota } now && (then.Quota is not { } before || quota - now.Filled < before - then.Filled))
        {
            return now;
        }

        return then;
    }

    /// <summary>The unit's quota and people in post of one category on a day.</summary>
    public async Task<(int? Quota, int Filled)> QuotaAsync(UnitInfo unit, StaffCategory category, DateOnly on, CancellationToken ct = default)
    {
        var line = (await QuotasAsync([unit], on.Year, on, ct)).Single(l => l.Category == CategoryName(category));
        return (line.Quota, line.Filled);
    }

    /// <summary>Whether the caller edits the unit's staffing: its leaders and those of the units above, and administrators.</summary>
    public async Task<bool> MayEditAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct = default) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Leader) && (await scope.VisibleUnitIdsAsync(user, ct)).Contains(unitId);

    /// <summary>Records a quota (a new row: the history stays). The unit above assigns it: its leaders, or administrators.</summary>
    public async Task<Result<QuotaLine>> SetQuotaAsync(ClaimsPrincipal user, UnitInfo unit, int year, StaffCategory category, int quota, string? decision, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Administrator) && (unit.ParentId is not { } parent || !await MayEditAsync(user, parent, ct)))
        {
            return Failure.Forbidden(Texts.Get("Staffing.QuotaByUnitAbove"));
        }

        var on = DayOf(year);
        var (_, filled) = await QuotaAsync(unit, category, on, ct);
        if (quota < filled)
        {
            return OverQuota(Texts.Get("Staffing.QuotaBelowFilled", quota, filled), quota, filled);
        }

        db.Add(new StaffQuota { UnitId = unit.Id, Year = year, Category = category, Quota = quota, Decision = decision, SetBy = user.Identity?.Name ?? "", SetAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return (await QuotasAsync([unit], year, on, ct)).Single(l => l.Category == CategoryName(category));
    }

    /// <summary>
    /// Appoints a person to a position from a day. Refused: a position held by the person on any of those days
    /// (one at a time), a unit the appointment would put over its quota on that day or today (with the figures) unless
    /// the allowing decision is given.
    /// The person's account works at the position's unit from that day.
    /// </summary>
    public async Task<Result<PositionHeld>> AppointAsync(StaffPerson person, Position position, UnitInfo unit, DateOnly from, string? overQuotaDecision, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(position);
        if (await db.Set<PositionHeld>().AnyAsync(h => h.PersonId == person.Id && (h.ValidTo == null || h.ValidTo >= from), ct))
        {
            return Failure.Conflict(Texts.Get("Staffing.Overlap"), Texts.Get("Staffing.OverlapTitle"), "from");
        }

        if (!unit.IsValidOn(from))
        {
            return Failure.Invalid("positionId", Texts.Get("Staffing.UnitClosed", unit.Name));
        }

        var (quota, filled) = await RoomAsync(unit, position.Category, from, ct);
        if (quota is { } q && filled + 1 > q && string.IsNullOrWhiteSpace(overQuotaDecision))
        {
            return OverQuota(Texts.Get("Staffing.OverQuota", unit.Name, filled, q), q, filled);
        }

        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var held = new PositionHeld
        {
            PersonId = person.Id, PositionId = position.Id, UnitId = unit.Id, Category = position.Category, ValidFrom = from,
            OverQuotaDecision = quota is { } limit && filled + 1 > limit ? overQuotaDecision!.Trim() : null,
        };
        db.Add(held);
        if (person.AccountId is { } account)
        {
            await memberships.JoinAsync(account, unit.Id, from, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return held;
    }

    public static Failure OverQuota(string message, int quota, int filled) =>
        Failure.Conflict(message, Texts.Get("Staffing.OverQuotaTitle")) with { Extensions = new Dictionary<string, object?> { ["quota"] = quota, ["filled"] = filled } };
}
