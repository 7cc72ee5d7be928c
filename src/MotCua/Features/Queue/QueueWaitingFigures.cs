using Microsoft.EntityFrameworkCore;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Queue;

/// <summary>Today's waiting tickets by office, and how long the first of them has waited.</summary>
internal sealed class QueueWaitingFigures(AppDbContext db, UnitTree units) : IOperationalFigures
{
    public async Task<IEnumerable<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(now).DateTime);
        var waiting = await db.Set<Ticket>().Where(t => t.Day == today && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.OfficeId).Select(g => new { Office = g.Key, Count = g.Count() }).ToListAsync(ct);
        var readings = new List<GaugeReading>();
        foreach (var office in waiting)
        {
            var first = await db.Set<Ticket>().Where(t => t.OfficeId == office.Office && t.Day == today && t.Status == TicketStatus.Waiting)
                .OrderBy(t => t.IssuedAt).Select(t => t.IssuedAt).FirstAsync(ct);
            var code = (await units.FindAsync(office.Office, ct))?.Code ?? office.Office.ToString();
            readings.Add(new("motcua.queue.waiting", office.Count, code));
            readings.Add(new("motcua.queue.oldest_wait", Math.Max(0, (now - first).TotalSeconds), code));
        }

        return readings;
    }
}
