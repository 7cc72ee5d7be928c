using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Reports;

/// <summary>
/// A past day's figures for a unit, kept so that a city's year reads a few thousand rows instead of a million
/// dossiers. <see cref="ProcedureCode"/> is a procedure's code, <see cref="AllProcedures"/> for the unit's whole day
/// (everything in its scope: below it and merged into it), <see cref="OfficeOnly"/> for an office's own dossiers, or
/// <see cref="OfficerPrefix"/> and an account for what an office's officer received and how they were rated.
/// Rebuilt from the dossiers and evaluations, never edited in place.
/// </summary>
public sealed class UnitDay
{
    public const string AllProcedures = "";
    public const string OfficeOnly = "=";
    public const string Daily = "d";

    /// <summary>Rows of an office's officer (<c>@</c> and the account name): dossiers received and counter presses.</summary>
    public const string OfficerPrefix = "@";

    /// <summary>The sums of a whole month's days, dated on its first day, for long periods.</summary>
    public const string Monthly = "m";

    public Guid UnitId { get; init; }

    public string Grain { get; init; } = Daily;

    public DateOnly Day { get; init; }

    public string ProcedureCode { get; init; } = AllProcedures;

    public int Received { get; init; }

    public int Online { get; init; }

    public int Digitised { get; init; }

    public int Contactable { get; init; }

    public int Resolved { get; init; }

    public int Early { get; init; }

    public int OnTime { get; init; }

    public int Late { get; init; }

    public int SameDay { get; init; }

    public int ResolvedUnsatisfied { get; init; }

    public int Rated { get; init; }

    public int Unsatisfied { get; init; }

    public int CounterRated { get; init; }

    public int CounterUnsatisfied { get; init; }

    public int CounterPoints { get; init; }

    public int Disagreements { get; init; }

    public Counts ToCounts() => new(Received, Online, Digitised, Resolved, Early, OnTime, Late, SameDay, 0, 0, Rated, Unsatisfied, CounterRated, CounterUnsatisfied,
        CounterPoints, Disagreements, Contactable, ResolvedUnsatisfied);

    public static UnitDay From(Guid unit, DateOnly day, string procedure, Counts c, string grain = Daily) => new()
    {
        UnitId = unit, Day = day, ProcedureCode = procedure, Grain = grain, Received = c.Received, Online = c.Online, Digitised = c.Digitised, Contactable = c.Contactable,
        Resolved = c.Resolved, Early = c.Early, OnTime = c.OnTime, Late = c.Late, SameDay = c.SameDay, ResolvedUnsatisfied = c.ResolvedUnsatisfied, Rated = c.Rated,
        Unsatisfied = c.Unsatisfied, CounterRated = c.CounterRated, CounterUnsatisfied = c.CounterUnsatisfied, CounterPoints = c.CounterPoints, Disagreements = c.Disagreements,
    };
}

internal sealed class UnitDayConfiguration : IEntityTypeConfiguration<UnitDay>
{
    public void Configure(EntityTypeBuilder<UnitDay> builder)
    {
        builder.ToTable("reports_unit_day");
        builder.HasKey(x => new { x.UnitId, x.ProcedureCode, x.Grain, x.Day });
        builder.Property(x => x.ProcedureCode).HasMaxLength(120);
        builder.Property(x => x.Grain).HasMaxLength(1);
        builder.HasIndex(x => x.Day);
    }
}

public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>Whether this node keeps the stored daily figures up to date (off in tests that build them themselves).</summary>
    public bool RollupEnabled { get; set; } = true;

    public TimeSpan RollupEvery { get; set; } = TimeSpan.FromMinutes(1);

    public JobSchedule Schedule => new(RollupEnabled, RollupEvery, RunAtStart: true);
}

/// <summary>Which days the stored figures hold: every day up to <see cref="BuiltThrough"/>, except the stale ones.</summary>
public sealed record RollupState(DateOnly? BuiltThrough, IReadOnlySet<DateOnly> Stale)
{
    public bool Covers(DateOnly day) => BuiltThrough is { } built && day <= built && !Stale.Contains(day);

    /// <summary>The runs of days from <paramref name="from"/> to <paramref name="to"/> the stored figures do not hold, as periods.</summary>
    public IEnumerable<Period> Uncovered(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (Covers(day))
            {
                continue;
            }

            var start = day;
            while (day < to && !Covers(day.AddDays(1)))
            {
                day = day.AddDays(1);
            }

            yield return new Period(start, day);
        }
    }
}

/// <summary>
/// Builds the stored daily figures: each day once it is over (Vietnam time), again when a change made it stale, and
/// all over again when the unit tree changes. Today is never stored: the figures count it from the dossiers.
/// On PostgreSQL an advisory lock lets one node build at a time.
/// </summary>
public sealed class ReportRollup(AppDbContext db, DossierStore store, UnitTree tree, UnitFigures figures, TimeProvider clock)
{
    private const string BuiltKey = "reports.builtThrough";
    private const string TreeKey = "reports.tree";
    private const long LockKey = 0x4D6F74437562;

    public async Task<RollupState> StateAsync(CancellationToken ct = default)
    {
        var built = await db.SystemSettings.AsNoTracking().Where(s => s.Key == BuiltKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        var stale = await db.Set<StaleReportDay>().AsNoTracking().Select(s => s.Day).Distinct().ToListAsync(ct);
        return new RollupState(built is null ? null : DateOnly.ParseExact(built, "yyyy-MM-dd", CultureInfo.InvariantCulture), stale.ToHashSet());
    }

    /// <summary>Builds the days not yet built (up to yesterday) and rebuilds the stale ones; the number of days built.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        await using var held = await AdvisoryLock.TryTakeAsync(db, LockKey, ct);
        return held is null ? 0 : await BuildAsync(ct);
    }

    private async Task<int> BuildAsync(CancellationToken ct)
    {
        var links = await tree.LinksAsync(ct);
        var shape = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';', links.OrderBy(l => l.Id).Select(l => $"{l.Id}>{l.ParentId}>{l.SuccessorId}")))));
        var state = await StateAsync(ct);
        var built = state.BuiltThrough;
        if (await db.SystemSettings.AsNoTracking().Where(s => s.Key == TreeKey).Select(s => s.Value).FirstOrDefaultAsync(ct) != shape)
        {
            // The tree changed: who counts for whom may have changed on every day; start again.
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            await db.Set<UnitDay>().ExecuteDeleteAsync(ct);
            await SetAsync(BuiltKey, null, ct);
            await SetAsync(TreeKey, shape, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            built = null;
        }

        var yesterday = VietnamTime.Today(clock).AddDays(-1);
        var from = built?.AddDays(1);
        if (from is null)
        {
            var first = await store.Rows.MinAsync(d => (DateTimeOffset?)d.ReceivedAt, ct);
            from = first is { } f ? DateOnly.FromDateTime(VietnamTime.ToVietnam(f).DateTime) : yesterday.AddDays(1);
        }

        var ancestors = Ancestors(links);
        var all = links.Select(l => l.Id).ToArray();
        var days = 0;
        for (var day = from.Value; day <= yesterday; day = day.AddDays(1))
        {
            await StoreAsync(day, all, ancestors, advance: true, ct);
            days++;
        }

        var stale = await db.Set<StaleReportDay>().AsNoTracking().Where(s => s.Day <= yesterday).Select(s => s.Day).Distinct().ToListAsync(ct);
        foreach (var day in stale)
        {
            await StoreAsync(day, all, ancestors, advance: false, ct);
            days++;
        }

        return days;
    }

    private async Task StoreAsync(DateOnly day, Guid[] all, Dictionary<Guid, List<Guid>> ancestors, bool advance, CancellationToken ct)
    {
        var period = new Period(day, day);
        var cells = await figures.LiveAsync(all, period.Start, period.End, ct);
        var rows = new Dictionary<(Guid, string), Counts>();
        void Add(Guid unit, string procedure, Counts c) => rows[(unit, procedure)] = rows.TryGetValue((unit, procedure), out var had) ? had + c : c;
        foreach (var ((office, procedure), counts) in cells)
        {
            Add(office, UnitDay.OfficeOnly, counts);
            foreach (var unit in ancestors.GetValueOrDefault(office) ?? [office])
            {
                Add(unit, procedure, counts);
                Add(unit, UnitDay.AllProcedures, counts);
            }
        }

        foreach (var ((office, officer), counts) in await figures.LiveOfficersAsync(all, period.Start, period.End, ct))
        {
            Add(office, UnitDay.OfficerPrefix + officer, counts);
        }

        var now = clock.GetUtcNow();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        await db.Set<UnitDay>().Where(r => r.Day == day && r.Grain == UnitDay.Daily).ExecuteDeleteAsync(ct);
        await db.Set<StaleReportDay>().Where(s => s.Day == day && s.MarkedAt <= now).ExecuteDeleteAsync(ct);
        await BulkInsert.RowsAsync(db, rows.Select(r => UnitDay.From(r.Key.Item1, day, r.Key.Item2, r.Value)).ToList(), ct);

        // The month's sums, once every day of it is stored (its last day built, or one of its days rebuilt later).
        var (month, next) = (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1));
        if (advance ? day == next.AddDays(-1) : (await StateAsync(ct)).BuiltThrough >= next.AddDays(-1))
        {
            await db.Set<UnitDay>().Where(r => r.Day == month && r.Grain == UnitDay.Monthly).ExecuteDeleteAsync(ct);
            var sums = await UnitFigures.SumAsync(db.Set<UnitDay>().Where(r => r.Grain == UnitDay.Daily && r.Day >= month && r.Day < next), r => new { r.UnitId, r.ProcedureCode }, ct);
            await BulkInsert.RowsAsync(db, sums.Select(m => UnitDay.From(m.Key.UnitId, month, m.Key.ProcedureCode, m.Counts, UnitDay.Monthly)).ToList(), ct);
        }
        if (advance)
        {
            await SetAsync(BuiltKey, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>For each unit, every unit whose scope (<see cref="UnitTree.Expand"/>) holds it: the units its dossiers count for.</summary>
    public static Dictionary<Guid, List<Guid>> Ancestors(IReadOnlyList<UnitLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var result = new Dictionary<Guid, List<Guid>>();
        foreach (var unit in links)
        {
            foreach (var member in UnitTree.Expand(links, [unit.Id]))
            {
                (result.TryGetValue(member, out var list) ? list : result[member] = []).Add(unit.Id);
            }
        }

        return result;
    }

    private async Task SetAsync(string key, string? value, CancellationToken ct)
    {
        var setting = await db.SystemSettings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (value is null)
        {
            if (setting is not null)
            {
                db.Remove(setting);
            }
        }
        else if (setting is null)
        {
            db.SystemSettings.Add(new SystemSetting { Key = key, Value = value });
        }
        else
        {
            setting.Value = value;
        }
    }
}

/// <summary>Each tick: brings the stored daily figures up to date, then queues and writes the monthly reports.</summary>
public sealed class ReportsJob(ReportRollup rollup, MonthlyReports monthly) : IRecurringJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        await rollup.CatchUpAsync(ct);
        await monthly.QueueAsync(ct);
        await monthly.WriteAsync(20, ct);
    }
}
