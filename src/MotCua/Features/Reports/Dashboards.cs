using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Reports;

public sealed record DashboardView(
    string Unit, string UnitName, DateOnly From, DateOnly To, DateTimeOffset AsOf, string Grain, Counts Totals, IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<Breakdown> ByProcedure, IReadOnlyList<Breakdown> ByField, IReadOnlyList<Breakdown> ByOffice, IReadOnlyList<Breakdown> ByOfficer,
    IReadOnlyList<Breakdown> Units);

public sealed record DossierRow(
    string Code, string ProcedureCode, string ProcedureName, string OfficeCode, string ApplicantName, string Status, string Channel,
    DateTimeOffset ReceivedAt, DateTimeOffset DueAt, DateTimeOffset? ResolvedAt, string? Timeliness, string? ReceivedBy);

public sealed record DossierPage(int Total, int Page, int PageSize, IReadOnlyList<DossierRow> Items);

/// <summary>Puts a unit's dashboard together: totals, trend, breakdowns and the units below it ranked.</summary>
public sealed class Dashboards(UnitFigures figures, UnitTree tree, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<DashboardView> ReadAsync(ReportUnit unit, Period period, string? grain, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(period);
        grain = grain is "week" or "month" ? grain : period.To.DayNumber - period.From.DayNumber > 62 ? "month" : "week";
        var cells = await figures.ByOfficeAndProcedureAsync(unit, period, ct);
        var procedures = await figures.ProceduresAsync([.. cells.Keys.Select(k => k.Procedure).Distinct()], ct);
        var names = await UnitNamesAsync([.. cells.Keys.Select(k => k.Office).Distinct()], ct);
        var byOffice = cells.GroupBy(c => c.Key.Office).ToDictionary(g => g.Key, g => g.Select(c => c.Value).Aggregate(Counts.Zero, Counts.Add));
        var byProcedure = cells.GroupBy(c => c.Key.Procedure).Select(g =>
        {
            var (name, field) = procedures.GetValueOrDefault(g.Key, (g.Key, ""));
            return new Breakdown(g.Key, name, field, g.Select(c => c.Value).Aggregate(Counts.Zero, Counts.Add));
        }).OrderByDescending(b => b.Counts.Received).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
        var byField = byProcedure.GroupBy(b => b.Field ?? "").Select(g => new Breakdown(g.Key, g.Key, g.Key, g.Select(b => b.Counts).Aggregate(Counts.Zero, Counts.Add)))
            .OrderByDescending(b => b.Counts.Received).ToList();
        var children = UnitFigures.ByChildUnit(unit, byOffice);
        var childUnits = (await tree.FindManyAsync([.. children.Select(c => c.Unit)], ct)).ToDictionary(u => u.Id);
        var ranked = children.Where(c => childUnits.TryGetValue(c.Unit, out var u) && (u.ValidTo is null || c.Counts != Counts.Zero))
            .Select(c => new Breakdown(childUnits[c.Unit].Code, childUnits[c.Unit].Name, null, c.Counts))
            .OrderByDescending(b => b.Counts.OnTimeShare ?? -1).ThenByDescending(b => b.Counts.Satisfaction ?? -1).ThenByDescending(b => b.Counts.Received).ToList();
        return new DashboardView(
            unit.Unit.Code, unit.Unit.Name, period.From, period.To, Infrastructure.VietnamTime.ToVietnam(clock.GetUtcNow()), grain,
            byOffice.Values.Aggregate(Counts.Zero, Counts.Add), await figures.TrendAsync(unit, period, grain, ct), byProcedure, byField,
            [.. byOffice.Select(o => new Breakdown(names.GetValueOrDefault(o.Key).Code ?? "", names.GetValueOrDefault(o.Key).Name ?? "", null, o.Value)).OrderByDescending(b => b.Counts.Received)],
            await figures.ByOfficerAsync(unit, period, ct), ranked);
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
        return new DossierPage(total, page, PageSize, [.. rows.Select(d => new DossierRow(
            d.Code, d.ProcedureCode, d.ProcedureName, d.OfficeCode, DossierReader.MaskName(d.ApplicantName), DossierReader.Status(d.Status), d.Channel.ToString().ToLowerInvariant(),
            Vn(d.ReceivedAt), Vn(d.DueAt), d.ResolvedAt is { } r ? Vn(r) : null, d.Timeliness, d.ReceivedBy))]);
    }

    private static DateTimeOffset Vn(DateTimeOffset t) => Infrastructure.VietnamTime.ToVietnam(t);

    private async Task<Dictionary<Guid, (string Code, string Name)>> UnitNamesAsync(Guid[] ids, CancellationToken ct) =>
        (await tree.FindManyAsync(ids, ct)).ToDictionary(u => u.Id, u => (u.Code, u.Name));
}
