using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Infrastructure.Database;

namespace MotCua.Infrastructure.Background;

/// <summary>Work that runs on a timer on every node, in a scope of its own per run (the sweeper, the outbox, the roll-up, the scan folders, SQLite's checkpoint).</summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken ct);
}

/// <summary>When a job runs: whether at all (tests drive it themselves), how often, and whether once at start.</summary>
public sealed record JobSchedule(bool Enabled, TimeSpan Every, bool RunAtStart);

public static class RecurringJobs
{
    /// <summary>
    /// Registers <typeparamref name="TJob"/> (scoped, unless registered before, as a job that keeps state between
    /// runs is) and the loop that runs it on its schedule.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, Func<IServiceProvider, JobSchedule> schedule)
        where TJob : class, IRecurringJob
    {
        services.TryAddScoped<TJob>();
        services.AddHostedService(sp => new RecurringJobLoop<TJob>(
            sp.GetRequiredService<IServiceScopeFactory>(), schedule(sp), sp.GetRequiredService<JobRuns>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RecurringJobLoop<TJob>>>()));
        return services;
    }
}

/// <summary>
/// The one loop: a failed run is logged and the next tick tries again; stopping the host ends it. Each run is a
/// span of its own (<c>job &lt;name&gt;</c>) and is written down in <see cref="JobRuns"/> for the operator's page.
/// </summary>
public sealed partial class RecurringJobLoop<TJob>(IServiceScopeFactory scopes, JobSchedule schedule, JobRuns runs, TimeProvider clock, ILogger<RecurringJobLoop<TJob>> logger) : BackgroundService
    where TJob : class, IRecurringJob
{
    private static readonly string Name = typeof(TJob).Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        runs.Scheduled(Name, schedule, schedule.Enabled && schedule.RunAtStart ? clock.GetUtcNow() : clock.GetUtcNow() + schedule.Every);
        if (!schedule.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(schedule.Every);
        if (!schedule.RunAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        do
        {
            var started = clock.GetUtcNow();
            using var activity = Telemetry.AppMetrics.Source.StartActivity("job " + Name);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(stoppingToken);
                runs.Ran(Name, started, clock.GetUtcNow(), null, started + schedule.Every);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
                runs.Ran(Name, started, clock.GetUtcNow(), e.GetType().Name, started + schedule.Every);
                LogFailed(logger, e, Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; trying again on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception e, string job);
}

/// <summary>
/// One node at a time for work that several nodes share: a PostgreSQL session advisory lock, held on the
/// context's connection until disposed. SQLite serves one node, which needs no lock.
/// </summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly AppDbContext db;
    private readonly long key;
    private readonly bool postgres;

    private AdvisoryLock(AppDbContext db, long key, bool postgres)
    {
        this.db = db;
        this.key = key;
        this.postgres = postgres;
    }

    /// <summary>The lock, or null when another node holds it now.</summary>
    public static async Task<AdvisoryLock?> TryTakeAsync(AppDbContext db, long key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        if (postgres && !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(ct))
        {
            await db.Database.CloseConnectionAsync();
            return null;
        }

        return new AdvisoryLock(db, key, postgres);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
