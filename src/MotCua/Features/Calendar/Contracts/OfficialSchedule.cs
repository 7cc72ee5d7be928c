using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Calendar.Contracts;

/// <summary>A year's official schedule for civil servants, as the government publishes it (and as it is imported and exported).</summary>
/// <remarks>Its rules hold within the year; <see cref="RequestRules"/> reads them, each under the JSON path of the field at fault.</remarks>
public sealed record OfficialSchedule(int Year, string? Source, IReadOnlyList<DayOffRange> DaysOff, IReadOnlyList<WorkingSaturday> WorkingSaturdays)
    : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new Dictionary<string, string>();
        void Add(string field, string message) => errors[field] = message;
        if (Year is < 1900 or > 2100)
        {
            Add("year", Texts.Get("Calendar.YearRange"));
            return Results(errors);
        }

        if (Source is { Length: > 500 })
        {
            Add("source", Texts.Get("Calendar.SourceTooLong"));
        }

        if ((DaysOff?.Count ?? 0) > 100 || (WorkingSaturdays?.Count ?? 0) > 53)
        {
            Add("daysOff", Texts.Get("Calendar.TooManyDays"));
            return Results(errors);
        }

        for (var i = 0; i < (DaysOff?.Count ?? 0); i++)
        {
            if (DaysOff![i] is not { } d)
            {
                continue; // an empty item, named by the request rules
            }

            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 200)
            {
                Add($"daysOff[{i}].name", Texts.Get("Calendar.HolidayName"));
            }

            if (d.To < d.From)
            {
                Add($"daysOff[{i}].to", Texts.Get("Calendar.ToBeforeFrom"));
            }
            else if (d.From.Year != Year || d.To.Year != Year)
            {
                Add($"daysOff[{i}].from", Texts.Get("Calendar.DayOffYear", Year, Year));
            }
            else if (d.To.DayNumber - d.From.DayNumber > 15)
            {
                Add($"daysOff[{i}].to", Texts.Get("Calendar.BreakLength"));
            }
        }

        for (var i = 0; i < (WorkingSaturdays?.Count ?? 0); i++)
        {
            if (WorkingSaturdays![i] is not { } s)
            {
                continue;
            }

            if (s.Date.DayOfWeek != DayOfWeek.Saturday)
            {
                Add($"workingSaturdays[{i}].date", Texts.Get("Calendar.NotSaturday", s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            else if (s.Date.Year != Year)
            {
                Add($"workingSaturdays[{i}].date", Texts.Get("Calendar.MakeUpYear", Year, Year));
            }
        }

        return Results(errors);
    }

    private static IEnumerable<ValidationResult> Results(Dictionary<string, string> errors) =>
        errors.Select(e => new ValidationResult(e.Value, [e.Key]));
}

public sealed record DayOffRange(DateOnly From, DateOnly To, string Name)
{
    /// <summary>Consecutive days off with the same name as one range, as the notices write them.</summary>
    public static List<DayOffRange> Group(IEnumerable<(DateOnly Date, string Name)> days)
    {
        var ranges = new List<DayOffRange>();
        foreach (var (date, name) in days.OrderBy(d => d.Date))
        {
            if (ranges.Count > 0 && ranges[^1].Name == name && ranges[^1].To.AddDays(1) == date)
            {
                ranges[^1] = ranges[^1] with { To = date };
            }
            else
            {
                ranges.Add(new DayOffRange(date, date, name));
            }
        }

        return ranges;
    }
}

/// <summary>A Saturday worked in exchange for a weekday given off (<see cref="Replaces"/>).</summary>
public sealed record WorkingSaturday(DateOnly Date, DateOnly? Replaces);
