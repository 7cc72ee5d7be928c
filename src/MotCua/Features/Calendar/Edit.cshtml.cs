using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Calendar;

/// <summary>
/// Administrators load or correct a year's official schedule, as JSON typed or uploaded. The schedule is
/// validated whole; on any error nothing is saved and every fault is named.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(CalendarStore store, ICalendar calendars, CalendarProvider provider) : PageModel
{
    private const long MaxBytes = 256 * 1024;

    [FromRoute]
    public int Year { get; set; }

    [BindProperty]
    public string? Json { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!WorkingDayCalendar.InRange(new DateOnly(Math.Clamp(Year, 1, 9999), 1, 1)))
        {
            return NotFound();
        }

        var schedule = await store.LoadAsync(Year, ct) ?? await ProjectedAsync(ct);
        Json = JsonSerializer.Serialize(schedule, JsonDefaults.Web);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var text = Json;
        var errors = new Dictionary<string, string[]>();
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > MaxBytes)
            {
                ModelState.AddModelError("file", Texts.Get("Calendar.FileTooLarge"));
                return Page();
            }

            using var reader = new StreamReader(Upload.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
            Json = text;
        }

        OfficialSchedule? schedule = null;
        try
        {
            schedule = JsonSerializer.Deserialize<OfficialSchedule>(text ?? "", JsonDefaults.Web);
        }
        catch (JsonException e)
        {
            errors[e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "json"] = [Texts.Get("Calendar.JsonInvalid", e.LineNumber + 1)];
        }

        if (schedule is not null)
        {
            schedule = schedule with { DaysOff = schedule.DaysOff ?? [], WorkingSaturdays = schedule.WorkingSaturdays ?? [] };
            errors = RequestRules.Errors(schedule);
            if (schedule.Year != Year)
            {
                errors["year"] = [Texts.Get("Calendar.YearMismatch", schedule.Year, Year)];
            }
        }
        else if (errors.Count == 0)
        {
            errors["json"] = [Texts.Get("Calendar.NoData")];
        }

        if (errors.Count > 0)
        {
            Failure.Invalid(errors).AddTo(ModelState);
            return Page();
        }

        await store.SaveAsync(schedule!, User.Identity?.Name, ct);
        provider.Invalidate();
        Saved = true;
        return Page();
    }

    /// <summary>A starting point for a year with no official schedule: its projection, as ranges.</summary>
    private async Task<OfficialSchedule> ProjectedAsync(CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var days = new List<(DateOnly, string)>();
        for (var d = new DateOnly(Year, 1, 1); d.Year == Year; d = d.AddDays(1))
        {
            if (!calendar.IsWorkingDay(d) && calendar.DayOffName(d) is { } name)
            {
                days.Add((d, name));
            }
        }

        return new OfficialSchedule(Year, "Thông báo nghỉ lễ, Tết năm " + Year, DayOffRange.Group(days), []);
    }
}
