using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.NationalSync;

/// <summary>
/// Sends the outbox to the national portal. A round takes the first unsent record of each dossier (none waits
/// behind an earlier one of its dossier that is not acknowledged), claims them with one conditional update (so
/// several nodes never send the same record at once), sends them in parallel, and marks each acknowledged one
/// sent. A record the line lost is tried again with growing pauses, for as long as it takes; one the portal
/// refused waits for a person. A crash after the portal stored a record and before it was marked sends it once
/// more, which the portal takes as the same record.
/// </summary>
public sealed partial class SyncDispatcher(AppDbContext db, NationalPortal portal, IOptions<NationalSyncOptions> options, TimeProvider clock, ILogger<SyncDispatcher> logger)
{
    /// <summary>One round; how many records it tried (0: nothing is due now).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var messages = db.Set<SyncMessage>();
        var heads = await messages.AsNoTracking()
            .Where(m => m.SentAt == null && !m.Held && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now)
                && !messages.Any(earlier => earlier.DossierId == m.DossierId && earlier.SentAt == null && earlier.Seq < m.Seq))
            .OrderBy(m => m.NextAttemptAt).Take(o.Batch).Select(m => m.Id).ToListAsync(ct);
        if (heads.Count == 0)
        {
            return 0;
        }

        var run = Guid.NewGuid();
        await messages.Where(m => heads.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, run).SetProperty(m => m.LockedUntil, now + o.Lease)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastAttemptAt, now), ct);
        var claimed = await messages.AsNoTracking().Where(m => m.ClaimedBy == run).Select(m => new { m.Id, m.DossierCode, m.Seq, m.Attempts, m.Payload }).ToListAsync(ct);
        var answers = new ConcurrentBag<(Guid Id, string Code, int Seq, int Attempts, PortalAnswer Answer, string? Error)>();
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = o.Parallel, CancellationToken = ct }, async (m, c) =>
        {
            var (answer, error) = await portal.SendAsync(m.Payload, c);
            answers.Add((m.Id, m.DossierCode, m.Seq, m.Attempts, answer, error));
        });

        var at = clock.GetUtcNow();
        var sent = answers.Where(a => a.Answer == PortalAnswer.Acknowledged).Select(a => a.Id).ToList();
        if (sent.Count > 0)
        {
            await messages.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.LastError, (string?)null), ct);
        }

        foreach (var failed in answers.Where(a => a.Answer != PortalAnswer.Acknowledged))
        {
            var held = failed.Answer == PortalAnswer.Refused;
            var error = failed.Error is { Length: > 1000 } text ? text[..1000] : failed.Error ?? "";
            var next = at + Pause(failed.Attempts, o.LongestPause);
            await messages.Where(m => m.Id == failed.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.Held, held)
                .SetProperty(m => m.LastError, error).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.ClaimedBy, (Guid?)null), ct);
            LogFailed(logger, failed.Code, failed.Seq, failed.Attempts, failed.Answer, error);
        }

        return claimed.Count;
    }

    /// <summary>10 s, 20 s, 40 s… up to <paramref name="longest"/>.</summary>
    public static TimeSpan Pause(int attempts, TimeSpan longest) =>
        TimeSpan.FromSeconds(Math.Min(longest.TotalSeconds, 10 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The national portal did not take step {Seq} of {Code} (attempt {Attempts}): {Answer}, {Error}")]
    private static partial void LogFailed(ILogger logger, string code, int seq, int attempts, PortalAnswer answer, string error);
}

/// <summary>
/// Each tick on every node: sends rounds until nothing more is due now. Not before the app has started: the sandbox
/// portal of a demo answers on this very server, and a record sent before it listens would only wait for its next try.
/// </summary>
public sealed class SyncJob(SyncDispatcher dispatcher, IHostApplicationLifetime lifetime) : IRecurringJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }

        while (await dispatcher.DispatchOnceAsync(ct) > 0)
        {
        }
    }
}
