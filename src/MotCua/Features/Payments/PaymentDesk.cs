using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Payments;

/// <summary>A gateway's word on a payment: paid or not, whether that is final, its codes.</summary>
public sealed record GatewayAnswer(bool Paid, bool Final, string ResponseCode, decimal Amount, string? TransactionNo, string? BankCode);

/// <summary>What a gateway is asked to take: the attempt, what it is for (the dossier and its due fees: the receipt's data), where the citizen comes back.</summary>
public sealed record PaymentOrder(Payment Payment, string OrderInfo, string? ClientIp, Uri ReturnUrl, DossierRow Dossier, IReadOnlyList<DossierFee> Fees);

/// <summary>A payment gateway (VNPay, the national payment platform): the port every provider's adapter fills.</summary>
public interface IPaymentGateway
{
    /// <summary><c>vnpay</c>, <c>paygov</c>.</summary>
    string Provider { get; }

    /// <summary>Whether it is configured (its terminal and secret); an unconfigured gateway takes no payment.</summary>
    bool Ready { get; }

    /// <summary>How long the gateway's page accepts a payment once started.</summary>
    TimeSpan Expiry { get; }

    /// <summary>Where the citizen goes to pay the order; null when the gateway did not take it (unreachable, refused).</summary>
    Task<string?> PayUrlAsync(PaymentOrder order, CancellationToken ct = default);

    /// <summary>The attempt a return address is about, when it carries the gateway's checksum; null otherwise (the page then shows nothing of it).</summary>
    string? ReturnReference(IEnumerable<KeyValuePair<string, string>> query);

    /// <summary>Asks the gateway how a payment left pending ended; null when it cannot be reached or does not know yet.</summary>
    Task<GatewayAnswer?> QueryAsync(Payment payment, CancellationToken ct = default);

    /// <summary>Refunds a paid payment in full; true when the gateway accepted.</summary>
    Task<bool> RefundAsync(Payment payment, string by, CancellationToken ct = default);
}

/// <summary>How a gateway's notification ended: each has the answer the gateway's protocol defines for it.</summary>
public enum SettleOutcome
{
    Settled,
    UnknownOrder,
    WrongAmount,
    AlreadySettled,
}

/// <summary>
/// Takes the payments of dossiers' fees: cash recorded by the officer, or an attempt through a gateway that only the
/// gateway's server-to-server notification (or its answer to a query) settles. Settling is one transaction (the
/// payment, its fees, the receipt's number and the message to the citizen) and happens once: a replay finds it settled.
/// </summary>
public sealed class PaymentDesk(AppDbContext db, DossierStore dossiers, Fees fees, IEnumerable<IPaymentGateway> gateways, PublicLinks links, TimeProvider clock)
{

    /// <summary>Starts an online payment of what is due: the address to send the citizen to.</summary>
    public async Task<Result<string>> StartOnlineAsync(DossierRow dossier, string? provider, string payer, string? clientIp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (gateways.FirstOrDefault(g => g.Provider == provider?.Trim()) is not { Ready: true } gateway)
        {
            return Failure.Invalid("provider", Texts.Get("Payments.UnknownProvider", string.Join(", ", gateways.Where(g => g.Ready).Select(g => g.Provider))));
        }

        var (lines, _) = await fees.LinesAsync(dossier, ct);
        if (lines.Where(l => l.Status == FeeStatus.Due).Sum(l => l.Amount) is var amount && amount <= 0)
        {
            return Failure.Conflict(Texts.Get("Payments.NothingDue"), Texts.Get("Payments.NothingDueTitle"));
        }

        // The attempt is for what is due now; the fees are claimed only when it settles paid for that same sum.
        var now = clock.GetUtcNow();
        var payment = new Payment
        {
            DossierId = dossier.Id, DossierCode = dossier.Code, OfficeCode = dossier.OfficeCode, Provider = gateway.Provider, TxnRef = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            Amount = amount, Status = PaymentStatus.Pending, CreatedAt = now, ExpiresAt = now + gateway.Expiry, RecordedBy = payer, PayerName = dossier.ApplicantName,
        };
        db.Add(payment);
        await db.SaveChangesAsync(ct);
        var order = new PaymentOrder(payment, $"Le phi ho so {dossier.Code}", clientIp, links.Absolute($"/payments/{gateway.Provider}/return"), dossier, [.. lines.Where(l => l.Status == FeeStatus.Due)]);
        if (await gateway.PayUrlAsync(order, ct) is { } url)
        {
            return url;
        }

        await db.Set<Payment>().Where(p => p.Id == payment.Id && p.Status == PaymentStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Failed).SetProperty(p => p.SettledAt, clock.GetUtcNow()), ct);
        return Failure.Conflict(Texts.Get("Payments.GatewayUnavailable"), Texts.Get("Payments.GatewayUnavailableTitle"));
    }

    /// <summary>
    /// The officer records what is due as paid in cash at the counter: settled at once, with its receipt. The due fees
    /// are claimed with one conditional update, so two clicks at once record one payment (the other finds nothing due).
    /// </summary>
    public async Task<Result<Payment>> RecordCashAsync(DossierRow dossier, ClaimsPrincipal officer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        await fees.LinesAsync(dossier, ct);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var claimed = await db.Set<DossierFee>().Where(f => f.DossierId == dossier.Id && f.Status == FeeStatus.Due && f.Amount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FeeStatus.Paid).SetProperty(f => f.PaymentId, id), ct);
        if (claimed == 0)
        {
            return Failure.Conflict(Texts.Get("Payments.NothingDue"), Texts.Get("Payments.NothingDueTitle"));
        }

        var payment = new Payment
        {
            Id = id, DossierId = dossier.Id, DossierCode = dossier.Code, OfficeCode = dossier.OfficeCode, Provider = "cash", TxnRef = "CASH" + id.ToString("N")[..20].ToUpperInvariant(),
            Amount = await db.Set<DossierFee>().Where(f => f.PaymentId == id).SumAsync(f => f.Amount, ct), Status = PaymentStatus.Paid, CreatedAt = now, SettledAt = now,
            ResponseCode = "00", RecordedBy = officer.Identity?.Name, PayerName = dossier.ApplicantName,
        };
        await TellCitizenAsync(payment, now, ct);
        payment.ReceiptNumber = await NextReceiptAsync(dossier.OfficeCode, VietnamTime.ToVietnam(now).Year, ct);
        db.Add(payment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return payment;
    }

    /// <summary>Asks the payment's gateway how a pending attempt ended; a final answer settles it as a notification would. True when it settled it now.</summary>
    public async Task<bool> RequeryAsync(Payment payment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (gateways.FirstOrDefault(g => g.Provider == payment.Provider) is not { Ready: true } gateway)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await db.Set<Payment>().Where(p => p.Id == payment.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastQueriedAt, now), ct);
        return await gateway.QueryAsync(payment, ct) is { Final: true } answer && (await SettleAsync(payment.TxnRef, answer, ct)).Outcome == SettleOutcome.Settled;
    }

    /// <summary>
    /// Gives back an online payment that paid no fee (the fee was paid another way meanwhile), through its gateway:
    /// the payment is marked as being refunded first (two clicks at once refund once), then refunded when the gateway
    /// confirms; when the gateway does not, it stays paid and may be tried again. <paramref name="offices"/> are the
    /// caller's: anyone else's payment is not found.
    /// </summary>
    public async Task<Result<Payment>> RefundAsync(Guid id, ClaimsPrincipal by, IReadOnlyCollection<string> offices, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && offices.Contains(p.OfficeCode), ct);
        if (payment is null)
        {
            return Failure.NotFound();
        }

        if (payment.Status != PaymentStatus.Paid || gateways.FirstOrDefault(g => g.Provider == payment.Provider) is not { Ready: true } gateway
            || await db.Set<DossierFee>().AnyAsync(f => f.PaymentId == id, ct))
        {
            return Failure.Conflict(Texts.Get("Payments.NotRefundable"), Texts.Get("Payments.RefundTitle"));
        }

        var officer = by.Identity?.Name ?? "";
        if (await db.Set<Payment>().Where(p => p.Id == id && p.Status == PaymentStatus.Paid && p.RefundedBy == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundedBy, officer), ct) == 0)
        {
            return Failure.Conflict(Texts.Get("Payments.RefundUnderway"), Texts.Get("Payments.RefundTitle"));
        }

        if (!await gateway.RefundAsync(payment, officer, ct))
        {
            await db.Set<Payment>().Where(p => p.Id == id && p.Status == PaymentStatus.Paid).ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundedBy, (string?)null), ct);
            return Failure.Conflict(Texts.Get("Payments.RefundNotConfirmed"), Texts.Get("Payments.RefundTitle"));
        }

        var now = clock.GetUtcNow();
        await db.Set<Payment>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Refunded).SetProperty(p => p.RefundedAt, now), ct);
        return await db.Set<Payment>().AsNoTracking().FirstAsync(p => p.Id == id, ct);
    }

    /// <summary>
    /// Applies the gateway's answer to the attempt <paramref name="txnRef"/>, in the order the gateway's protocol checks
    /// (the checksum is the adapter's): the order, the amount, already settled, then the outcome. The payment moves from
    /// pending with one conditional update, so of two notifications at once one settles it and the other finds it settled.
    /// A success after a failure (the bank's late word, after a timeout or a query that found nothing) is recorded too:
    /// money taken is never dropped. A paid payment claims the dossier's due fees only when they add up to what it paid;
    /// otherwise (the fees were paid another way, or recounted since) it paid nothing and the reconciliation lists it to refund.
    /// </summary>
    public async Task<(SettleOutcome Outcome, Payment? Payment)> SettleAsync(string txnRef, GatewayAnswer answer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.TxnRef == txnRef, ct);
        if (payment is null)
        {
            return (SettleOutcome.UnknownOrder, null);
        }

        if (payment.Amount != answer.Amount)
        {
            return (SettleOutcome.WrongAmount, payment);
        }

        var was = payment.Status;
        if (was != PaymentStatus.Pending && !(was == PaymentStatus.Failed && answer.Paid))
        {
            return (SettleOutcome.AlreadySettled, payment);
        }

        var now = clock.GetUtcNow();
        var status = answer.Paid ? PaymentStatus.Paid : PaymentStatus.Failed;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var won = await db.Set<Payment>().Where(p => p.Id == payment.Id && p.Status == was).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Status, status).SetProperty(p => p.SettledAt, now).SetProperty(p => p.ResponseCode, answer.ResponseCode)
            .SetProperty(p => p.TransactionNo, answer.TransactionNo).SetProperty(p => p.BankCode, answer.BankCode), ct);
        if (won == 0)
        {
            return (SettleOutcome.AlreadySettled, payment);
        }

        (payment.Status, payment.SettledAt, payment.ResponseCode, payment.TransactionNo, payment.BankCode) = (status, now, answer.ResponseCode, answer.TransactionNo, answer.BankCode);
        if (answer.Paid)
        {
            await ClaimDueAsync(payment, ct);

            await TellCitizenAsync(payment, now, ct);
            await db.SaveChangesAsync(ct);

            // The office's receipt number last: its row is locked until the commit, so it is held as briefly as can be.
            payment.ReceiptNumber = await NextReceiptAsync(payment.OfficeCode, VietnamTime.ToVietnam(now).Year, ct);
            var receipt = payment.ReceiptNumber;
            await db.Set<Payment>().Where(p => p.Id == payment.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReceiptNumber, receipt), ct);
        }

        await tx.CommitAsync(ct);
        return (SettleOutcome.Settled, payment);
    }

    /// <summary>
    /// The dossier's due fees become paid by <paramref name="payment"/> when they add up to what it paid, each claimed
    /// only as it was read (still due, same amount): a fee paid or recounted meanwhile leaves them all due.
    /// </summary>
    private async Task ClaimDueAsync(Payment payment, CancellationToken ct)
    {
        var due = await db.Set<DossierFee>().AsNoTracking().Where(f => f.DossierId == payment.DossierId && f.Status == FeeStatus.Due)
            .Select(f => new { f.Id, f.Amount }).ToListAsync(ct);
        if (due.Count == 0 || due.Sum(f => f.Amount) != payment.Amount)
        {
            return;
        }

        var claimed = new List<Guid>();
        foreach (var fee in due)
        {
            if (await db.Set<DossierFee>().Where(f => f.Id == fee.Id && f.Status == FeeStatus.Due && f.Amount == fee.Amount)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FeeStatus.Paid).SetProperty(f => f.PaymentId, payment.Id), ct) == 0)
            {
                await db.Set<DossierFee>().Where(f => claimed.Contains(f.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FeeStatus.Due).SetProperty(f => f.PaymentId, (Guid?)null), ct);
                return;
            }

            claimed.Add(fee.Id);
        }
    }

    private async Task TellCitizenAsync(Payment payment, DateTimeOffset now, CancellationToken ct)
    {
        if (await dossiers.Rows.Where(d => d.Id == payment.DossierId).Select(d => new { d.ApplicantIdNumber, d.ApplicantEmail }).FirstOrDefaultAsync(ct) is { } contact)
        {
            Outbox.ToCitizen(db, new CitizenContact(contact.ApplicantIdNumber, contact.ApplicantEmail, null), $"{payment.TxnRef}/paid",
                $"Đã nhận thanh toán hồ sơ {payment.DossierCode}",
                string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"Đã nhận {payment.Amount:N0} đồng phí, lệ phí hồ sơ {payment.DossierCode}. Biên lai điện tử có trong trang phí, lệ phí của hồ sơ trên Cổng dịch vụ công."), null, now);
        }
    }

    private async Task<string> NextReceiptAsync(string officeCode, int year, CancellationToken ct)
    {
        var next = (await db.Database.SqlQuery<int>($"""
            INSERT INTO payments_receipt_sequence ("OfficeCode", "Year", "Last") VALUES ({officeCode}, {year}, 1)
            ON CONFLICT ("OfficeCode", "Year") DO UPDATE SET "Last" = payments_receipt_sequence."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct)).Single();
        return string.Create(CultureInfo.InvariantCulture, $"{officeCode}-{year}-{next:000000}");
    }
}
