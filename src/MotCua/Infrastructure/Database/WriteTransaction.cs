using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
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
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();
    private readonly IDbContextTransaction transaction;
    private readonly SemaphoreSlim? gate;

    private WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate)
    {
        this.transaction = transaction;
        this.gate = gate;
    }

    public static async Task<WriteTransaction> BeginAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        SemaphoreSlim? gate = null;
        if (db.Database.IsSqlite())
        {
            gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
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

    public Task CommitAsync(CancellationToken ct = default) => transaction.CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct = default) => transaction.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        gate?.Release();
    }
}
