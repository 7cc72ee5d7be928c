using System.Globalization;
using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Reports.Contracts;

/// <summary>A figure of a unit over a period as the leaders' dashboard shows it (null: no data), and the page listing the records behind it.</summary>
public sealed record MeasuredFigure(string Measure, double? Value, string Source);

/// <summary>
/// The dashboard's own figures for other capabilities (a reform plan's measured targets): the same computation as
/// <c>/api/reports/dashboard</c> and the service index for the unit and everything below or merged into it, so the
/// two never differ.
/// </summary>
public sealed class UnitMeasures(UnitFigures figures, ReportRollup rollup, ServiceIndex index, UnitTree tree)
{
    public const string Satisfaction = "satisfaction";
    public const string OnTime = "onTime";
    public const string Online = "online";
    public const string Digitised = "digitised";
    public const string ServiceIndexScore = "serviceIndex";

    /// <summary>What can be measured: shares in per cent, and the Decision 766 index in points of 100.</summary>
    public static readonly IReadOnlyList<string> Names = [Satisfaction, OnTime, Online, Digitised, ServiceIndexScore];

    public async Task<MeasuredFigure> ReadAsync(UnitInfo unit, string measure, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        (await ReadAsync(unit, [measure], from, to, ct))[measure];

    /// <summary>Several figures of one unit and period from one read of its figures (the service index only when asked for).</summary>
    public async Task<Dictionary<string, MeasuredFigure>> ReadAsync(UnitInfo unit, IReadOnlyCollection<string> wanted, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(wanted);
        if (wanted.FirstOrDefault(m => !Names.Contains(m)) is { } unknown)
        {
            throw new ArgumentOutOfRangeException(nameof(wanted), unknown, "Not a measure.");
        }

        var links = await tree.LinksAsync(ct);
        var report = new ReportUnit(unit, [.. UnitTree.Expand(links, [unit.Id])], links);
        var period = new Period(from, to);
        var days = string.Create(CultureInfo.InvariantCulture, $"unit={Uri.EscapeDataString(unit.Code)}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var found = new Dictionary<string, MeasuredFigure>();
        if (wanted.Contains(ServiceIndexScore))
        {
            found[ServiceIndexScore] = new MeasuredFigure(ServiceIndexScore, (await index.ComputeAsync(report, period, ct)).Total.Score, $"/Reports?{days}");
        }

        if (wanted.Any(m => m != ServiceIndexScore))
        {
            var totals = (await figures.ReadAsync(report, period, "month", await rollup.StateAsync(ct), breakdowns: false, ct)).Totals;
            foreach (var (measure, value, listed) in new[]
            {
                (Satisfaction, totals.Satisfaction, Measure.Rated), (OnTime, totals.OnTimeShare, Measure.Resolved),
                (Online, totals.OnlineShare, Measure.Online), (Digitised, totals.DigitisedShare, Measure.Digitised),
            })
            {
                if (wanted.Contains(measure))
                {
                    found[measure] = new MeasuredFigure(measure, value, $"/Reports/Dossiers?{days}&measure={listed}");
                }
            }
        }

        return found;
    }
}
