using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Calendar;

public sealed record DueDateResponse(
    DateTimeOffset ReceivedAt, int WorkingDays, DateOnly DueDate, DateTimeOffset DueAt, bool Provisional,
    IReadOnlyList<SkippedDay> Skipped, IReadOnlyList<string> Explanation, string? Office);

public sealed record DayOffItem(DateOnly Date, string Name);

public sealed record CalendarYearResponse(int Year, bool Provisional, DateOnly LunarNewYear, IReadOnlyList<DayOffItem> DaysOff, IReadOnlyList<DateOnly> WorkingSaturdays, string? Source);

internal static class CalendarApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").WithTags("Calendar");
        api.MapGet("/due-date", DueDate).AllowAnonymous().RequireRateLimiting("public")
            .WithSummary("The due date of a procedure received at an instant, with every skipped day and why");
        api.MapGet("/{year:int}", Year).AllowAnonymous().RequireRateLimiting("public")
            .WithSummary("A year's days off, working Saturdays and lunar new year; provisional when projected");
        api.MapGet("/{year:int}/official", Official).RequireAuthorization(Policies.Staff)
            .WithSummary("The loaded official schedule of a year, in the import format (404 when the year is projected)");
        api.MapPut("/{year:int}/official", Import).RequireAuthorization(Policies.Administrator)
            .WithSummary("Load or replace a year's official schedule; applied whole or not at all");
    }

    private static async Task<Results<Ok<DueDateResponse>, ProblemHttpResult>> DueDate(
        string? receivedAt, string? workingDays, string? office, ICalendar calendars, UnitTree units, OfficeHoursReader hours, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DateTimeOffset received = default;
        var days = 0;
        if (string.IsNullOrWhiteSpace(receivedAt))
        {
            errors["receivedAt"] = [Texts.Get("Calendar.ReceivedAtRequired")];
        }
        else if (!TryParseInstant(receivedAt, out received))
        {
            errors["receivedAt"] = [Texts.Get("Calendar.InstantInvalid")];
        }
        else if (!WorkingDayCalendar.InRange(DateOnly.FromDateTime(received.ToOffset(VietnamOffset).DateTime)))
        {
            errors["receivedAt"] = [Texts.Get("Calendar.YearsCovered")];
        }

        if (string.IsNullOrWhiteSpace(workingDays))
        {
            errors["workingDays"] = [Texts.Get("Calendar.WorkingDaysRequired")];
        }
        else if (!int.TryParse(workingDays, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days > 365)
        {
            errors["workingDays"] = [Texts.Get("Calendar.WorkingDaysRange")];
        }

        var officeHours = OfficeHours.Default;
        if (!string.IsNullOrWhiteSpace(office))
        {
            var unit = await units.FindByCodeAsync(office.Trim(), ct);
            if (unit is null || !unit.ReceivesDossiers)
            {
                errors["office"] = [Texts.Get("Calendar.UnknownOffice", office)];
            }
            else
            {
                officeHours = await hours.ForOfficeAsync(unit.Id, ct);
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors).ToProblem();
        }

        var calendar = await calendars.GetAsync(ct);
        try
        {
            var due = calendar.Explain(received, days, officeHours);
            return TypedResults.Ok(new DueDateResponse(
                due.ReceivedAt.ToOffset(VietnamOffset), due.WorkingDays, due.Date, due.DueAt, due.Provisional, due.Skipped, due.Explanation, office?.Trim()));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Failure.Invalid("workingDays", Texts.Get("Calendar.DueAfter2100")).ToProblem();
        }
    }

    private static async Task<Results<Ok<CalendarYearResponse>, ProblemHttpResult>> Year(int year, ICalendar calendars, CalendarStore store, CancellationToken ct)
    {
        if (year is < WorkingDayCalendar.FirstYear or > WorkingDayCalendar.LastYear)
        {
            return Failure.Invalid("year", Texts.Get("Calendar.YearRange")).ToProblem();
        }

        var calendar = await calendars.GetAsync(ct);
        var daysOff = new List<DayOffItem>();
        var saturdays = new List<DateOnly>();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            if (calendar.DayOffName(d) is { } name && !calendar.IsWorkingDay(d))
            {
                daysOff.Add(new DayOffItem(d, name));
            }
            else if (calendar.IsWorkingSaturday(d))
            {
                saturdays.Add(d);
            }
        }

        var source = calendar.IsProvisional(year)
            ? Texts.Get("Calendar.Projected")
            : (await store.LoadAsync(year, ct))?.Source;
        return TypedResults.Ok(new CalendarYearResponse(year, calendar.IsProvisional(year), VietnameseLunarCalendar.LunarNewYear(year), daysOff, saturdays, source));
    }

    private static async Task<Results<Ok<OfficialSchedule>, NotFound>> Official(int year, CalendarStore store, CancellationToken ct) =>
        await store.LoadAsync(year, ct) is { } schedule ? TypedResults.Ok(schedule) : TypedResults.NotFound();

    private static async Task<Results<Ok<OfficialSchedule>, ProblemHttpResult>> Import(
        int year, OfficialSchedule schedule, CalendarStore store, CalendarProvider provider, HttpContext http, CancellationToken ct)
    {
        var errors = RequestRules.Errors(schedule);
        if (schedule.Year != year)
        {
            errors["year"] = [Texts.Get("Calendar.YearMismatchPath", schedule.Year, year)];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors).ToProblem();
        }

        await store.SaveAsync(schedule with { DaysOff = schedule.DaysOff ?? [], WorkingSaturdays = schedule.WorkingSaturdays ?? [] }, http.User.Identity?.Name, ct);
        provider.Invalidate();
        return TypedResults.Ok((await store.LoadAsync(year, ct))!);
    }

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>ISO-8601 instants; one without an offset is read as Vietnam time.</summary>
    internal static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        text = text.Trim();
        string[] withOffset = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
        if (DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
        {
            return true;
        }

        string[] local = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            instant = new DateTimeOffset(dt, VietnamOffset);
            return true;
        }

        return false;
    }
}
