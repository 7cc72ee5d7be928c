using System.Collections.Concurrent;

namespace MotCua.Infrastructure.Background;

/// <summary>How one recurring job of this node stands: its schedule, its last run and how that ended, its next run.</summary>
public sealed record JobRun(string Job, bool Enabled, TimeSpan Every, DateTimeOffset? LastStarted, TimeSpan? LastTook, string? LastError, DateTimeOffset? Next);

/// <summary>This node's recurring jobs as they ran (in memory: each node writes them with its heartbeat for the operator's page).</summary>
public sealed class JobRuns
{
    private readonly ConcurrentDictionary<string, JobRun> runs = new(StringComparer.Ordinal);

    public IReadOnlyList<JobRun> All => [.. runs.Values.OrderBy(r => r.Job, StringComparer.Ordinal)];

    public void Scheduled(string job, JobSchedule schedule, DateTimeOffset next)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        runs[job] = new JobRun(job, schedule.Enabled, schedule.Every, null, null, null, schedule.Enabled ? next : null);
    }

    public void Ran(string job, DateTimeOffset started, DateTimeOffset ended, string? error, DateTimeOffset next) =>
        runs.AddOrUpdate(job, _ => new JobRun(job, true, TimeSpan.Zero, started, ended - started, error, next),
            (_, run) => run with { LastStarted = started, LastTook = ended - started, LastError = error, Next = next });
}
