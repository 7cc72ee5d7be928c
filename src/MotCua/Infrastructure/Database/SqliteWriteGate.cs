using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// The one queue of SQLite writers in this process (see <see cref="WriteTransaction"/>): a plain
/// <c>SaveChanges</c> outside a transaction (the outbox marking a message sent, a sign-in's session, a job's
/// bookkeeping) queues here too, so it never meets a hot path's transaction at the database and sends it to sleep
/// for 150 ms. A save inside a transaction queues with its transaction instead. A gate not had within
/// <see cref="Patience"/> lets the save go to the database, whose own busy handling then applies, so a save made
/// from inside another writer's transaction (a different context) waits, never deadlocks.
/// </summary>
internal sealed partial class SqliteWriteGate(ILogger<SqliteWriteGate> log) : SaveChangesInterceptor
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();
    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> held = [];

    /// <summary>The gate of the database <paramref name="db"/> writes to; null when it is not SQLite.</summary>
    public static SemaphoreSlim? For(DbContext db) =>
        db.Database.IsSqlite() ? Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1)) : null;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Needed(eventData.Context) is { } gate)
        {
            Hold(eventData.Context!, gate, await gate.WaitAsync(Patience, cancellationToken));
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Needed(eventData.Context) is { } gate)
        {
            Hold(eventData.Context!, gate, gate.Wait(Patience));
        }

        return result;
    }

    private void Hold(DbContext db, SemaphoreSlim gate, bool had)
    {
        if (had)
        {
            held.AddOrUpdate(db, gate);
        }
        else
        {
            LogImpatient(log, Patience.TotalSeconds);
        }
    }

    /// <summary>A save waited its whole patience: a writer holds the gate that long, or a save was made from inside another context's write transaction.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "A SQLite save waited {Seconds} s for the write gate and goes to the database without it")]
    internal static partial void LogImpatient(ILogger logger, double seconds);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private static SemaphoreSlim? Needed(DbContext? db) =>
        db is not null && db.Database.CurrentTransaction is null ? For(db) : null;

    private void Release(DbContext? db)
    {
        if (db is not null && held.TryGetValue(db, out var gate))
        {
            held.Remove(db);
            gate.Release();
        }
    }
}

/// <summary>
/// The same queue for a single write command outside any transaction (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>,
/// raw SQL): the outbox claiming a message, a notification marked read.
/// </summary>
internal sealed class SqliteCommandGate(ILogger<SqliteCommandGate> log) : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbCommand, SemaphoreSlim> held = [];

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Needed(command, eventData) is { } gate)
        {
            Hold(command, gate, await gate.WaitAsync(SqliteWriteGate.Patience, cancellationToken));
        }

        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (Needed(command, eventData) is { } gate)
        {
            Hold(command, gate, gate.Wait(SqliteWriteGate.Patience));
        }

        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Release(command);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    private static SemaphoreSlim? Needed(DbCommand command, CommandEventData eventData) =>
        command.Transaction is null && eventData.Context is { } db && !command.CommandText.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
            ? SqliteWriteGate.For(db)
            : null;

    private void Hold(DbCommand command, SemaphoreSlim gate, bool had)
    {
        if (had)
        {
            held.AddOrUpdate(command, gate);
        }
        else
        {
            SqliteWriteGate.LogImpatient(log, SqliteWriteGate.Patience.TotalSeconds);
        }
    }

    private void Release(DbCommand command)
    {
        if (held.TryGetValue(command, out var gate))
        {
            held.Remove(command);
            gate.Release();
        }
    }
}
