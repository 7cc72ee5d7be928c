using Microsoft.EntityFrameworkCore.Storage;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// A write transaction for a hot path. On SQLite, one writer at a time is the database's rule; when two
/// transactions collide, Microsoft.Data.Sqlite retries after sleeping 150 ms, so fifty counters at once wait in
/// steps of 150 ms. Writers of one database therefore queue here first, in the process, and each then finds the
/// database free. PostgreSQL needs no gate: its row locks queue writers precisely.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction transaction;
    private SemaphoreSlim? gate;

    private WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate)
    {
        this.transaction = transaction;
        this.gate = gate;
    }

    public static async Task<WriteTransaction> BeginAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var gate = SqliteWriteGate.For(db);
        if (gate is not null && !await gate.WaitAsync(SqliteWriteGate.Patience, ct))
        {
            gate = null; // a writer held it too long: this one goes to the database, whose busy handling applies
        }

        try
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    /// <summary>Commits and lets the next writer in at once: what runs after the commit (its handlers, a later save) queues like any other writer.</summary>
    public async Task CommitAsync(CancellationToken ct = default)
    {
        try
        {
            await transaction.CommitAsync(ct);
        }
        finally
        {
            Release();
        }
    }

    public async Task RollbackAsync(CancellationToken ct = default)
    {
        try
        {
            await transaction.RollbackAsync(ct);
        }
        finally
        {
            Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            Release();
        }
    }

    private void Release() => Interlocked.Exchange(ref gate, null)?.Release();
}
