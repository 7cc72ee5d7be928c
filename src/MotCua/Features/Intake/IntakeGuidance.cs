using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Features.Intake;

public enum GuidanceKind
{
    /// <summary>Form 02: the dossier is incomplete; everything missing is listed once.</summary>
    Supplement,

    /// <summary>Form 03: the office will not receive the dossier, with the reason.</summary>
    Refusal,
}

/// <summary>
/// A dossier not received at the counter: the written request to supplement, or the refusal. Kept because it is
/// given to the citizen, counts as a visit in the satisfaction index, and must be shown again on the next visit.
/// </summary>
public sealed class IntakeGuidance
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public GuidanceKind Kind { get; init; }

    public required string Number { get; init; }

    public Guid OfficeId { get; init; }

    public required string OfficeCode { get; init; }

    public Guid CitizenId { get; init; }

    public required string ApplicantName { get; init; }

    public required string ProcedureCode { get; init; }

    public required string ProcedureName { get; init; }

    public List<GuidanceItem> Items { get; init; } = [];

    public string? Reason { get; init; }

    public string? Officer { get; init; }

    public DateTimeOffset At { get; init; }
}

public sealed class GuidanceItem
{
    public string Name { get; set; } = "";

    public string DocumentType { get; set; } = "";

    public int Originals { get; set; }

    public int Copies { get; set; }
}

internal sealed class IntakeGuidanceConfiguration : IEntityTypeConfiguration<IntakeGuidance>
{
    public void Configure(EntityTypeBuilder<IntakeGuidance> builder)
    {
        builder.ToTable("intake_guidance");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Number).HasMaxLength(50);
        builder.HasIndex(x => x.Number).IsUnique();
        builder.Property(x => x.OfficeCode).HasMaxLength(40);
        builder.HasIndex(x => new { x.CitizenId, x.At });
        builder.Property(x => x.ApplicantName).HasMaxLength(200);
        builder.Property(x => x.ProcedureCode).HasMaxLength(40);
        builder.Property(x => x.ProcedureName).HasMaxLength(500);
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.Officer).HasMaxLength(100);
        builder.OwnsMany(x => x.Items, b => b.ToJson("items"));
    }
}
