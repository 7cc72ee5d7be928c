using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MotCua.Infrastructure.Telemetry;

/// <summary>
/// MotCua's own meter: what happened (counters, counted where it happens, once its transaction committed) and how
/// things stand (gauges, read from the database by each capability's <see cref="IOperationalFigures"/> when metrics
/// are collected). Exported for Prometheus as <c>motcua_…</c>; the names and labels are in docs/operations.md.
/// Labels carry office codes, channels and reasons, never a person.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "MotCua";

    /// <summary>Spans of MotCua's own work (the background jobs; requests have ASP.NET Core's).</summary>
    public static readonly ActivitySource Source = new("MotCua");

    private readonly Counter<long> received;
    private readonly Counter<long> resolved;
    private readonly Counter<long> called;
    private readonly Counter<long> evaluations;
    private readonly Counter<long> failedSignIns;
    private readonly Counter<long> rateLimited;
    private readonly Counter<long> refusedFiles;

    public AppMetrics(IMeterFactory meters, OperationalFigures figures)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(figures);
        var meter = meters.Create(MeterName);
        received = meter.CreateCounter<long>("motcua.dossiers.received", "{dossier}", "Dossiers received, by channel and office");
        resolved = meter.CreateCounter<long>("motcua.dossiers.resolved", "{dossier}", "Dossiers whose result is ready, by channel, office and timeliness (early, on_time, late)");
        called = meter.CreateCounter<long>("motcua.queue.tickets_called", "{ticket}", "Queue tickets called, by office and counter");
        evaluations = meter.CreateCounter<long>("motcua.evaluations", "{evaluation}", "Evaluations given (at the counter, of the dossier's result), by office, kind and whether satisfied");
        failedSignIns = meter.CreateCounter<long>("motcua.signins.failed", "{attempt}", "Sign-ins refused (wrong password, unknown account, throttled), by kind of account");
        rateLimited = meter.CreateCounter<long>("motcua.requests.rate_limited", "{request}", "Public requests refused by the rate limit");
        refusedFiles = meter.CreateCounter<long>("motcua.files.refused", "{file}", "Uploaded files whose decoding was refused, by reason (damaged or too large, too slow, busy)");
        foreach (var gauge in OperationalFigures.Gauges)
        {
            meter.CreateObservableGauge(gauge.Name, () => figures.Observe(gauge.Name), gauge.Unit, gauge.Description);
        }
    }

    public void DossierReceived(string channel, string office) => received.Add(1, new("channel", channel), new("office", office));

    public void DossierResolved(string channel, string office, string timeliness) => resolved.Add(1, new("channel", channel), new("office", office), new("timeliness", timeliness));

    public void TicketCalled(string office, int counter) => called.Add(1, new("office", office), new("counter", counter));

    public void Evaluated(string office, string kind, bool satisfied) => evaluations.Add(1, new("office", office), new("kind", kind), new("satisfied", satisfied));

    public void SignInFailed(string kind) => failedSignIns.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RateLimited() => rateLimited.Add(1);

    public void FileRefused(string reason) => refusedFiles.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
