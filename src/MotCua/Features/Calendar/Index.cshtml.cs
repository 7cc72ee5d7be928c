using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Calendar;

/// <summary>A year of the civil-service calendar as a month grid, and the due-date explainer (public).</summary>
[AllowAnonymous]
public sealed class IndexModel(ICalendar calendars, CalendarStore store, UnitTree units, OfficeHoursReader hours, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    private WorkingDayCalendar calendar = null!;
    private HashSet<DateOnly> skipped = [];

    [FromRoute(Name = "year")]
    public int? RouteYear { get; set; }

    public int Year { get; private set; }

    [BindProperty(SupportsGet = true)]
    public DateTime? ReceivedAt { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? WorkingDays { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    public bool Provisional { get; private set; }

    public DateOnly LunarNewYear { get; private set; }

    public string? Source { get; private set; }

    public DueDate? Due { get; private set; }

    public IReadOnlyList<UnitInfo> Offices { get; private set; } = [];

    public bool CanEdit => User.IsInRole(Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        calendar = await calendars.GetAsync(ct);
        if (ReceivedAt is { } at && WorkingDays is { } n)
        {
            var office = Office is { Length: > 0 } code ? await units.FindByCodeAsync(code, ct) : null;
            var officeHours = office is null ? OfficeHours.Default : await hours.ForOfficeAsync(office.Id, ct);
            if (n is < 0 or > 365 || !WorkingDayCalendar.InRange(DateOnly.FromDateTime(at)))
            {
                ModelState.AddModelError("", text["Calendar.BadInput"]);
            }
            else
            {
                Due = calendar.Explain(new DateTimeOffset(at, VietnamTime.Offset), n, officeHours);
                skipped = [.. Due.Skipped.Select(s => s.Date)];
                RouteYear ??= Due.Date.Year;
            }
        }

        Year = RouteYear ?? VietnamTime.Today(clock).Year;
        if (!WorkingDayCalendar.InRange(new DateOnly(Year, 1, 1)))
        {
            return NotFound();
        }

        Provisional = calendar.IsProvisional(Year);
        LunarNewYear = VietnameseLunarCalendar.LunarNewYear(Year);
        Source = Provisional ? text["Calendar.ProjectedSource"] : (await store.LoadAsync(Year, ct))?.Source;
        Offices = await units.CurrentOfficesAsync(VietnamTime.Today(clock), ct);
        return Page();
    }

    public (string Css, string Title) Describe(DateOnly date)
    {
        var classes = new List<string>();
        string title;
        if (!calendar.IsWorkingDay(date))
        {
            var name = calendar.DayOffName(date);
            classes.Add(name is null ? "weekend" : "off");
            title = calendar.Reason(date);
        }
        else if (calendar.IsWorkingSaturday(date))
        {
            classes.Add("makeup");
            title = text["Calendar.WorkingSaturday"];
        }
        else
        {
            title = text["Calendar.WorkingDay"];
        }

        if (Due is { } due)
        {
            if (date == DateOnly.FromDateTime(due.ReceivedAt.ToOffset(VietnamTime.Offset).DateTime))
            {
                classes.Add("received");
                title += " · " + text["Calendar.Received"];
            }

            if (date == due.Date)
            {
                classes.Add("due");
                title += " · " + text["Calendar.Due"];
            }

            if (skipped.Contains(date))
            {
                classes.Add("skipped");
            }
        }

        return (string.Join(' ', classes), $"{date:dd/MM/yyyy}: {title}");
    }
}
