using System.Text.Json;

namespace MotCua.Features.Calendar.Contracts;

/// <summary>
/// The public holidays the Labour Code fixes, as data with effective dates (Data/holiday-rules.json), and the
/// projection of a year's days off from them for years whose official schedule is not loaded.
/// </summary>
/// <remarks>
/// Projection (MotCua's rule, see docs/calendar.md): each holiday on its date; the Tết break is the last day of
/// the old lunar year and the first days of the new one; National Day's adjacent day is 1 September, or
/// 3 September when 2 September is a Monday; a holiday on a Saturday or Sunday gives the next working day off.
/// No Saturdays are swapped: only an official schedule does that.
/// </remarks>
public sealed class HolidayRules
{
    private readonly IReadOnlyList<HolidayRule> rules;

    public HolidayRules(IReadOnlyList<HolidayRule> rules) => this.rules = rules;

    public IReadOnlyList<HolidayRule> Rules => rules;

    public static HolidayRules LoadEmbedded()
    {
        using var stream = typeof(HolidayRules).Assembly.GetManifestResourceStream("MotCua.Features.Calendar.Data.holiday-rules.json")
            ?? throw new InvalidOperationException("holiday-rules.json is not embedded.");
        var file = JsonSerializer.Deserialize<RulesFile>(stream, Infrastructure.JsonDefaults.Web) ?? throw new InvalidOperationException("holiday-rules.json is empty.");
        return new HolidayRules(file.Rules);
    }

    /// <summary>The projected days off of a year, each with its name, in date order.</summary>
    public SortedDictionary<DateOnly, string> Project(int year)
    {
        var holidays = new SortedDictionary<DateOnly, string>();
        foreach (var rule in rules.Where(r => r.AppliesIn(year)))
        {
            foreach (var day in rule.Dates(year))
            {
                holidays.TryAdd(day, rule.Name);
            }
        }

        // A holiday on a weekly rest day gives the next working day off (Labour Code art. 111–112).
        var result = new SortedDictionary<DateOnly, string>(holidays);
        foreach (var (day, name) in holidays)
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                var compensation = day.AddDays(1);
                while (compensation.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || result.ContainsKey(compensation))
                {
                    compensation = compensation.AddDays(1);
                }

                result[compensation] = $"Nghỉ bù {name} ({day:dd/MM})";
            }
        }

        return result;
    }

    private sealed record RulesFile(string? Source, List<HolidayRule> Rules);
}

public enum HolidayKind
{
    /// <summary>A fixed solar date.</summary>
    Solar,

    /// <summary>A lunar date (Hùng Kings: 10th day of the 3rd month).</summary>
    Lunar,

    /// <summary>The Tết break around the lunar new year.</summary>
    LunarNewYear,

    /// <summary>2 September and one adjacent day.</summary>
    NationalDay,
}

public sealed record HolidayRule(string Name, HolidayKind Kind, int Month, int Day, int Days, int DaysBefore, DateOnly? From, DateOnly? To, string? Note)
{
    /// <summary>A rule with no <see cref="From"/> is announced but not in force.</summary>
    public bool AppliesIn(int year) => From is { } from && from.Year <= year && (To is null || To.Value.Year >= year);

    public IEnumerable<DateOnly> Dates(int year)
    {
        switch (Kind)
        {
            case HolidayKind.Solar:
                yield return new DateOnly(year, Month, Day);
                break;
            case HolidayKind.Lunar:
                yield return VietnameseLunarCalendar.ToSolar(year, Month, Day);
                break;
            case HolidayKind.LunarNewYear:
                var first = VietnameseLunarCalendar.LunarNewYear(year).AddDays(-DaysBefore);
                for (var i = 0; i < Days; i++)
                {
                    yield return first.AddDays(i);
                }

                break;
            case HolidayKind.NationalDay:
                var day = new DateOnly(year, Month, Day);
                yield return day;
                if (Days > 1)
                {
                    yield return day.DayOfWeek == DayOfWeek.Monday ? day.AddDays(1) : day.AddDays(-1);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown holiday kind {Kind}.");
        }
    }
}
