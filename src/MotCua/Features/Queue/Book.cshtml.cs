using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Queue;

/// <summary>Booking a visit online: a service, a day, a free slot, a name; the answer is the code to type at the kiosk.</summary>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class BookModel(QueueDesk desk, AppointmentBook book, BookingCodes codes, TimeProvider clock) : PageModel
{
    public string? FullName { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>A code was just sent to <see cref="Phone"/> by SMS.</summary>
    public bool CodeSent { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    public UnitInfo Office { get; private set; } = null!;

    public IReadOnlyList<ServiceView> Services { get; private set; } = [];

    public IReadOnlyList<SlotView> Slots { get; private set; } = [];

    public BookingView? Booked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string office, CancellationToken ct) =>
        await LoadAsync(office, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string office, TimeOnly? time, string? fullName, string? phone, string? verificationCode, CancellationToken ct)
    {
        if (!await LoadAsync(office, ct))
        {
            return NotFound();
        }

        (FullName, Phone) = (fullName, phone);
        var booked = await book.BookAsync(new BookingRequest(office, Service, Date, time, fullName, phone, verificationCode), ct);
        Booked = booked.Value;
        booked.Failure?.AddTo(ModelState);

        return Page();
    }

    /// <summary>Sends the one-time code to the phone typed, keeping what was filled in.</summary>
    public async Task<IActionResult> OnPostSendCodeAsync(string office, string? fullName, string? phone, CancellationToken ct)
    {
        if (!await LoadAsync(office, ct))
        {
            return NotFound();
        }

        (FullName, Phone) = (fullName, phone);
        var sent = await codes.SendAsync(phone, ct);
        CodeSent = sent.Succeeded;
        sent.Failure?.AddTo(ModelState);

        return Page();
    }

    private async Task<bool> LoadAsync(string office, CancellationToken ct)
    {
        if (await desk.OfficeAsync(office, ct) is not { } o)
        {
            return false;
        }

        Office = o;
        Services = await desk.ServicesAsync(o.Id, ct);
        Service ??= Services.Count > 0 ? Services[0].Code : null;
        Date ??= VietnamTime.Today(clock).AddDays(1);
        Slots = (await book.SlotsAsync(office, Service, Date.Value, ct)).Value ?? [];
        return true;
    }
}
