using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Notifications;

/// <summary>The outbox's backlog: messages neither sent nor given up, and how long the oldest has waited.</summary>
internal sealed class OutboxFigures(AppDbContext db) : IOperationalFigures
{
    public async Task<IEnumerable<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var waiting = db.Set<OutboxMessage>().Where(m => m.SentAt == null && m.FailedAt == null);
        var backlog = await waiting.CountAsync(ct);
        var oldest = backlog == 0 ? (DateTimeOffset?)null : await waiting.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        return
        [
            new("motcua.outbox.backlog", backlog),
            new("motcua.outbox.oldest_age", oldest is { } o ? Math.Max(0, (now - o).TotalSeconds) : 0),
        ];
    }
}
