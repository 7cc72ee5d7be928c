using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Payments;

/// <summary>Online payments still waiting for their gateway's answer.</summary>
internal sealed class PendingPaymentFigures(AppDbContext db) : IOperationalFigures
{
    public async Task<IEnumerable<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken ct) =>
        [new("motcua.payments.pending", await db.Set<Payment>().CountAsync(p => p.Status == PaymentStatus.Pending, ct))];
}
