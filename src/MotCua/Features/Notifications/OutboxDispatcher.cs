using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Notifications;

/// <summary>Configuration section "Notifications".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Whether this node runs the dispatcher (every node may: messages are claimed one by one).</summary>
    public bool DispatchEnabled { get; set; } = true;

    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed message is held before another dispatcher may take it (a dispatcher that died).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxAttempts { get; set; } = 8;

    public JobSchedule Schedule => new(DispatchEnabled, PollEvery, RunAtStart: true);
}

/// <summary>
/// Delivers the outbox. Each message is claimed with one conditional update (a compare-and-set on its lease), so
/// several app nodes share the work without an in-memory flag and never send one message at the same time; it is
/// marked sent only after its channel accepted it, so a crash loses nothing. Failures retry with growing pauses.
/// </summary>
public sealed partial class OutboxDispatcher(
    AppDbContext db, IEnumerable<IChannelSender> senders, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Delivers what is due now; returns how many were delivered.</summary>
    public async Task<int> DispatchOnceAsync(int batch = 50, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Take(batch).ToListAsync(ct);
        var delivered = 0;
        foreach (var message in due)
        {
            var until = now + options.Value.Lease;
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == message.Id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue; // another dispatcher has it
            }

            try
            {
                await DeliverAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var giveUp = attempts >= options.Value.MaxAttempts;
                var next = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, attempts - 1)));
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, error).SetProperty(m => m.FailedAt, giveUp ? clock.GetUtcNow() : null), ct);
                LogFailed(logger, e, message.Channel, message.Id, attempts);
                continue;
            }

            await RecordSentAsync(message.Id, ct);
            delivered++;
        }

        return delivered;
    }

    /// <summary>
    /// Records a delivery the channel accepted. A database that is restarting is waited for (up to half a minute)
    /// rather than taken for a failed delivery: either would send the message again.
    /// </summary>
    private async Task RecordSentAsync(Guid id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Set<OutboxMessage>().Where(m => m.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, clock.GetUtcNow()).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
                return;
            }
            catch (Exception e) when (Infrastructure.Database.Transient.Is(e) && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Channel == "inApp")
        {
            // Idempotent: the in-app row is keyed by the outbox id, so a repeated delivery inserts nothing.
            if (!await db.Set<Notification>().AnyAsync(n => n.OutboxId == message.Id, ct))
            {
                db.Add(new Notification
                {
                    OutboxId = message.Id, Recipient = message.Recipient, Title = message.Subject, Body = message.Body, Link = message.Link, CreatedAt = message.CreatedAt,
                });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            return;
        }

        var sender = senders.FirstOrDefault(s => s.Channel == message.Channel)
            ?? throw new InvalidOperationException($"No sender for channel '{message.Channel}'.");
        await sender.SendAsync(message, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of {Channel} message {Id} failed (attempt {Attempts})")]
    private static partial void LogFailed(ILogger logger, Exception e, string channel, Guid id, int attempts);
}

/// <summary>Each tick on every node: delivers what is due until the outbox has nothing more for now.</summary>
public sealed class OutboxJob(OutboxDispatcher dispatcher) : IRecurringJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        while (await dispatcher.DispatchOnceAsync(ct: ct) > 0)
        {
        }
    }
}
