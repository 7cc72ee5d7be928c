using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Features.Payments;

/// <summary>Where a fee of a dossier stands.</summary>
public enum FeeStatus
{
    Due,
    Paid,

    /// <summary>Nothing to pay: the law waives it (the catalog's note says which article).</summary>
    Waived,
    Refunded,
}

/// <summary>Where a payment stands. Only the gateway's IPN (or its query answer) and the officer's cash record settle one.</summary>
public enum PaymentStatus
{
    Pending,
    Paid,

    /// <summary>The bank or the citizen did not complete it (cancelled, insufficient funds, timed out…): nothing was taken.</summary>
    Failed,
    Refunded,
}

/// <summary>
/// A fee due on a dossier, made from its procedure version's fee (the catalog's amount per unit, tiers and cap) for the
/// quantity the officer counted (pages, copies). Kept on the dossier: a later catalog change never changes it.
/// </summary>
public sealed class DossierFee
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public required string DossierCode { get; init; }

    /// <summary>Which fee of the procedure version (its position), so that a dossier's fees are made once.</summary>
    public int Line { get; init; }

    public required string Name { get; init; }

    public required string Unit { get; init; }

    public int Quantity { get; set; } = 1;

    public decimal Amount { get; set; }

    /// <summary>The catalog's note: the article it rests on, who is exempt.</summary>
    public string? Basis { get; init; }

    public FeeStatus Status { get; set; }

    public Guid? PaymentId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A payment of a dossier's due fees: cash at the counter, or an attempt through a gateway (one per attempt).</summary>
public sealed class Payment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public required string DossierCode { get; init; }

    public required string OfficeCode { get; init; }

    /// <summary><c>cash</c>, <c>vnpay</c> or <c>paygov</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The reference the gateway knows the attempt by (<c>vnp_TxnRef</c>): unique, never reused.</summary>
    public required string TxnRef { get; init; }

    public decimal Amount { get; init; }

    public PaymentStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? SettledAt { get; set; }

    /// <summary>The gateway's answer code (<c>vnp_ResponseCode</c>), or <c>00</c> for cash.</summary>
    public string? ResponseCode { get; set; }

    /// <summary>The gateway's transaction number and the bank, as the IPN gave them.</summary>
    public string? TransactionNo { get; set; }

    public string? BankCode { get; set; }

    /// <summary>The receipt's number (biên lai), given when the payment is settled paid: <c>office-year-sequence</c>.</summary>
    public string? ReceiptNumber { get; set; }

    /// <summary>The officer who recorded a cash payment or a refund; the citizen's ID number for an online one.</summary>
    public string? RecordedBy { get; init; }

    public string? PayerName { get; init; }

    public DateTimeOffset? LastQueriedAt { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    public string? RefundedBy { get; set; }
}

/// <summary>The last receipt number an office gave in a year.</summary>
public sealed class ReceiptSequence
{
    public required string OfficeCode { get; init; }

    public int Year { get; init; }

    public int Last { get; set; }
}

internal sealed class PaymentsConfiguration : IEntityTypeConfiguration<DossierFee>, IEntityTypeConfiguration<Payment>, IEntityTypeConfiguration<ReceiptSequence>
{
    public void Configure(EntityTypeBuilder<DossierFee> builder)
    {
        builder.ToTable("payments_fee");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.DossierId, x.Line }).IsUnique();
        builder.HasIndex(x => x.PaymentId);
        builder.Property(x => x.DossierCode).HasMaxLength(40);
        builder.Property(x => x.Name).HasMaxLength(500);
        builder.Property(x => x.Unit).HasMaxLength(40);
        builder.Property(x => x.Basis).HasMaxLength(1000);
        builder.Property(x => x.Amount).HasPrecision(18, 0);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments_payment");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.TxnRef).IsUnique();
        builder.HasIndex(x => x.ReceiptNumber).IsUnique();
        builder.HasIndex(x => new { x.DossierId, x.CreatedAt });
        builder.HasIndex(x => new { x.Status, x.Provider, x.CreatedAt });
        builder.HasIndex(x => new { x.OfficeCode, x.CreatedAt });
        builder.Property(x => x.DossierCode).HasMaxLength(40);
        builder.Property(x => x.OfficeCode).HasMaxLength(40);
        builder.Property(x => x.Provider).HasMaxLength(20);
        builder.Property(x => x.TxnRef).HasMaxLength(40);
        builder.Property(x => x.Amount).HasPrecision(18, 0);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ResponseCode).HasMaxLength(10);
        builder.Property(x => x.TransactionNo).HasMaxLength(40);
        builder.Property(x => x.BankCode).HasMaxLength(40);
        builder.Property(x => x.ReceiptNumber).HasMaxLength(60);
        builder.Property(x => x.RecordedBy).HasMaxLength(100);
        builder.Property(x => x.PayerName).HasMaxLength(200);
        builder.Property(x => x.RefundedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ReceiptSequence> builder)
    {
        builder.ToTable("payments_receipt_sequence");
        builder.HasKey(x => new { x.OfficeCode, x.Year });
        builder.Property(x => x.OfficeCode).HasMaxLength(40);
    }
}
