using Microsoft.EntityFrameworkCore;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Queue;

/// <summary>Today's waiting tickets by office, and how long the first of them has waited (one grouped read).</summary>
internal sealed class QueueWaitingFigures(AppDbContext db, UnitTree units) : IOperationalFigures
{
    public async Task<IEnumerable<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(now).DateTime);
        var waiting = await db.Set<Ticket>().Where(t => t.Day == today && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.OfficeId).Select(g => new { Office = g.Key, Count = g.Count(), First = g.Min(t => t.IssuedAt) }).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return [];
        }

        var codes = (await units.CurrentOfficesAsync(today, ct)).ToDictionary(o => o.Id, o => o.Code);
        return waiting.SelectMany(o => codes.GetValueOrDefault(o.Office, o.Office.ToString()) is var code
            ? new GaugeReading[] { new("motcua.queue.waiting", o.Count, code), new("motcua.queue.oldest_wait", Math.Max(0, (now - o.First).TotalSeconds), code) }
            : []);
    }
}
