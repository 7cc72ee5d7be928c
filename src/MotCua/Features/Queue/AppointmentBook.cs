using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Calendar.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Queue;

public sealed record SlotView(TimeOnly Start, int Free);

/// <summary>A booking: the phone it is for, and the one-time code sent to that phone by SMS. Its shape's rules are declared here; the slot's are the book's.</summary>
public sealed record BookingRequest(
    string? Office,
    string? Service,
    [property: Required(ErrorMessage = "Booking.TimeRequired")] DateOnly? Date,
    [property: Required(ErrorMessage = "Booking.TimeRequired")] TimeOnly? Time,
    [property: Required(ErrorMessage = "Booking.NameRequired"), MaxLength(200, ErrorMessage = "Booking.NameRequired")] string? FullName,
    string? Phone,
    [property: Required(ErrorMessage = "Booking.CodeRequired"), MaxLength(10, ErrorMessage = "Booking.CodeRequired")] string? VerificationCode = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BookingCodes.NormalizePhone(Phone) is null)
        {
            yield return new(Texts.Get("Booking.MobileRequired"), [nameof(Phone)]);
        }
    }
}

public sealed record BookingView(string Code, string Office, string Service, DateOnly Date, TimeOnly Time);

public sealed record CheckInRequest(string? Office, string? Code);

/// <summary>
/// Online booking of slots and check-in at the kiosk. Slots follow the office's day: working days of the calendar
/// (and Saturday mornings where the office receives then), from 08:00 to its end of day, without the noon hour.
/// A slot's capacity holds under concurrent bookings through one conditional upsert. At check-in a visitor in time
/// (from <c>EarlyMinutes</c> before the slot to <c>LateMinutes</c> after its start) is ranked at the slot's start, so
/// booked and walk-in visitors are merged by the time each was due; earlier or later, they queue as a walk-in.
/// </summary>
/// <remarks>
/// A booking is tied to a verified person: the phone the SMS code went to. One phone books at most
/// <see cref="QueueOptions.BookingsPerPersonPerDay"/> visits a day, so nobody can take a whole day's slots.
/// </remarks>
public sealed class AppointmentBook(
    AppDbContext db, QueueDesk desk, ICalendar calendars, OfficeHoursReader hours, BookingCodes codes, Microsoft.Extensions.Options.IOptions<QueueOptions> options, TimeProvider clock)
{
    private const string Alphabet = "ACDEFGHJKLMNPQRTUVWXY34679";

    public async Task<Result<IReadOnlyList<SlotView>>> SlotsAsync(string? officeCode, string? service, DateOnly date, CancellationToken ct = default)
    {
        if (await desk.OfficeAsync(officeCode, ct) is not { } office)
        {
            return Failure.Invalid("office", Texts.Get("Queue.NoActiveOffice", officeCode));
        }

        if (!await db.Set<QueueService>().AnyAsync(s => s.OfficeId == office.Id && s.Code == service, ct))
        {
            return Failure.Invalid("service", Texts.Get("Queue.NoSuchService", service));
        }

        var settings = await SettingsAsync(office.Id, ct);
        var starts = await StartsAsync(office.Id, date, settings, ct);
        var booked = await db.Set<AppointmentSlot>().AsNoTracking().Where(s => s.OfficeId == office.Id && s.ServiceCode == service && s.Day == date)
            .ToDictionaryAsync(s => s.Start, s => s.Booked, ct);
        var now = VietnamTime.Now(clock);
        return (SlotView[])[.. starts.Where(s => date.ToDateTime(s) > now.DateTime).Select(s => new SlotView(s, Math.Max(0, settings.SlotCapacity - booked.GetValueOrDefault(s))))];
    }

    public async Task<Result<BookingView>> BookAsync(BookingRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = RequestRules.Errors(request);
        if (request.Date is not { } date || request.Time is not { } time)
        {
            return Failure.Invalid(errors);
        }

        var office = await desk.OfficeAsync(request.Office, ct);
        if (office is null)
        {
            errors["office"] = [Texts.Get("Booking.NoOffice", request.Office)];
            return Failure.Invalid(errors);
        }

        var slots = await SlotsAsync(request.Office, request.Service, date, ct);
        if (slots.Failure is { } noSlots)
        {
            errors = errors.Concat(noSlots.Errors).ToDictionary();
        }
        else if (!slots.Value!.Any(s => s.Start == time))
        {
            errors["time"] = [Texts.Get("Booking.OutsideHours", date, time)];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var phone = BookingCodes.NormalizePhone(request.Phone)!;
        var limit = options.Value.BookingsPerPersonPerDay;
        if (await db.Set<Appointment>().CountAsync(a => a.Phone == phone && a.Day == date && a.Status != AppointmentStatus.Cancelled, ct) >= limit)
        {
            return Failure.Invalid("phone", Texts.Get("Booking.DailyLimit", limit, date));
        }

        if (!await codes.UseAsync(phone!, request.VerificationCode?.Trim(), ct))
        {
            return Failure.Invalid("verificationCode", Texts.Get("Booking.CodeWrong"));
        }

        var settings = await SettingsAsync(office.Id, ct);
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var taken = await db.Database.SqlQuery<int>($"""
            INSERT INTO queue_slot ("OfficeId", "ServiceCode", "Day", "Start", "Booked") VALUES ({office.Id}, {request.Service}, {date}, {time}, 1)
            ON CONFLICT ("OfficeId", "ServiceCode", "Day", "Start") DO UPDATE SET "Booked" = queue_slot."Booked" + 1
            WHERE queue_slot."Booked" < {settings.SlotCapacity}
            RETURNING "Booked" AS "Value"
            """).ToListAsync(ct);
        if (taken.Count == 0)
        {
            return Failure.Invalid("time", Texts.Get("Booking.SlotFull", time, date, settings.SlotCapacity));
        }

        var appointment = new Appointment
        {
            OfficeId = office.Id, ServiceCode = request.Service!, Day = date, Start = time, Code = NewCode(), FullName = request.FullName!.Trim(),
            Phone = phone, CreatedAt = clock.GetUtcNow().ToUniversalTime(), Status = AppointmentStatus.Booked,
        };
        db.Add(appointment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BookingView(appointment.Code, office.Code, appointment.ServiceCode, date, time);
    }

    /// <summary>Checks a booked visitor in at the kiosk: a ticket ranked at the slot's start when in time, as a walk-in otherwise.</summary>
    public async Task<Result<TicketView>> CheckInAsync(CheckInRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await desk.OfficeAsync(request.Office, ct) is not { } office)
        {
            return Failure.Invalid("office", Texts.Get("Queue.NoActiveOffice", request.Office));
        }

        var code = (request.Code ?? "").Trim().ToUpperInvariant();
        var appointment = await db.Set<Appointment>().FirstOrDefaultAsync(a => a.OfficeId == office.Id && a.Code == code, ct);
        var now = VietnamTime.Now(clock);
        if (appointment is null || appointment.Status != AppointmentStatus.Booked || appointment.Day != DateOnly.FromDateTime(now.DateTime))
        {
            return Failure.Invalid("code", Texts.Get("Queue.NoAppointment"));
        }

        var settings = await SettingsAsync(office.Id, ct);
        var slot = new DateTimeOffset(appointment.Day.ToDateTime(appointment.Start), VietnamTime.Offset);
        DateTimeOffset? rankAt = now >= slot.AddMinutes(-settings.EarlyMinutes) && now <= slot.AddMinutes(settings.LateMinutes) ? slot.ToUniversalTime() : null;
        var issued = await desk.IssueAsync(office.Code, appointment.ServiceCode, false, rankAt, ct);
        if (issued.Value is not { } ticket)
        {
            return issued.Failure!;
        }

        appointment.Status = AppointmentStatus.CheckedIn;
        appointment.TicketId = ticket.Id;
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    private async Task<List<TimeOnly>> StartsAsync(Guid officeId, DateOnly date, QueueOffice settings, CancellationToken ct)
    {
        if ((await calendars.GetAsync(ct)).ClosingTime(date, await hours.ForOfficeAsync(officeId, ct)) is not { } end)
        {
            return [];
        }

        var starts = new List<TimeOnly>();
        for (var t = new TimeOnly(8, 0); t.AddMinutes(settings.SlotMinutes) <= end && t >= new TimeOnly(8, 0); t = t.AddMinutes(settings.SlotMinutes))
        {
            if (t.AddMinutes(settings.SlotMinutes) <= new TimeOnly(12, 0) || t >= new TimeOnly(13, 0))
            {
                starts.Add(t);
            }
        }

        return starts;
    }

    private async Task<QueueOffice> SettingsAsync(Guid officeId, CancellationToken ct) =>
        await db.Set<QueueOffice>().AsNoTracking().FirstOrDefaultAsync(o => o.OfficeId == officeId, ct) ?? new QueueOffice { OfficeId = officeId };

    private static string NewCode() => string.Create(6, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
