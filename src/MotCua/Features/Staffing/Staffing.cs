using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Infrastructure;

namespace MotCua.Features.Staffing;

/// <summary>The categories of staff a quota (biên chế) counts separately.</summary>
public enum StaffCategory
{
    /// <summary>Công chức.</summary>
    CivilServant,

    /// <summary>Viên chức.</summary>
    PublicEmployee,

    /// <summary>Hợp đồng lao động.</summary>
    Contract,
}

/// <summary>
/// A unit's quota of one category for one year, as the unit above assigned it (its decision). A change is a new row:
/// the history stays. When units merge, their quotas go with them to the successor (counted there from the merger on).
/// </summary>
public sealed class StaffQuota
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UnitId { get; init; }

    public int Year { get; init; }

    public StaffCategory Category { get; init; }

    public int Quota { get; init; }

    /// <summary>The decision assigning it (number and date, as written).</summary>
    public string? Decision { get; init; }

    public required string SetBy { get; init; }

    public DateTimeOffset SetAt { get; init; }
}

/// <summary>A job position (vị trí việc làm) of a unit, with its category and rank, and the period after which its holder rotates (null: not rotated).</summary>
public sealed class Position
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UnitId { get; init; }

    public required string Name { get; init; }

    public StaffCategory Category { get; init; }

    public string? Rank { get; init; }

    /// <summary>Years in the position after which the holder is due to rotate (Anti-Corruption Law 2018 Art. 25: from 2 to 5 years); null when the position is not rotated.</summary>
    public int? RotationYears { get; init; }

    /// <summary>Why the position rotates: the list of posts in contact with citizens and businesses it belongs to.</summary>
    public string? RotationBasis { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A person on a unit's staff: their record, and the MotCua account when they have one.</summary>
public sealed class StaffPerson
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string FullName { get; init; }

    /// <summary>The 12-digit ID number: one record per person.</summary>
    public required string IdNumber { get; init; }

    public StaffCategory Category { get; init; }

    public string? Rank { get; init; }

    public DateOnly? JoinedOn { get; init; }

    /// <summary>The staff account of the person, whose unit memberships follow the positions held.</summary>
    public Guid? AccountId { get; init; }

    /// <summary>Not to be rotated until then, for one of the reasons Decree 59/2019/NĐ-CP lists (under investigation or discipline, pregnant or raising a child under 36 months, in treatment for a serious illness…); null when none.</summary>
    public DateOnly? ExemptUntil { get; set; }

    public string? ExemptReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A position held by a person from a day to a day; one person holds one position at a time.</summary>
public sealed class PositionHeld : IValidity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; init; }

    public Guid PositionId { get; init; }

    /// <summary>The position's unit, copied: quotas count by unit without reading positions.</summary>
    public Guid UnitId { get; init; }

    public StaffCategory Category { get; init; }

    public DateOnly ValidFrom { get; init; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The rotation plan that put the person here; null for an ordinary appointment.</summary>
    public Guid? RotationPlanId { get; init; }

    /// <summary>The decision that allowed it over the unit's quota, when it was over.</summary>
    public string? OverQuotaDecision { get; init; }
}

public enum PlanStatus
{
    Draft,
    Executed,
}

/// <summary>A unit's rotation plan for a year: who moves where and when, under which decision.</summary>
public sealed class RotationPlan
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UnitId { get; init; }

    public int Year { get; init; }

    public string? Decision { get; set; }

    public PlanStatus Status { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? ExecutedBy { get; set; }

    public DateTimeOffset? ExecutedAt { get; set; }

    public List<RotationMove> Moves { get; init; } = [];
}

/// <summary>One person of a plan: to which position, from which day.</summary>
public sealed class RotationMove
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public Guid PersonId { get; init; }

    public Guid ToPositionId { get; init; }

    public DateOnly EffectiveOn { get; init; }
}

internal sealed class StaffingConfiguration :
    IEntityTypeConfiguration<StaffQuota>, IEntityTypeConfiguration<Position>, IEntityTypeConfiguration<StaffPerson>, IEntityTypeConfiguration<PositionHeld>,
    IEntityTypeConfiguration<RotationPlan>, IEntityTypeConfiguration<RotationMove>
{
    public void Configure(EntityTypeBuilder<StaffQuota> builder)
    {
        builder.ToTable("staffing_quota");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.UnitId, x.Year, x.Category, x.SetAt });
        builder.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Decision).HasMaxLength(200);
        builder.Property(x => x.SetBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("staffing_position");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.UnitId);
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Rank).HasMaxLength(100);
        builder.Property(x => x.RotationBasis).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<StaffPerson> builder)
    {
        builder.ToTable("staffing_person");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.IdNumber).IsUnique();
        builder.HasIndex(x => x.AccountId);
        builder.Property(x => x.FullName).HasMaxLength(200);
        builder.Property(x => x.IdNumber).HasMaxLength(12);
        builder.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Rank).HasMaxLength(100);
        builder.Property(x => x.ExemptReason).HasMaxLength(300);
    }

    public void Configure(EntityTypeBuilder<PositionHeld> builder)
    {
        builder.ToTable("staffing_position_held");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.PersonId, x.ValidFrom });
        builder.HasIndex(x => new { x.UnitId, x.Category, x.ValidFrom });
        builder.HasIndex(x => x.PositionId);
        builder.HasOne<StaffPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(x => x.PositionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.OverQuotaDecision).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<RotationPlan> builder)
    {
        builder.ToTable("staffing_rotation_plan");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.UnitId, x.Year });
        builder.HasMany(x => x.Moves).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Decision).HasMaxLength(200);
        builder.Property(x => x.CreatedBy).HasMaxLength(100);
        builder.Property(x => x.ExecutedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<RotationMove> builder)
    {
        builder.ToTable("staffing_rotation_move");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.PersonId);
        builder.HasOne<StaffPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Position>().WithMany().HasForeignKey(x => x.ToPositionId).OnDelete(DeleteBehavior.Restrict);
    }
}
