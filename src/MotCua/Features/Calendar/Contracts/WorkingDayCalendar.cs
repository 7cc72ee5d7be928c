using System.Globalization;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Calendar.Contracts;

/// <summary>When a dossier's clock stops for a citizen's supplement, how it starts again (per procedure).</summary>
public enum ClockPolicy
{
    /// <summary>The clock resumes: the deadline moves by the working days spent waiting.</summary>
    Resume,

    /// <summary>The clock restarts: the full legal time counts again from the day the dossier is complete.</summary>
    Restart,
}

/// <summary>Office settings that shape a due instant without changing the legal calendar.</summary>
public sealed record OfficeHours(TimeOnly SameDayCutoff, TimeOnly EndOfDay, bool ReceivesSaturdayMorning)
{
    public static readonly OfficeHours Default = new(new TimeOnly(15, 0), new TimeOnly(17, 0), false);
}

public sealed record SkippedDay(DateOnly Date, string Reason);

public sealed record DueDate(
    DateTimeOffset ReceivedAt,
    int WorkingDays,
    DateOnly Date,
    DateTimeOffset DueAt,
    bool Provisional,
    IReadOnlyList<SkippedDay> Skipped,
    IReadOnlyList<string> Explanation);

/// <summary>
/// The civil-service calendar from 1900 to 2100: official schedules where loaded, projected years elsewhere.
/// Immutable; built once from the loaded data and shared. Working days are found by index, so a due date is a
/// few array reads whatever the span.
/// </summary>
public sealed class WorkingDayCalendar
{
    public const int FirstYear = 1900;
    public const int LastYear = 2100;
    private static readonly DateOnly Origin = new(FirstYear, 1, 1);
    private static readonly int OriginNumber = Origin.DayNumber;
    private static readonly int DayCount = new DateOnly(LastYear, 12, 31).DayNumber - OriginNumber + 1;

    private readonly bool[] working;
    private readonly int[] workedUpTo; // working days in [origin, day], inclusive
    private readonly int[] nthWorkingDay; // day index of the (k+1)-th working day
    private readonly Dictionary<int, string> dayOffNames;
    private readonly HashSet<int> workingSaturdays;
    private readonly bool[] officialYear;

    private WorkingDayCalendar(bool[] working, Dictionary<int, string> dayOffNames, HashSet<int> workingSaturdays, bool[] officialYear)
    {
        this.working = working;
        this.dayOffNames = dayOffNames;
        this.workingSaturdays = workingSaturdays;
        this.officialYear = officialYear;
        workedUpTo = new int[working.Length];
        var nth = new List<int>(working.Length * 5 / 7);
        var count = 0;
        for (var i = 0; i < working.Length; i++)
        {
            if (working[i])
            {
                nth.Add(i);
                count++;
            }

            workedUpTo[i] = count;
        }

        nthWorkingDay = [.. nth];
    }

    /// <summary>Builds the calendar: official schedules replace the projection of their year entirely.</summary>
    public static WorkingDayCalendar Build(HolidayRules rules, IEnumerable<OfficialSchedule> official)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var working = new bool[DayCount];
        var names = new Dictionary<int, string>();
        var saturdays = new HashSet<int>();
        var officialYears = new bool[LastYear - FirstYear + 1];
        for (var i = 0; i < DayCount; i++)
        {
            working[i] = Origin.AddDays(i).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        }

        var byYear = official.ToDictionary(s => s.Year);
        for (var year = FirstYear; year <= LastYear; year++)
        {
            if (byYear.TryGetValue(year, out var schedule))
            {
                officialYears[year - FirstYear] = true;
                foreach (var range in schedule.DaysOff)
                {
                    for (var d = range.From; d <= range.To; d = d.AddDays(1))
                    {
                        working[Index(d)] = false;
                        names[Index(d)] = range.Name;
                    }
                }

                foreach (var saturday in schedule.WorkingSaturdays)
                {
                    working[Index(saturday.Date)] = true;
                    saturdays.Add(Index(saturday.Date));
                }
            }
            else
            {
                foreach (var (day, name) in rules.Project(year))
                {
                    working[Index(day)] = false;
                    names[Index(day)] = name;
                }
            }
        }

        return new WorkingDayCalendar(working, names, saturdays, officialYears);
    }

    public static bool InRange(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    public bool IsWorkingDay(DateOnly date) => working[Index(date)];

    /// <summary>True while the year's official schedule is not loaded (its days off are projected).</summary>
    public bool IsProvisional(int year) => !officialYear[year - FirstYear];

    public string? DayOffName(DateOnly date) => dayOffNames.GetValueOrDefault(Index(date));

    /// <summary>When an office with these hours closes on a date (noon on a Saturday morning it opens), or null when it stays shut.</summary>
    public TimeOnly? ClosingTime(DateOnly date, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return !InRange(date) ? null
            : IsWorkingDay(date) ? hours.EndOfDay
            : hours.ReceivesSaturdayMorning && date.DayOfWeek == DayOfWeek.Saturday && DayOffName(date) is null ? new TimeOnly(12, 0)
            : null;
    }

    public bool IsWorkingSaturday(DateOnly date) => workingSaturdays.Contains(Index(date));

    /// <summary>
    /// The due date of a procedure received on <paramref name="received"/>: the day of receipt is not counted and
    /// day 1 is the next working day. <paramref name="workingDays"/> 0 is a same-day procedure: due that day if it
    /// is a working day and the dossier came before the cutoff, else the next working day.
    /// </summary>
    public DateOnly DueDate(DateOnly received, int workingDays, bool afterCutoff = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var i = Index(received);
        if (workingDays == 0 && working[i] && !afterCutoff)
        {
            return received;
        }

        var ordinal = workedUpTo[i] + Math.Max(workingDays, 1) - 1;
        if (ordinal >= nthWorkingDay.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(workingDays), "The due date falls after the last year of the calendar (2100).");
        }

        return Origin.AddDays(nthWorkingDay[ordinal]);
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="upTo"/>]: the days a clock ran between two dates.</summary>
    public int WorkingDaysBetween(DateOnly after, DateOnly upTo) => Math.Max(0, workedUpTo[Index(upTo)] - workedUpTo[Index(after)]);

    /// <summary>The working day that comes <paramref name="count"/> working days after <paramref name="date"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int count) => count == 0 ? date : DueDate(date, count);

    /// <summary>The working day <paramref name="count"/> working days before <paramref name="date"/> (1: the last working day before it).</summary>
    public DateOnly WorkingDaysBefore(DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var ordinal = workedUpTo[Index(date.AddDays(-1))] - count;
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal, nameof(count));
        return Origin.AddDays(nthWorkingDay[ordinal]);
    }

    /// <summary>
    /// The new due date after a pause for a citizen's supplement, from <paramref name="pausedOn"/> (the clock ran
    /// that day) to <paramref name="resumedOn"/> (the day the dossier was complete again; not counted, like a receipt).
    /// </summary>
    public DateOnly AfterPause(DateOnly dueDate, int legalWorkingDays, DateOnly pausedOn, DateOnly resumedOn, ClockPolicy policy) => policy switch
    {
        ClockPolicy.Resume => AddWorkingDays(dueDate, WorkingDaysBetween(pausedOn, resumedOn)),
        ClockPolicy.Restart => DueDate(resumedOn, legalWorkingDays),
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };

    /// <summary>
    /// The instant <paramref name="hours"/> working hours after <paramref name="start"/>: a working day's eight hours
    /// run from nine hours before the office's end of day to its end, less the noon hour (08:00–12:00, 13:00–17:00).
    /// This is how a process step's allotted time becomes its due instant. The answer is in UTC, as instants are stored.
    /// </summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, decimal hours, OfficeHours office)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        var local = start.ToOffset(VietnamTime.Offset);
        var remaining = TimeSpan.FromHours((double)hours);
        if (remaining == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var close = office.EndOfDay.ToTimeSpan();
        TimeSpan[] bounds = [close - TimeSpan.FromHours(9), new(12, 0, 0), new(13, 0, 0), close];
        var day = DateOnly.FromDateTime(local.DateTime);
        var from = local.TimeOfDay;
        for (var guard = 0; guard < 4000; guard++, day = day.AddDays(1), from = TimeSpan.Zero)
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            for (var w = 0; w < bounds.Length; w += 2)
            {
                var begin = from > bounds[w] ? from : bounds[w];
                if (begin >= bounds[w + 1])
                {
                    continue;
                }

                var available = bounds[w + 1] - begin;
                if (remaining <= available)
                {
                    return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue) + begin + remaining, VietnamTime.Offset).ToUniversalTime();
                }

                remaining -= available;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(hours), "Too many working hours for the calendar.");
    }

    /// <summary>The full answer for a receipt at an instant: due date, due instant, provisional flag, and every skipped day with its reason.</summary>
    public DueDate Explain(DateTimeOffset receivedAt, int workingDays, OfficeHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var local = receivedAt.ToOffset(VietnamTime.Offset);
        var received = DateOnly.FromDateTime(local.DateTime);
        var afterCutoff = TimeOnly.FromDateTime(local.DateTime) > hours.SameDayCutoff;
        var due = DueDate(received, workingDays, afterCutoff);
        var skipped = new List<SkippedDay>();
        var provisional = IsProvisional(received.Year);
        for (var d = received.AddDays(1); d <= due; d = d.AddDays(1))
        {
            provisional |= IsProvisional(d.Year);
            if (!IsWorkingDay(d))
            {
                skipped.Add(new SkippedDay(d, Reason(d)));
            }
        }

        var explanation = new List<string>();
        var receivedText = local.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (workingDays == 0)
        {
            explanation.Add(due == received
                ? Texts.Get("Calendar.SameDayBefore", receivedText, hours.SameDayCutoff)
                : !IsWorkingDay(received)
                    ? Texts.Get("Calendar.SameDayOnDayOff", receivedText, Reason(received))
                    : Texts.Get("Calendar.SameDayAfter", receivedText, hours.SameDayCutoff));
        }
        else
        {
            explanation.Add(Texts.Get("Calendar.Counting", receivedText, workingDays));
        }

        if (skipped.Count > 0)
        {
            explanation.Add(Texts.Get("Calendar.Skipped", skipped.Count) + string.Join("; ", skipped.Select(s => $"{s.Date:dd/MM} ({s.Reason})")) + ".");
        }

        if (hours.ReceivesSaturdayMorning && received.DayOfWeek == DayOfWeek.Saturday && !IsWorkingDay(received))
        {
            explanation.Add(Texts.Get("Calendar.SaturdayMorning"));
        }

        if (provisional)
        {
            explanation.Add(Texts.Get("Calendar.ProjectedYears"));
        }

        var dueAt = new DateTimeOffset(due.ToDateTime(hours.EndOfDay), TimeSpan.FromHours(7));
        return new DueDate(receivedAt, workingDays, due, dueAt, provisional, skipped, explanation);
    }

    public string Reason(DateOnly date) =>
        DayOffName(date) ?? date.DayOfWeek switch
        {
            DayOfWeek.Saturday => Texts.Get("Calendar.Saturday"),
            DayOfWeek.Sunday => Texts.Get("Calendar.Sunday"),
            _ => Texts.Get("Calendar.DayOff"),
        };

    private static int Index(DateOnly date)
    {
        var i = date.DayNumber - OriginNumber;
        if ((uint)i >= (uint)DayCount)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The calendar covers 1900–2100.");
        }

        return i;
    }
}
