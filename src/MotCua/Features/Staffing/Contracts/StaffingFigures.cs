using System.Globalization;
using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Staffing.Contracts;

/// <summary>Staffing figures for other capabilities (a reform plan's "staffing within quota" target), with the page behind them.</summary>
public sealed class StaffingFigures(StaffingDesk desk)
{
    /// <summary>
    /// The share (per cent) of the quotas of the unit and of each unit directly below it, per category, whose people
    /// in post stay within the quota on the year's day (today in the current year); null when none has a quota.
    /// </summary>
    public async Task<(double? Share, string Source)> WithinQuotaAsync(UnitInfo unit, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var on = desk.DayOf(year);
        var lines = (await desk.QuotasAsync([unit, .. await desk.BelowAsync(unit, on, ct)], year, on, ct)).Where(l => l.Quota is not null).ToList();
        var share = lines.Count == 0 ? (double?)null : Math.Round(100.0 * lines.Count(l => l.Filled <= l.Quota) / lines.Count, 2);
        return (share, string.Create(CultureInfo.InvariantCulture, $"/Staffing?Unit={Uri.EscapeDataString(unit.Code)}&Year={year}"));
    }
}
