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

    /// <summary>Đặc khu: a commune-level administrative unit on an island, created in the 2025 reform (Law on the Organisation of Local Government 2025, Art. 2).</summary>
    SpecialZone,
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

    /// <summary>
    /// The principal successor: the unit that took over this unit's records and open work when it closed. A unit
    /// divided among several new ones names them all, each with its share, in <see cref="UnitSuccession"/>.
    /// </summary>
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

/// <summary>
/// A unit that took part (or all) of a closed unit's area and people: a 2025 reform divided some wards among
/// several new ones. Every successor's staff may read the closed unit's records (they now serve its people); its
/// open work and its figures in the reports go to the principal successor (<see cref="Unit.SuccessorId"/>) alone,
/// so that nothing is counted twice.
/// </summary>
public sealed class UnitSuccession : IChangesUnitScope
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PredecessorId { get; set; }

    public Guid SuccessorId { get; set; }

    /// <summary>The share of the closed unit's area the successor took, in per cent (1–100), as the resolution describes it.</summary>
    public int SharePercent { get; set; }
}

internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> builder)
    {
        builder.ToTable("units_succession", t => t.HasCheckConstraint("ck_units_succession_share", "\"SharePercent\" BETWEEN 1 AND 100"));
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.PredecessorId, x.SuccessorId }).IsUnique();
        builder.HasIndex(x => x.SuccessorId);
        builder.HasOne<Unit>().WithMany().HasForeignKey(x => x.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
