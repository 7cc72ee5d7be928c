using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Feedback.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;

namespace MotCua.Features.Reports;

/// <summary>
/// A past day whose stored figures a change has made stale (a result sent back, an evaluation given or changed
/// about an earlier day); until it is rebuilt, the leaders' figures count that day from the dossiers themselves.
/// Rows may repeat a day; the builder removes them once the day is rebuilt.
/// </summary>
public sealed class StaleReportDay
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateOnly Day { get; init; }

    public DateTimeOffset MarkedAt { get; init; }

    /// <summary>Marks the (Vietnam) day of <paramref name="instant"/> stale, in the caller's transaction; today needs no mark (it is always counted live).</summary>
    public static void Mark(AppDbContext db, DateTimeOffset instant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = DateOnly.FromDateTime(VietnamTime.ToVietnam(instant).DateTime);
        if (day < DateOnly.FromDateTime(VietnamTime.ToVietnam(now).DateTime)
            && !db.ChangeTracker.Entries<StaleReportDay>().Any(e => e.Entity.Day == day))
        {
            db.Add(new StaleReportDay { Day = day, MarkedAt = now });
        }
    }
}

/// <summary>A result sent back after the day it was resolved: that day's stored figures are stale.</summary>
public sealed class StaleOnWithdrawal(AppDbContext db) : IHandles<DossierResultWithdrawn>
{
    public Task HandleAsync(DossierResultWithdrawn happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        StaleReportDay.Mark(db, happened.ResolvedAt, happened.At);
        return Task.CompletedTask;
    }
}

/// <summary>An evaluation that counts on an earlier day: that day's stored figures are stale.</summary>
public sealed class StaleOnEvaluation(AppDbContext db) : IHandles<EvaluationRecounted>
{
    public Task HandleAsync(EvaluationRecounted happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        StaleReportDay.Mark(db, happened.Day, happened.At);
        return Task.CompletedTask;
    }
}

internal sealed class StaleReportDayConfiguration : IEntityTypeConfiguration<StaleReportDay>
{
    public void Configure(EntityTypeBuilder<StaleReportDay> builder)
    {
        builder.ToTable("reports_stale_day");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.Day);
    }
}
