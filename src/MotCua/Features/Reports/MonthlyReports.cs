using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Files;

namespace MotCua.Features.Reports;

/// <summary>The periodic report of one unit for one month, made by the schedule: its state and, once done, its files.</summary>
public sealed class MonthlyReport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UnitId { get; init; }

    public required string UnitCode { get; init; }

    public required string UnitName { get; init; }

    /// <summary>The first day of the month reported on.</summary>
    public DateOnly Month { get; init; }

    /// <summary><c>queued</c>, <c>done</c> or <c>failed</c>.</summary>
    public string Status { get; set; } = "queued";

    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The content hashes of the files in the file store.</summary>
    public string? PdfHash { get; set; }

    public string? ExcelHash { get; set; }

    public string? Error { get; set; }
}

internal sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> builder)
    {
        builder.ToTable("reports_monthly");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.Month, x.UnitId }).IsUnique();
        builder.HasIndex(x => new { x.Status, x.QueuedAt });
        builder.Property(x => x.UnitCode).HasMaxLength(40);
        builder.Property(x => x.UnitName).HasMaxLength(300);
        builder.Property(x => x.Status).HasMaxLength(10);
        builder.Property(x => x.PdfHash).HasMaxLength(64);
        builder.Property(x => x.ExcelHash).HasMaxLength(64);
        builder.Property(x => x.Error).HasMaxLength(1000);
    }
}

/// <summary>
/// Makes the periodic one-stop report of every administrative unit (city, district, ward) for the month just ended,
/// once, on the first days of the next month: queues one row per unit, then writes each report's PDF and Excel
/// into the file store a few at a time, so that the page showing the batch can show how far it has got.
/// </summary>
public sealed class MonthlyReports(AppDbContext db, UnitTree tree, Dashboards dashboards, FileStore files, TimeProvider clock)
{
    private static readonly string[] Administrative = ["Province", "District", "Ward", "Commune", "SpecialZone"];

    /// <summary>Queues the previous month's reports if not yet queued; the number queued.</summary>
    public async Task<int> QueueAsync(CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var end = month.AddMonths(1).AddDays(-1);
        if (await db.Set<MonthlyReport>().AnyAsync(r => r.Month == month, ct))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var units = (await tree.AllAsync(ct)).Where(u => Administrative.Contains(u.Kind) && u.IsValidDuring(month, end)).ToList();
        db.AddRange(units.Select(u => new MonthlyReport { UnitId = u.Id, UnitCode = u.Code, UnitName = u.Name, Month = month, QueuedAt = now }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another node queued them first
            return 0;
        }

        return units.Count;
    }

    /// <summary>Writes up to <paramref name="max"/> queued reports; the number written.</summary>
    public async Task<int> WriteAsync(int max, CancellationToken ct = default)
    {
        var queued = await db.Set<MonthlyReport>().Where(r => r.Status == "queued").OrderBy(r => r.QueuedAt).ThenBy(r => r.UnitCode).Take(max).ToListAsync(ct);
        var links = await tree.LinksAsync(ct);
        foreach (var report in queued)
        {
            try
            {
                var unit = await tree.FindAsync(report.UnitId, ct) ?? throw new InvalidOperationException("The unit no longer exists.");
                var period = new Period(report.Month, report.Month.AddMonths(1).AddDays(-1));
                var view = await dashboards.ReadAsync(new ReportUnit(unit, [.. UnitTree.Expand(links, [unit.Id])], links), period, "week", ct);
                report.PdfHash = await files.SaveAsync(OneStopReport.Pdf(view, await tree.FormHeaderAsync(unit.Id, ct)), ct);
                report.ExcelHash = await files.SaveAsync(OneStopReport.Excel(view), ct);
                report.Status = "done";
            }
#pragma warning disable CA1031 // one unit's failure is recorded on its row; the batch goes on
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                report.Status = "failed";
                report.Error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            }

            report.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return queued.Count;
    }
}
