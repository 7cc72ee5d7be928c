using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Calendar.Contracts;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Calendar;

/// <summary>Reads and writes official schedules. A write replaces a year whole, in one transaction.</summary>
public sealed class CalendarStore(AppDbContext db, TimeProvider clock)
{
    public const string VersionKey = "calendar-version";

    public async Task<List<OfficialSchedule>> LoadAllAsync(CancellationToken ct = default)
    {
        var years = await db.Set<CalendarYear>().AsNoTracking().ToListAsync(ct);
        var days = (await db.Set<CalendarDay>().AsNoTracking().ToListAsync(ct)).ToLookup(d => d.Year);
        return [.. years.Select(y => ToSchedule(y, days[y.Year]))];
    }

    public async Task<OfficialSchedule?> LoadAsync(int year, CancellationToken ct = default)
    {
        var row = await db.Set<CalendarYear>().AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct);
        return row is null ? null : ToSchedule(row, await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Year == year).ToListAsync(ct));
    }

    /// <summary>Replaces the official schedule of <see cref="OfficialSchedule.Year"/>; the caller validates first.</summary>
    public async Task SaveAsync(OfficialSchedule schedule, string? by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<CalendarDay>().Where(d => d.Year == schedule.Year).ExecuteDeleteAsync(ct);
        await db.Set<CalendarYear>().Where(y => y.Year == schedule.Year).ExecuteDeleteAsync(ct);
        db.Set<CalendarYear>().Add(new CalendarYear { Year = schedule.Year, Source = schedule.Source, LoadedAt = clock.GetUtcNow(), LoadedBy = by });
        var seen = new HashSet<DateOnly>();
        foreach (var range in schedule.DaysOff)
        {
            for (var d = range.From; d <= range.To; d = d.AddDays(1))
            {
                if (seen.Add(d))
                {
                    db.Set<CalendarDay>().Add(new CalendarDay { Year = schedule.Year, Date = d, Kind = CalendarDayKind.DayOff, Name = range.Name.Trim() });
                }
            }
        }

        foreach (var saturday in schedule.WorkingSaturdays.Where(s => seen.Add(s.Date)))
        {
            db.Set<CalendarDay>().Add(new CalendarDay { Year = schedule.Year, Date = saturday.Date, Kind = CalendarDayKind.WorkingSaturday, Name = "Làm bù", Replaces = saturday.Replaces });
        }

        await BumpVersionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<string?> VersionAsync(CancellationToken ct = default) =>
        await db.SystemSettings.AsNoTracking().Where(s => s.Key == VersionKey).Select(s => s.Value).FirstOrDefaultAsync(ct);

    private async Task BumpVersionAsync(CancellationToken ct)
    {
        var setting = await db.SystemSettings.FirstOrDefaultAsync(s => s.Key == VersionKey, ct);
        var value = Guid.CreateVersion7().ToString();
        if (setting is null)
        {
            db.SystemSettings.Add(new SystemSetting { Key = VersionKey, Value = value });
        }
        else
        {
            setting.Value = value;
        }
    }

    /// <summary>The stored days read back as the schedule an administrator loaded.</summary>
    private static OfficialSchedule ToSchedule(CalendarYear year, IEnumerable<CalendarDay> days)
    {
        var ranges = DayOffRange.Group(days.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => (d.Date, d.Name)));
        var saturdays = days.Where(d => d.Kind == CalendarDayKind.WorkingSaturday).OrderBy(d => d.Date)
            .Select(d => new WorkingSaturday(d.Date, d.Replaces)).ToList();
        return new OfficialSchedule(year.Year, year.Source, ranges, saturdays);
    }

    public static List<OfficialSchedule> EmbeddedSchedules()
    {
        using var stream = typeof(CalendarStore).Assembly.GetManifestResourceStream("MotCua.Features.Calendar.Data.official-schedules.json")
            ?? throw new InvalidOperationException("official-schedules.json is not embedded.");
        return JsonSerializer.Deserialize<SchedulesFile>(stream, Infrastructure.JsonDefaults.Web)?.Years ?? [];
    }

    private sealed record SchedulesFile(List<OfficialSchedule> Years);
}
