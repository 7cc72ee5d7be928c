using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Features.Reform;

/// <summary>A unit's administrative reform plan for a period (the 2021–2025 plan, a yearly plan), with its targets.</summary>
public sealed class ReformPlan
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UnitId { get; init; }

    public required string Name { get; init; }

    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    /// <summary>The plan's number and date, as written.</summary>
    public string? Decision { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<ReformTarget> Targets { get; init; } = [];
}

/// <summary>
/// A target of a plan: measured from MotCua's own figures (<see cref="Measure"/>: the dashboard's measure) or reported
/// by hand with its evidence (<see cref="Measure"/> null: the last reported value).
/// </summary>
public sealed class ReformTarget
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public required string Name { get; init; }

    public string? Measure { get; init; }

    /// <summary>The value to reach: a share in per cent, or points.</summary>
    public decimal Target { get; init; }

    public decimal? Reported { get; set; }

    public string? Evidence { get; set; }

    public string? ReportedBy { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }
}

public enum FindingStatus
{
    Open,
    Done,
}

/// <summary>
/// A recommendation of a supervision or inspection delegation (or a task from a plan), with the unit that must act,
/// those that help, the deadline, and the evidence that it was done. Past its deadline and still open, the leaders of
/// the responsible unit are told once.
/// </summary>
public sealed class ReformFinding
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Who found it: the delegation, inspection or plan, as written.</summary>
    public required string Source { get; init; }

    /// <summary>The plan it is a task of (null: a delegation's or an inspection's finding).</summary>
    public Guid? PlanId { get; init; }

    public required string Text { get; init; }

    public Guid ResponsibleUnitId { get; init; }

    /// <summary>The coordinating units' codes, separated by commas.</summary>
    public string? Coordinating { get; init; }

    public DateOnly Deadline { get; init; }

    public FindingStatus Status { get; set; }

    public string? Evidence { get; set; }

    public DateOnly? DoneOn { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? OverdueNotifiedAt { get; set; }

    /// <summary>The one rule for "a finding is overdue" on a day: still open after its deadline (the sweeper, the inbox and the reform page use it).</summary>
    public static System.Linq.Expressions.Expression<Func<ReformFinding, bool>> OverdueOn(DateOnly today) => f => f.Status == FindingStatus.Open && f.Deadline < today;
}

internal sealed class ReformConfiguration : IEntityTypeConfiguration<ReformPlan>, IEntityTypeConfiguration<ReformTarget>, IEntityTypeConfiguration<ReformFinding>
{
    public void Configure(EntityTypeBuilder<ReformPlan> builder)
    {
        builder.ToTable("reform_plan");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.UnitId, x.From });
        builder.HasMany(x => x.Targets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.Decision).HasMaxLength(200);
        builder.Property(x => x.CreatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ReformTarget> builder)
    {
        builder.ToTable("reform_target");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.Measure).HasMaxLength(40);
        builder.Property(x => x.Target).HasPrecision(9, 2);
        builder.Property(x => x.Reported).HasPrecision(9, 2);
        builder.Property(x => x.Evidence).HasMaxLength(1000);
        builder.Property(x => x.ReportedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ReformFinding> builder)
    {
        builder.ToTable("reform_finding");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.ResponsibleUnitId, x.Status, x.Deadline });
        builder.HasIndex(x => new { x.Status, x.Deadline });
        builder.HasIndex(x => x.PlanId); // no foreign key: a plan is never deleted, and SQLite would rebuild the table to add one
        builder.Property(x => x.Source).HasMaxLength(300);
        builder.Property(x => x.Text).HasMaxLength(2000);
        builder.Property(x => x.Coordinating).HasMaxLength(500);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Evidence).HasMaxLength(1000);
        builder.Property(x => x.CreatedBy).HasMaxLength(100);
    }
}
