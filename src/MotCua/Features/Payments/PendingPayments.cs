using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Payments;

/// <summary>
/// Settles payments whose IPN never came (the gateway unreachable, the citizen's browser closed): after two minutes,
/// and every five after that, each gateway is asked how the attempt ended (VNPay's querydr), and a final answer settles
/// it as an IPN would. Every node runs it; settling is once whoever asks.
/// </summary>
public sealed class PendingPayments(AppDbContext db, PaymentDesk desk, TimeProvider clock) : IRecurringJob
{
    public static JobSchedule Schedule(IServiceProvider services) => new(true, TimeSpan.FromMinutes(1), RunAtStart: false);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (firstAsk, again) = (now.AddMinutes(-2), now.AddMinutes(-5));
        var pending = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Pending && p.Provider != "cash" && p.CreatedAt < firstAsk && (p.LastQueriedAt == null || p.LastQueriedAt < again))
            .OrderBy(p => p.CreatedAt).Take(50).ToListAsync(ct);
        foreach (var payment in pending)
        {
            await desk.RequeryAsync(payment, ct);
        }
    }
}
