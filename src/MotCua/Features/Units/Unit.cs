using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Units;

/// <summary>What a unit is: an administrative unit (province, district, ward, commune) or an agency inside one.</summary>
public enum UnitKind
{
    Province,
    District,
    Ward,
    Commune,
    Department,
    OneStopDesk,
    ServiceCentre,
    Police,
    SocialInsurance,
}

/// <summary>
/// An administrative unit or agency, with its electronic identity code (QĐ 20/2020/QĐ-TTg). Units are never
/// deleted: a reform closes them (<see cref="ValidTo"/>) and names their <see cref="SuccessorId"/>, so records
/// received by a unit before a merger keep naming it.
/// </summary>
public sealed class Unit : IChangesUnitScope, IValidity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Electronic identity code <c>V1V2V3.Z1Z2.Y1Y2.MX1X2</c>, lower levels first.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public UnitKind Kind { get; set; }

    public Guid? ParentId { get; set; }

    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day the unit existed; null while it exists.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>The unit that took over this unit's records when it closed.</summary>
    public Guid? SuccessorId { get; set; }

    /// <summary>An office: an agency where citizens hand in dossiers (one-stop desk, service centre).</summary>
    public bool ReceivesDossiers { get; set; }

    /// <summary>An office's decision that its leaders may stand in at the counter (intake, returning results, calling tickets).</summary>
    public bool LeadersAtCounter { get; set; }

    /// <summary>What an agency does, for process steps that name it: <c>justice</c>, <c>construction</c>, <c>environment</c>, <c>economy</c>…</summary>
    public string? Function { get; set; }

    /// <summary>Where the name and code come from; demo data says which parts are real and which illustrative.</summary>
    public string? Note { get; set; }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("units_unit");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Code).HasMaxLength(40);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(x => x.Note).HasMaxLength(1000);
        builder.Property(x => x.Function).HasMaxLength(40);
        builder.HasIndex(x => x.ParentId);
        builder.HasOne<Unit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
