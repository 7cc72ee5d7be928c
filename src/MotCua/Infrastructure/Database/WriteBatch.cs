using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// Group commit for short, hot SQLite writes. SQLite takes one writer at a time, and each transaction costs a
/// commit (an fsync) and a hand-over between threads: thirty counters calling at the same second waited in line
/// for thirty of them. Work queued here runs in the order it came, in one transaction per batch (everything that
/// queued while the batch before was writing), each piece under its own savepoint so that one failing piece
/// undoes only itself; every caller is answered after the commit. PostgreSQL locks rows, not the database: there
/// each piece runs at once, in parallel, on the caller's context and without a transaction of its own, each
/// statement committing by itself. (A transaction would keep the row locks of conditional updates that found
/// nothing: PostgreSQL locks the row's newest version before rechecking the condition, and two counters holding
/// such locks deadlocked.)
/// </summary>
public sealed partial class WriteBatch(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<WriteBatch> log) : BackgroundService
{
    private const int MaxBatch = 100;

    private readonly Channel<Piece> queue = Channel.CreateUnbounded<Piece>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool writing;

    /// <summary>Runs <paramref name="work"/> with a context whose changes are committed before this returns.</summary>
    /// <param name="db">The caller's context: used as it is on PostgreSQL (no transaction added); on SQLite the batch has its own.</param>
    /// <param name="work">Writes only through the context it is given; may run on another thread, after other callers' work.</param>
    /// <param name="ct">Cancellation of the wait (queued work still runs).</param>
    public async Task<T> RunAsync<T>(AppDbContext db, Func<AppDbContext, CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (options.Value.Provider != DatabaseProvider.Sqlite)
        {
            return await work(db, ct);
        }

        if (!writing)
        {
            // Before the host has started the batches (the startup's own work, such as the demo month), nobody
            // else writes: the piece runs alone, in a transaction of its own.
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            var value = await work(db, ct);
            await tx.CommitAsync(ct);
            return value;
        }

        var piece = new Piece<T>(work);
        await queue.Writer.WriteAsync(piece, ct);
        return await piece.Result.Task.WaitAsync(ct);
    }

    /// <summary>From here on pieces queue for the batches (set before the loop's own thread starts, so none runs alone once the host runs).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        writing = true;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Piece>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var piece))
                {
                    batch.Add(piece);
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var piece))
            {
                batch.Add(piece);
            }

            foreach (var piece in batch)
            {
                piece.Fail(new OperationCanceledException("The app is stopping."));
            }
        }
    }

    private async Task WriteAsync(List<Piece> batch, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            var transaction = db.Database.CurrentTransaction!;
            foreach (var piece in batch)
            {
                await transaction.CreateSavepointAsync("piece", ct);
                try
                {
                    await piece.RunAsync(db, ct);
                    await transaction.ReleaseSavepointAsync("piece", ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    await transaction.RollbackToSavepointAsync("piece", ct);
                    db.ChangeTracker.Clear();
                    piece.Fail(e);
                }
            }

            await tx.CommitAsync(ct);
        }
        catch (Exception e)
        {
            LogFailed(log, e, batch.Count);
            foreach (var piece in batch)
            {
                piece.Fail(e);
            }

            return;
        }

        foreach (var piece in batch)
        {
            piece.Complete();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} writes was not committed")]
    private static partial void LogFailed(ILogger logger, Exception e, int count);

    private abstract class Piece
    {
        public abstract Task RunAsync(AppDbContext db, CancellationToken ct);

        public abstract void Complete();

        public abstract void Fail(Exception e);
    }

    /// <summary>A caller's work, run in the caller's execution context (its clock, its log scope and trace), though on the batch's thread.</summary>
    private sealed class Piece<T>(Func<AppDbContext, CancellationToken, Task<T>> work) : Piece
    {
        private readonly ExecutionContext? context = ExecutionContext.Capture();
        private T? value;

        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task RunAsync(AppDbContext db, CancellationToken ct)
        {
            if (context is null)
            {
                return RunHereAsync(db, ct);
            }

            Task? running = null;
            ExecutionContext.Run(context, _ => running = RunHereAsync(db, ct), null);
            return running!;
        }

        private async Task RunHereAsync(AppDbContext db, CancellationToken ct) => value = await work(db, ct);

        public override void Complete() => Result.TrySetResult(value!);

        public override void Fail(Exception e) => Result.TrySetException(e);
    }
}
