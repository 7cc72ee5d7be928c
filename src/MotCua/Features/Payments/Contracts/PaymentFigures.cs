using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Payments.Contracts;

/// <summary>
/// Decision 766's online-payment figure for offices and a period: of the dossiers received with a fee to pay (not
/// waived), how many had it paid online (a settled gateway payment, not cash at the counter).
/// </summary>
public sealed class PaymentFigures(AppDbContext db, DossierStore dossiers)
{
    public async Task<(int WithFee, int PaidOnline)> OnlineAsync(IReadOnlyCollection<Guid> officeIds, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        var fees = from f in db.Set<DossierFee>()
                   join d in dossiers.Rows on f.DossierId equals d.Id
                   where officeIds.Contains(d.OfficeId) && d.ReceivedAt >= start && d.ReceivedAt < end && f.Amount > 0 && f.Status != FeeStatus.Waived
                   select f;
        var withFee = await fees.Select(f => f.DossierId).Distinct().CountAsync(ct);
        var paidOnline = await fees
            .Where(f => f.Status == FeeStatus.Paid && db.Set<Payment>().Any(p => p.Id == f.PaymentId && p.Status == PaymentStatus.Paid && p.Provider != "cash"))
            .Select(f => f.DossierId).Distinct().CountAsync(ct);
        return (withFee, paidOnline);
    }
}

/// <summary>What is still due on a dossier (đồng): the process asks before handing on a dossier whose fee is paid with the request.</summary>
public sealed class FeesDue(AppDbContext db)
{
    public Task<decimal> OfAsync(Guid dossierId, CancellationToken ct = default) =>
        db.Set<DossierFee>().Where(f => f.DossierId == dossierId && f.Status == FeeStatus.Due).SumAsync(f => f.Amount, ct);
}
