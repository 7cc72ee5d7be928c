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
        if (lines.Count > 0)
        {
            return (lines, false);
        }

        var added = await AddAsync(dossier.Id, dossier.Code, dossier.ProcedureVersionId, ct);
        if (added != false)
        {
            return (lines, added == true); // no fee, or one the catalog does not hold
        }

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

    /// <summary>
    /// Adds the dossier's fee from its procedure version (not saved: the caller's transaction saves it); null when the
    /// procedure has no fee, true when the catalog does not hold its amount (nothing added).
    /// </summary>
    public async Task<bool?> AddAsync(Guid dossierId, string code, Guid versionId, CancellationToken ct = default)
    {
        var version = await catalog.VersionAsync(versionId, ct);
        if (version?.Fees is not { Count: > 0 } all)
        {
            return null;
        }

        if (all[0].For(1) is not { } amount)
        {
            return true;
        }

        db.Add(new DossierFee
        {
            DossierId = dossierId, DossierCode = code, Line = 0, Name = all[0].Name, Unit = all[0].Unit, Quantity = 1, Amount = amount, Basis = all[0].Note,
            Status = amount == 0 ? FeeStatus.Waived : FeeStatus.Due, CreatedAt = clock.GetUtcNow(),
        });
        return false;
    }

    /// <summary>
    /// The officer counts what the fee is for (pages, copies); the amount follows the catalog's tiers and cap. Only
    /// while it is due, with one conditional update: a fee paid meanwhile keeps what it was paid for. An online attempt
    /// started for the old amount then pays nothing if it completes (its sum no longer matches) and is listed to refund.
    /// </summary>
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

        var version = await catalog.VersionAsync(dossier.ProcedureVersionId, ct);
        if (version?.Fees.ElementAtOrDefault(line)?.For(quantity) is not { } amount)
        {
            return Infrastructure.Outcomes.Failure.Conflict(Texts.Get("Payments.AmountNotHeld"));
        }

        var counted = await db.Set<DossierFee>().Where(f => f.Id == fee.Id && f.Status == FeeStatus.Due)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Quantity, quantity).SetProperty(f => f.Amount, amount), ct);
        return counted == 1 ? null : Infrastructure.Outcomes.Failure.Conflict(Texts.Get("Payments.NotDueAnyMore"));
    }
}

/// <summary>A dossier's fees become due as it is received, in the intake's own transaction.</summary>
public sealed class FeesOnIntake(Fees fees) : Infrastructure.Events.IHandles<DossierReceived>
{
    public async Task HandleAsync(DossierReceived happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        await fees.AddAsync(happened.DossierId, happened.Code, happened.ProcedureVersionId, ct);
    }
}
