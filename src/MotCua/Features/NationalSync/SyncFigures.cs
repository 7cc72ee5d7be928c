using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.NationalSync;

/// <summary>Records not yet accepted by the national portal (held ones included: they wait for a person).</summary>
internal sealed class SyncFigures(AppDbContext db) : IOperationalFigures
{
    public async Task<IEnumerable<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken ct) =>
        [new("motcua.national_sync.backlog", await db.Set<SyncMessage>().CountAsync(m => m.SentAt == null, ct))];
}
