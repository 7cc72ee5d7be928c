
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reports;

/// <summary>One group of the index: <c>score = numerator ÷ denominator × max</c>, null ("no data") when the denominator is 0.</summary>
public sealed record IndexGroup(double? Score, int Max, int Numerator, int Denominator, string Formula)
{
    public static IndexGroup Of(int numerator, int denominator, int max, string formula) =>
        new(denominator == 0 ? null : Math.Round((double)numerator / denominator * max, 2), max, numerator, denominator, formula);
}

/// <summary>The sum of the groups with data, out of the sum of their maxima.</summary>
public sealed record IndexTotal(double? Score, int Max);

public sealed record ServiceIndexView(
    string Unit, string UnitName, DateOnly From, DateOnly To,
    IndexGroup Publicity, IndexGroup Progress, IndexGroup OnlineService, IndexGroup OnlinePayment, IndexGroup Digitisation, IndexGroup Satisfaction, IndexTotal Total)
{
    /// <summary>Read from the replica this many seconds behind the primary; null when read from the primary.</summary>
    public double? ReplicaLagSeconds { get; init; }

    public IEnumerable<(string Key, IndexGroup Group)> Groups =>
        [("publicity", Publicity), ("progress", Progress), ("onlineService", OnlineService), ("onlinePayment", OnlinePayment), ("digitisation", Digitisation), ("satisfaction", Satisfaction)];
}

/// <summary>
/// The service-quality index of Decision 766/QĐ-TTg (DOMAIN §9) for a unit and a period, from MotCua's own
/// dossiers; how each group is computed, and what is an approximation, is in <c>docs/reports.md</c>.
/// </summary>
public sealed class ServiceIndex(UnitFigures figures, ReportRollup rollup, Payments.Contracts.PaymentFigures payments)
{
    public async Task<ServiceIndexView> ComputeAsync(ReportUnit unit, Period period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(period);
        var set = await figures.ReadAsync(unit, period, "month", await rollup.StateAsync(ct), breakdowns: false, ct);
        var overdueUnresolved = await figures.OverdueUnresolvedAsync(unit.OfficeIds, period, ct);
        var inHand = await figures.InHandWithinDeadlineAsync(unit.OfficeIds, period, ct);
        var (withFee, paidOnline) = await payments.OnlineAsync(unit.OfficeIds, period.Start, period.End, ct);
        var t = set.Totals;
        // Resolved unsatisfied or late: the late, and those rated unsatisfied (both stored per day), each dossier once.
        var unsatisfied = t.Late + t.ResolvedUnsatisfied - await figures.ResolvedLateAndUnsatisfiedAsync(unit.OfficeIds, period, ct);
        var (n, contact, online, digitised) = (t.Received, t.Contactable, t.Online, t.Digitised);
        var (resolvedN, inTime) = (t.Resolved, t.Early + t.OnTime);
        var groups = new[]
        {
            IndexGroup.Of(contact, n, 18, Texts.Get("Index.Formula.Publicity")),
            IndexGroup.Of(inTime + inHand, resolvedN + overdueUnresolved + inHand, 20, Texts.Get("Index.Formula.Progress")),
            IndexGroup.Of(online, n, 12, Texts.Get("Index.Formula.Online")),
            IndexGroup.Of(paidOnline, withFee, 10, Texts.Get("Index.Formula.Payment")),
            IndexGroup.Of(digitised, n, 22, Texts.Get("Index.Formula.Digitisation")),
            IndexGroup.Of(resolvedN - unsatisfied, resolvedN, 18, Texts.Get("Index.Formula.Satisfaction")),
        };
        var withData = groups.Where(g => g.Score is not null).ToList();
        var total = new IndexTotal(withData.Count == 0 ? null : Math.Round(withData.Sum(g => g.Score!.Value), 2), withData.Sum(g => g.Max));
        return new ServiceIndexView(unit.Unit.Code, unit.Unit.Name, period.From, period.To, groups[0], groups[1], groups[2], groups[3], groups[4], groups[5], total);
    }
}
