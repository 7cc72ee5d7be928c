using Microsoft.Extensions.Options;
using MotCua.Features.Calendar.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Demo;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Queue;

public enum KioskKeyMode
{
    Auto,
    Enforced,
}

public enum KioskHoursMode
{
    /// <summary>Tickets only while the office is open, except in a demo city (tried out at any hour).</summary>
    Auto,

    /// <summary>Tickets only while the office is open.</summary>
    Enforced,

    /// <summary>Tickets at any hour.</summary>
    Off,
}

/// <summary>Configuration section "Queue".</summary>
public sealed class QueueOptions
{
    public const string Section = "Queue";

    public KioskHoursMode KioskHours { get; set; } = KioskHoursMode.Auto;

    /// <summary>
    /// <c>Enforced</c>: every ticket needs a kiosk key of the office. <c>Auto</c> (the default): enforced, except that in
    /// a demo city an ordinary (not priority) ticket is given without one, so the API can be tried from anywhere.
    /// </summary>
    public KioskKeyMode KioskKeys { get; set; } = KioskKeyMode.Auto;

    /// <summary>Visits one person (one verified phone) may book a day, all offices together; Hà Nội's rule is two.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 20)]
    public int BookingsPerPersonPerDay { get; set; } = 2;
}

/// <summary>
/// The kiosk gives tickets on the office's working days (and Saturday mornings where it receives then), from half an
/// hour before the doors open at 08:00 until it closes: a ticket taken at night would never be called.
/// </summary>
public sealed class KioskHours(ICalendar calendars, OfficeHoursReader hours, DemoFlag demo, IOptions<QueueOptions> options, TimeProvider clock)
{
    public static readonly TimeOnly Opens = new(7, 30);

    /// <summary>Why the kiosk of the office gives no ticket now (in Vietnamese, for the kiosk's screen), or null when it does.</summary>
    public async Task<string?> ClosedAsync(Guid officeId, CancellationToken ct = default)
    {
        if (options.Value.KioskHours == KioskHoursMode.Off || (options.Value.KioskHours == KioskHoursMode.Auto && await demo.IsDemoAsync(ct)))
        {
            return null;
        }

        var now = VietnamTime.ToVietnam(clock.GetUtcNow());
        var (today, time) = (DateOnly.FromDateTime(now.DateTime), TimeOnly.FromDateTime(now.DateTime));
        var calendar = await calendars.GetAsync(ct);
        var office = await hours.ForOfficeAsync(officeId, ct);
        return calendar.ClosingTime(today, office) switch
        {
            null => Texts.Get("Kiosk.ClosedToday", calendar.DayOffName(today) ?? Texts.Get("Kiosk.DayOff"), ComeBack()),
            { } closes when time >= closes => Texts.Get("Kiosk.ClosedForToday", closes, ComeBack()),
            _ when time < Opens => Texts.Get("Kiosk.NotYetOpen", Opens),
            _ => null,
        };

        // The next day the office opens, within two weeks (looked for only when the kiosk is closed).
        string ComeBack() =>
            Enumerable.Range(1, 14).Select(today.AddDays).FirstOrDefault(d => calendar.ClosingTime(d, office) is not null) is { } next && next != default
                ? Texts.Get("Kiosk.ComeBack", Opens, next) : "";
    }
}
