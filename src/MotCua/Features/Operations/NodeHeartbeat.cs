using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Operations;

/// <summary>
/// Each node writes, every <see cref="Every"/>, that it is alive, with its version and its jobs' last runs, so that
/// the operator's page shows every node from any of them; a node silent for three beats is shown as down, and one
/// silent for a week is forgotten.
/// </summary>
public sealed class NodeHeartbeat(AppDbContext db, JobRuns runs, ThisNode node, TimeProvider clock) : IRecurringJob
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    public static JobSchedule Schedule(IServiceProvider services) => new(true, Every, RunAtStart: true);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var jobs = JsonSerializer.Serialize(runs.All);
        var record = await db.Set<NodeRecord>().FirstOrDefaultAsync(n => n.Name == node.Name, ct);
        if (record is null)
        {
            db.Add(new NodeRecord { Name = node.Name, Version = TelemetryModule.Version, StartedAt = node.StartedAt, SeenAt = now, Jobs = jobs });
        }
        else
        {
            (record.Version, record.StartedAt, record.SeenAt, record.Jobs) = (TelemetryModule.Version, node.StartedAt, now, jobs);
        }

        await db.SaveChangesAsync(ct);
        var forgotten = now.AddDays(-7);
        await db.Set<NodeRecord>().Where(n => n.SeenAt < forgotten).ExecuteDeleteAsync(ct);
    }
}

/// <summary>This node: its name (machine and port) and when it started.</summary>
public sealed class ThisNode(IServer server, TimeProvider clock)
{
    private string? name;

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    /// <summary>Known for good once the server listens (before that, in a first beat, the machine's name alone).</summary>
    public string Name => name ?? (Port() is { } port ? name = $"{Environment.MachineName}:{port}" : Environment.MachineName);

    private int? Port() => server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
        && Uri.TryCreate(address.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Port : null;
}
