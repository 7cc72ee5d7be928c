using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using MotCua.Features.Queue.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Queue;

/// <summary>
/// Sends an office's waiting counts to its boards shortly after they change, once for a whole burst: thirty counters
/// calling at the same second cause one count and one message, not thirty. Each app node counts from the database,
/// so boards connected to any node see the same numbers.
/// </summary>
public sealed partial class WaitingBroadcast(IServiceScopeFactory scopes, IHubContext<QueueHub> hub, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<WaitingBroadcast> log)
{
    /// <summary>How long after the first change the counts are read and sent.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<Guid, byte> pending = new();

    public void Changed(Guid officeId, string officeCode)
    {
        if (pending.TryAdd(officeId, 0))
        {
            _ = SendAsync(officeId, officeCode, lifetime.ApplicationStopping);
        }
    }

    private async Task SendAsync(Guid officeId, string officeCode, CancellationToken ct)
    {
        try
        {
            await Task.Delay(Delay, ct);
            // Changes from here on schedule another send, so the last one is never missed.
            pending.TryRemove(officeId, out _);
            await using var scope = scopes.CreateAsyncScope();
            var counts = await scope.ServiceProvider.GetRequiredService<QueueDesk>().WaitingAsync(officeId, VietnamTime.Today(clock), ct);
            await hub.Clients.Group(QueueHub.Board(officeCode)).SendAsync("waiting", counts, ct);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            pending.TryRemove(officeId, out _);
        }
        catch (Exception e)
        {
            pending.TryRemove(officeId, out _);
            LogFailed(log, e, officeCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting counts for office {Office} were not sent to its boards")]
    private static partial void LogFailed(ILogger logger, Exception e, string office);
}
