using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using MotCua.Infrastructure.Background;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// SQLite commits append to the write-ahead log; by default the commit that takes the log past 1,000 pages also
/// copies it into the database file, with its fsyncs, while every other writer waits behind it (a counter's call
/// that happened to be that commit took several times as long). Here the app's connections never do that on
/// commit: <see cref="SqliteCheckpointJob"/> copies the log every second with a passive checkpoint, which
/// blocks neither writers nor readers. Nothing acknowledged is at risk: a commit is durable once in the log.
/// </summary>
internal sealed class SqliteCheckpoints : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private void Configure(DbConnection connection)
    {
        // Pooled connections keep their native handle, and the setting with it: once per handle.
        if (connection is SqliteConnection { Handle: { } handle } && !configured.TryGetValue(handle, out _))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint=0;";
            command.ExecuteNonQuery();
            configured.AddOrUpdate(handle, this);
        }
    }
}

/// <summary>Copies SQLite's write-ahead log into the database file (see <see cref="SqliteCheckpoints"/>); run once a second.</summary>
internal sealed partial class SqliteCheckpointJob(IOptions<DatabaseOptions> options, IHostEnvironment env, ILogger<SqliteCheckpointJob> log) : IRecurringJob
{
    public static JobSchedule Schedule(IServiceProvider services) =>
        new(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Sqlite, TimeSpan.FromSeconds(1), RunAtStart: false);

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(DatabaseModule.ConnectionString(options.Value, env.ContentRootPath));
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e)
        {
            LogFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; trying again in a second")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
