using Microsoft.EntityFrameworkCore;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Payments;

/// <summary>A fee of a dossier as the API shows it: <c>status</c> is <c>due</c>, <c>paid</c>, <c>waived</c> or <c>refunded</c>.</summary>
public sealed record FeeItem(int Line, string Name, decimal Amount, string Status, int Quantity, string Unit, string? Basis);

/// <summary>A dossier's fees and what is still due and already paid, in đồng.</summary>
public sealed record FeeList(IReadOnlyList<FeeItem> Items, decimal Due, decimal Paid)
{
    /// <summary>The procedure's fee is set by the provincial council and the catalog does not hold the amount: the officer collects it by the council's table.</summary>
    public bool AmountNotHeld { get; init; }
}

/// <summary>
/// A dossier's fees, made from its procedure version the first time they are asked for. The catalog lists a
/// procedure's fees as its cases (on time, late…); the first is the ordinary case and is the one made. A fee of 0
/// is waived with the article the catalog cites; a fee the catalog does not hold (set by the provincial council) makes
/// nothing due and says so. The officer counts the quantity (pages, copies) while it is still due.
/// </summary>
public sealed class Fees(AppDbContext db, CatalogReader catalog, TimeProvider clock)
{
    public const int MaxQuantity = 10_000;

    public async Task<FeeList> ListAsync(DossierRow dossier, CancellationToken ct = default)
    {
        var (lines, notHeld) = await LinesAsync(dossier, ct);
        return new FeeList(
            [.. lines.Select(l => new FeeItem(l.Line, l.Name, l.Amount, EnumNames.Of(l.Status), l.Quantity, l.Unit, l.Basis))],
            lines.Where(l => l.Status == FeeStatus.Due).Sum(l => l.Amount),
            lines.Where(l => l.Status == FeeStatus.Paid).Sum(l => l.Amount)) { AmountNotHeld = notHeld };
    }

    /// <summary>The dossier's fee lines (tracked), made once from the catalog; and whether the catalog does not hold the amount.</summary>
    public async Task<(List<DossierFee> Lines, bool NotHeld)> LinesAsync(DossierRow dossier, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var lines = await db.Set<DossierFee>().Where(f => f.DossierId == dossier.Id).OrderBy(f => f.Line).ToListAsync(ct);
        var version = await catalog.VersionAsync(dossier.ProcedureVersionId, ct);
        var fee = version?.Fees is { Count: > 0 } all ? all[0] : null;
        if (lines.Count > 0 || fee is null)
        {
            return (lines, fee is { AmountVnd: null });
        }

        if (fee.For(1) is not { } amount)
        {
            return (lines, true);
        }

        var line = new DossierFee
        {
            DossierId = dossier.Id, DossierCode = dossier.Code, Line = 0, Name = fee.Name, Unit = fee.Unit, Quantity = 1, Amount = amount, Basis = fee.Note,
            Status = amount == 0 ? FeeStatus.Waived : FeeStatus.Due, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(line);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Made at the same moment by another request: that one is the dossier's.
            db.ChangeTracker.Clear();
        }

        return (await db.Set<DossierFee>().Where(f => f.DossierId == dossier.Id).OrderBy(f => f.Line).ToListAsync(ct), false);
    }

    /// <summary>The officer counts what the fee is for (pages, copies); the amount follows the catalog's tiers and cap. Only while it is due.</summary>
    public async Task<Infrastructure.Outcomes.Failure?> CountAsync(DossierRow dossier, int line, int quantity, CancellationToken ct = default)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            return Infrastructure.Outcomes.Failure.Invalid("quantity", Texts.Get("Payments.Quantity", MaxQuantity));
        }

        var (lines, _) = await LinesAsync(dossier, ct);
        if (lines.FirstOrDefault(l => l.Line == line) is not { } fee)
        {
            return Infrastructure.Outcomes.Failure.NotFound();
        }

        if (fee.Status != FeeStatus.Due || fee.PaymentId is not null && await db.Set<Payment>().AnyAsync(p => p.Id == fee.PaymentId && p.Status == PaymentStatus.Pending, ct))
        {
            return Infrastructure.Outcomes.Failure.Conflict(Texts.Get("Payments.NotDueAnyMore"));
        }

        var version = await catalog.VersionAsync(dossier.ProcedureVersionId, ct);
        if (version?.Fees.ElementAtOrDefault(line)?.For(quantity) is not { } amount)
        {
            return Infrastructure.Outcomes.Failure.Conflict(Texts.Get("Payments.AmountNotHeld"));
        }

        (fee.Quantity, fee.Amount) = (quantity, amount);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
