using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// Runs a read-only piece of work (a dashboard, an index) on the PostgreSQL replica when one is configured
/// (<see cref="DatabaseOptions.ReadConnectionString"/>): in a scope of its own whose database context connects to
/// the replica, so that every service of that work reads there, and with how many seconds the replica is behind.
/// The primary answers instead (with no lag) when there is no replica, when it is unreachable, or when it is
/// further behind than <see cref="DatabaseOptions.ReplicaMaxLag"/>. Nothing in such work may write.
/// </summary>
public sealed partial class ReplicaReads(IServiceProvider requestServices, IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<ReplicaReads> logger)
{
    private bool Configured => options.Value.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(options.Value.ReadConnectionString);

    public async Task<(T Value, double? LagSeconds)> ReadAsync<TService, T>(Func<TService, Task<T>> read, CancellationToken ct = default)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Configured)
        {
            try
            {
                var (current, value, lag) = await OnReplicaAsync(async (services, db) =>
                {
                    var lag = await LagAsync(db, ct);
                    return lag <= options.Value.ReplicaMaxLag.TotalSeconds ? (true, await read(services.GetRequiredService<TService>()), lag) : (false, default(T)!, lag);
                });
                if (current)
                {
                    return (value, lag);
                }

                LogBehind(logger, lag);
            }
            catch (Exception e) when (Transient.Is(e))
            {
                LogUnreachable(logger, e.GetBaseException().Message);
            }
        }

        return (await read(requestServices.GetRequiredService<TService>()), null);
    }

    /// <summary>How many seconds the replica is behind now; null when there is none or it cannot be reached.</summary>
    public async Task<double?> LagNowAsync(CancellationToken ct = default)
    {
        if (!Configured)
        {
            return null;
        }

        try
        {
            return await OnReplicaAsync((_, db) => LagAsync(db, ct));
        }
        catch (Exception e) when (Transient.Is(e))
        {
            LogUnreachable(logger, e.GetBaseException().Message);
            return null;
        }
    }

    /// <summary>Work in a scope of its own whose database context talks to the replica.</summary>
    private async Task<T> OnReplicaAsync<T>(Func<IServiceProvider, AppDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var primary = db.Database.GetConnectionString();
        db.Database.SetConnectionString(options.Value.ReadConnectionString);
        try
        {
            return await work(scope.ServiceProvider, db);
        }
        finally
        {
            // The context goes back to the pool: it must talk to the primary again.
            await db.Database.CloseConnectionAsync();
            db.Database.SetConnectionString(primary);
        }
    }

    /// <summary>Seconds since the last transaction the replica replayed, or 0 when it has replayed all it received.</summary>
    private static async Task<double> LagAsync(AppDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<double>(
            """
            SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END::float8 AS "Value"
            """).SingleAsync(ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read replica is {Lag:0} s behind: reports read from the primary")]
    private static partial void LogBehind(ILogger logger, double lag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read replica is unreachable ({Reason}): reports read from the primary")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
