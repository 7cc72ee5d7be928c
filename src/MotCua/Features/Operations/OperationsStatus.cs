using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Operations;

public sealed record NodeView(string Name, string Version, DateTimeOffset StartedAt, DateTimeOffset SeenAt, bool Alive, bool ThisNode, IReadOnlyList<JobRun> Jobs);

public sealed record ServiceCheck(bool Configured, bool Reachable, double? Milliseconds);

public sealed record Backlogs(int Outbox, double OutboxOldestSeconds, int NationalSync, int PaymentsPending, int DossiersOverdue, DateTimeOffset At);

public sealed record OperationsView(string Version, string Node, IReadOnlyList<NodeView> Nodes, ServiceCheck Database, string DatabaseProvider, double? ReplicaLagSeconds, ServiceCheck Redis, Backlogs Backlogs);

/// <summary>What an operator needs to see without Prometheus: the nodes and their background work, the backlogs, the database and Redis.</summary>
public sealed class OperationsStatus(AppDbContext db, ThisNode node, JobRuns runs, OperationalFigures figures, IConfiguration configuration, IOptions<TelemetryOptions> telemetry, TimeProvider clock)
{
    public async Task<OperationsView> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (database, records) = await DatabaseAsync(ct);
        var nodes = records.Select(n => new NodeView(n.Name, n.Version, n.StartedAt, n.SeenAt, now - n.SeenAt < 3 * NodeHeartbeat.Every, n.Name == node.Name,
                n.Name == node.Name ? runs.All : JsonSerializer.Deserialize<List<JobRun>>(n.Jobs) ?? []))
            .OrderByDescending(n => n.Alive).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        var reading = await figures.RefreshAsync(TimeSpan.FromSeconds(telemetry.Value.FiguresSeconds), ct);
        var backlogs = new Backlogs((int)reading.Sum("motcua.outbox.backlog"), reading.Sum("motcua.outbox.oldest_age"), (int)reading.Sum("motcua.national_sync.backlog"),
            (int)reading.Sum("motcua.payments.pending"), (int)reading.Sum("motcua.dossiers.overdue"), reading.At);
        var lag = reading.Values.FirstOrDefault(v => v.Gauge == "motcua.database.replica_lag")?.Value;
        return new OperationsView(TelemetryModule.Version, node.Name, nodes, database, db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite", lag, await RedisAsync(), backlogs);
    }

    private async Task<(ServiceCheck Check, List<NodeRecord> Nodes)> DatabaseAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var nodes = await db.Set<NodeRecord>().AsNoTracking().ToListAsync(ct);
            return (new ServiceCheck(true, true, Stopwatch.GetElapsedTime(started).TotalMilliseconds), nodes);
        }
        catch (Exception e) when (Transient.Is(e))
        {
            return (new ServiceCheck(true, false, null), []);
        }
    }

    /// <summary>Redis, when the nodes share SignalR through it: a connection of its own and a PING, within two seconds.</summary>
    private async Task<ServiceCheck> RedisAsync()
    {
        if (configuration["Redis:Configuration"] is not { Length: > 0 } redis)
        {
            return new ServiceCheck(false, false, null);
        }

        try
        {
            var options = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            (options.ConnectTimeout, options.AbortOnConnectFail) = (2000, true);
            await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options);
            var ping = await connection.GetDatabase().PingAsync();
            return new ServiceCheck(true, true, ping.TotalMilliseconds);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return new ServiceCheck(true, false, null);
        }
    }
}
