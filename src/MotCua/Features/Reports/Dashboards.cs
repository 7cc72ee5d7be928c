using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Reports;

public sealed record DashboardView(
    string Unit, string UnitName, DateOnly From, DateOnly To, DateTimeOffset AsOf, string Grain, Counts Totals, IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<Breakdown> ByProcedure, IReadOnlyList<Breakdown> ByField, IReadOnlyList<Breakdown> ByOffice, IReadOnlyList<Breakdown> ByOfficer,
    IReadOnlyList<Breakdown> Units, Apologies Apologies)
{
    /// <summary>Read from the replica this many seconds behind the primary; null when read from the primary.</summary>
    public double? ReplicaLagSeconds { get; init; }
}

public sealed record ListedDossier(
    string Code, string ProcedureCode, string ProcedureName, string OfficeCode, string ApplicantName, string Status, string Channel,
    DateTimeOffset ReceivedAt, DateTimeOffset DueAt, DateTimeOffset? ResolvedAt, string? Timeliness, string? ReceivedBy);

public sealed record DossierPage(int Total, int Page, int PageSize, IReadOnlyList<ListedDossier> Items);

/// <summary>Puts a unit's dashboard together: totals, trend, breakdowns and the units below it ranked.</summary>
public sealed class Dashboards(UnitFigures figures, ReportRollup rollup, UnitTree tree, TimeProvider clock)
{
    public const int PageSize = 50;

    public const int MaxOfficesForOfficers = 10;

    public async Task<DashboardView> ReadAsync(ReportUnit unit, Period period, string? grain, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(period);
        grain = grain is "week" or "month" ? grain : period.To.DayNumber - period.From.DayNumber > 62 ? "month" : "week";
        var state = await rollup.StateAsync(ct);
        var set = await figures.ReadAsync(unit, period, grain, state, ct: ct);
        var procedures = await figures.ProceduresAsync([.. set.ByProcedure.Keys], ct);
        var byProcedure = set.ByProcedure.Select(p =>
        {
            var (name, field) = procedures.GetValueOrDefault(p.Key, (p.Key, ""));
            return new Breakdown(p.Key, name, field, p.Value);
        }).OrderByDescending(b => b.Counts.Received).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
        var byField = byProcedure.GroupBy(b => b.Field ?? "").Select(g => new Breakdown(g.Key, g.Key, g.Key, g.Select(b => b.Counts).Aggregate(Counts.Zero, Counts.Add)))
            .OrderByDescending(b => b.Counts.Received).ToList();
        var units = (await tree.FindManyAsync([.. set.ByOffice.Keys.Union(unit.Tree.Where(l => l.ParentId == unit.Unit.Id).Select(l => l.Id))], ct)).ToDictionary(u => u.Id);
        var ranked = unit.Tree.Where(l => l.ParentId == unit.Unit.Id && units.ContainsKey(l.Id))
            .Select(l => (Unit: units[l.Id], Counts: set.ByChild.GetValueOrDefault(l.Id, Counts.Zero)))
            .Where(c => c.Unit.ValidTo is null || c.Counts != Counts.Zero)
            .Select(c => new Breakdown(c.Unit.Code, c.Unit.Name, null, c.Counts))
            .OrderByDescending(b => b.Counts.OnTimeShare ?? -1).ThenByDescending(b => b.Counts.Satisfaction ?? -1).ThenByDescending(b => b.Counts.Received).ToList();
        var byOffice = set.ByOffice.Where(o => units.ContainsKey(o.Key)).Select(o => new Breakdown(units[o.Key].Code, units[o.Key].Name, null, o.Value))
            .OrderByDescending(b => b.Counts.Received).ToList();
        var trend = UnitFigures.Buckets(period, grain).Select(b =>
        {
            var c = set.ByBucket.GetValueOrDefault(b.From, Counts.Zero);
            return new TrendPoint(b.Label, b.From, b.To, c.Received, c.Resolved, c.Late);
        }).ToList();
        // Officers are listed for an office or a ward; a district or a city picks one of its units to see them.
        var officers = byOffice.Count <= MaxOfficesForOfficers ? await figures.ByOfficerAsync(unit, period, state, ct) : [];
        return new DashboardView(
            unit.Unit.Code, unit.Unit.Name, period.From, period.To, Infrastructure.VietnamTime.ToVietnam(clock.GetUtcNow()), grain,
            set.Totals, trend, byProcedure, byField, byOffice, officers, ranked, await figures.ApologiesAsync(unit.OfficeIds, period, ct));
    }

    /// <summary>One page of the dossiers behind a figure, newest first, names masked.</summary>
    public async Task<DossierPage> DossiersAsync(ReportUnit unit, Period period, string measure, Slice slice, int page, CancellationToken ct = default)
    {
        var q = figures.Filter(unit, period, measure, slice);
        var total = await q.CountAsync(ct);
        page = Math.Max(1, page);
        var rows = await q.OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Code).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(d => new { d.Code, d.ProcedureCode, d.ProcedureName, d.OfficeCode, d.ApplicantName, d.Status, d.Channel, d.ReceivedAt, d.DueAt, d.ResolvedAt, d.Timeliness, d.ReceivedBy })
            .ToListAsync(ct);
        return new DossierPage(total, page, PageSize, [.. rows.Select(d => new ListedDossier(
            d.Code, d.ProcedureCode, d.ProcedureName, d.OfficeCode, DossierReader.MaskName(d.ApplicantName), DossierReader.Status(d.Status), d.Channel.ToString().ToLowerInvariant(),
            Vn(d.ReceivedAt), Vn(d.DueAt), d.ResolvedAt is { } r ? Vn(r) : null, d.Timeliness is { } t ? EnumNames.Of(t) : null, d.ReceivedBy))]);
    }

    private static DateTimeOffset Vn(DateTimeOffset t) => Infrastructure.VietnamTime.ToVietnam(t);
}
