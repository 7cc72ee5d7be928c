using System.Diagnostics.Metrics;

namespace MotCua.Infrastructure.Telemetry;

/// <summary>One value of a gauge, for one office or for the whole system.</summary>
public sealed record GaugeReading(string Gauge, double Value, string? Office = null);

/// <summary>A gauge MotCua exports, with its unit and what it says.</summary>
public sealed record GaugeDefinition(string Name, string Unit, string Description);

/// <summary>A capability's figures of how things stand now (its backlog, its open work), read from its own tables.</summary>
public interface IOperationalFigures
{
    Task<IEnumerable<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken ct);
}

/// <summary>
/// The gauges' last readings. They are read from the database when metrics are collected or the operator's page
/// is shown, at most once per <c>Telemetry:FiguresSeconds</c> on a node (a scrape every 15 s by each of several
/// Prometheus servers costs one read); the exporter then takes them without touching the database. A source that
/// fails is logged and its gauges are left out of that reading, as Prometheus expects of a missing value.
/// </summary>
public sealed partial class OperationalFigures(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OperationalFigures> log) : IDisposable
{
    public static readonly IReadOnlyList<GaugeDefinition> Gauges =
    [
        new("motcua.dossiers.open", "{dossier}", "Dossiers being handled (received, in progress, waiting for a supplement), by office"),
        new("motcua.dossiers.overdue", "{dossier}", "Open dossiers past their due instant with the clock running, by office"),
        new("motcua.dossiers.due_today", "{dossier}", "Open dossiers due before the end of today (Vietnam time), by office"),
        new("motcua.staff.signed_in", "{account}", "Staff with an open session who work at the office or its ward, by office"),
        new("motcua.outbox.backlog", "{message}", "Messages to citizens and staff waiting to be sent"),
        new("motcua.outbox.oldest_age", "s", "Age of the oldest message waiting to be sent (0 when none waits)"),
        new("motcua.national_sync.backlog", "{record}", "Records waiting to reach the national portal"),
        new("motcua.payments.pending", "{payment}", "Online payments waiting for the gateway's answer"),
        new("motcua.queue.waiting", "{ticket}", "Tickets waiting to be called today, by office"),
        new("motcua.queue.oldest_wait", "s", "How long the longest-waiting ticket of today has waited, by office"),
        new("motcua.storage.free", "By", "Free space on the disk of the file store"),
        new("motcua.storage.free_ratio", "1", "Free share of the disk of the file store (0 to 1)"),
        new("motcua.database.replica_lag", "s", "How far the reports' PostgreSQL replica is behind the primary (when one is configured)"),
    ];

    private readonly SemaphoreSlim one = new(1, 1);
    private volatile Reading last = new([], DateTimeOffset.MinValue);

    /// <summary>The last reading and when it was taken.</summary>
    public sealed record Reading(IReadOnlyList<GaugeReading> Values, DateTimeOffset At)
    {
        public double Sum(string gauge) => Values.Where(v => v.Gauge == gauge).Sum(v => v.Value);
    }

    public Reading Last => last;

    public IEnumerable<Measurement<double>> Observe(string gauge) => last.Values.Where(v => v.Gauge == gauge)
        .Select(v => v.Office is null ? new Measurement<double>(v.Value) : new Measurement<double>(v.Value, new KeyValuePair<string, object?>("office", v.Office)));

    /// <summary>Reads every capability's figures again unless the last reading is younger than <paramref name="maxAge"/>.</summary>
    public async Task<Reading> RefreshAsync(TimeSpan maxAge, CancellationToken ct = default)
    {
        if (clock.GetUtcNow() - last.At < maxAge)
        {
            return last;
        }

        await one.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            if (now - last.At < maxAge)
            {
                return last;
            }

            var values = new List<GaugeReading>();
            await using var scope = scopes.CreateAsyncScope();
            foreach (var source in scope.ServiceProvider.GetServices<IOperationalFigures>())
            {
                try
                {
                    values.AddRange(await source.ReadAsync(now, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(log, e, source.GetType().Name);
                }
            }

            return last = new Reading(values, now);
        }
        finally
        {
            one.Release();
        }
    }

    public void Dispose() => one.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The operational figures of {Source} could not be read")]
    private static partial void LogFailed(ILogger logger, Exception e, string source);
}
