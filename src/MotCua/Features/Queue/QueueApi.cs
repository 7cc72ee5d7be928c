using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Queue;

public sealed record ItemList<T>(IReadOnlyList<T> Items);

public sealed record TicketRequest(string? Office, string? Service, bool Priority);

public sealed record CounterItem(Guid Id, string Name, int Number, IReadOnlyList<string> Services, string? Officer);

public sealed record TransferRequest(string? Service);

public sealed record CallRequest(string? Number);

public sealed record BookingCodeRequest(string? Phone);

public sealed record BookingCodeSent(DateTimeOffset ExpiresAt);

public sealed record KioskRequest(string? Office, string? Name);

/// <summary>A kiosk just issued, with its key: shown this once, to be typed into the kiosk.</summary>
public sealed record IssuedKiosk(Guid Id, string Name, string Key);

internal static class QueueApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/queue").WithTags("Queue");
        api.MapGet("/services", Services).AllowAnonymous().RequireRateLimiting("public").WithSummary("An office's services (the kiosk's buttons)");
        api.MapGet("/board", Board).AllowAnonymous().RequireRateLimiting("public").WithSummary("What an office's display board shows now");
        api.MapGet("/tickets/{id:guid}", Ticket).AllowAnonymous().RequireRateLimiting("public").WithSummary("A ticket's place in the queue (its QR code opens this)");
        api.MapGet("/slots", Slots).AllowAnonymous().RequireRateLimiting("public").WithSummary("Free booking slots of a service on a day");
        api.MapPost("/appointments", Book).AllowAnonymous().RequireRateLimiting("public").WithSummary("Books a slot (refused with the reason outside hours or over capacity)");
        api.MapPost("/check-in", CheckIn).AllowAnonymous().RequireRateLimiting("public").WithSummary("Checks a booked visitor in at the kiosk with the booking code");
        api.MapPost("/tickets", Issue).AllowAnonymous().RequireRateLimiting("public")
            .WithSummary($"Takes a ticket at a kiosk of the office: the kiosk sends its key in {KioskKeys.Header} (401 without a live key; 409 with the reason outside the office's opening hours)");
        api.MapPost("/booking-codes", SendBookingCode).AllowAnonymous().RequireRateLimiting("public")
            .WithSummary("Sends a one-time code by SMS to the phone that will book (202; 429 after 3 codes in 15 minutes)");
        var kiosks = api.MapGroup("/kiosks").RequireAuthorization(Policies.Management);
        kiosks.MapGet("/", Kiosks).WithSummary("The kiosks of an office and their keys' state");
        kiosks.MapPost("/", IssueKiosk).WithSummary("Issues a key to a kiosk of the office (shown once)");
        kiosks.MapDelete("/{id:guid}", RevokeKiosk).WithSummary("Revokes a kiosk's key: it gives no more tickets");
        var staff = api.MapGroup("/counters").RequireAuthorization(Policies.Counter);
        staff.MapGet("/", Counters).WithSummary("An office's counters and the services each serves");
        api.MapGet("/figures", Figures).RequireAuthorization(Policies.QueueOffice).WithSummary("Waiting and service times, no-shows and arrivals by hour for an office and period");
        staff.MapPost("/{counterId:guid}/call-next", CallNext).WithSummary("Calls the next ticket for the counter (204 when nobody waits)");
        staff.MapPost("/{counterId:guid}/call", Call).WithSummary("Calls one ticket by number: out of turn, or resuming one parked at this counter");
        staff.MapPost("/{counterId:guid}/park", (Guid counterId, ClaimsPrincipal user, QueueDesk desk, CancellationToken ct) => Park(counterId, user, desk, ct))
            .WithSummary("Sets the current visitor aside at this counter");
        staff.MapPost("/{counterId:guid}/recall", Recall).WithSummary("Announces the counter's current ticket again");
        staff.MapPost("/{counterId:guid}/done", (Guid counterId, ClaimsPrincipal user, QueueDesk desk, CancellationToken ct) => End(counterId, false, user, desk, ct)).WithSummary("The current visitor was served");
        staff.MapPost("/{counterId:guid}/no-show", (Guid counterId, ClaimsPrincipal user, QueueDesk desk, CancellationToken ct) => End(counterId, true, user, desk, ct)).WithSummary("The called visitor did not come");
        staff.MapPost("/{counterId:guid}/transfer", Transfer).WithSummary("Sends the current visitor to another service's line, keeping their place");
    }

    private static async Task<Results<Ok<ItemList<ServiceView>>, ProblemHttpResult>> Services([FromQuery] string? office, QueueDesk desk, CancellationToken ct) =>
        await desk.OfficeAsync(office, ct) is { } o ? TypedResults.Ok(new ItemList<ServiceView>(await desk.ServicesAsync(o.Id, ct))) : UnknownOffice(office);

    private static async Task<Results<Ok<BoardView>, ProblemHttpResult>> Board([FromQuery] string? office, QueueDesk desk, CancellationToken ct) =>
        await desk.OfficeAsync(office, ct) is { } o ? TypedResults.Ok(await desk.BoardAsync(o, ct)) : UnknownOffice(office);

    private static async Task<Results<Ok<TicketView>, NotFound>> Ticket(Guid id, QueueDesk desk, CancellationToken ct) =>
        await desk.TicketAsync(id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();

    private static async Task<Results<Created<TicketView>, ProblemHttpResult>> Issue(TicketRequest request, HttpRequest http, QueueDesk desk, KioskKeys kiosks, CancellationToken ct)
    {
        if (await desk.OfficeAsync(request.Office, ct) is { } o && !await kiosks.MayIssueAsync(o.Id, http.Headers[KioskKeys.Header], request.Priority, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Texts.Get("Queue.KioskKeyRequiredTitle"),
                detail: Texts.Get("Queue.KioskKeyRequired"));
        }

        var issued = await desk.IssueAsync(request.Office, request.Service, request.Priority, ct: ct);
        return issued.Value is { } ticket ? TypedResults.Created($"/api/queue/tickets/{ticket.Id}", ticket) : issued.Failure!.ToProblem();
    }

    private static async Task<Results<Accepted<BookingCodeSent>, ProblemHttpResult>> SendBookingCode(BookingCodeRequest request, BookingCodes codes, CancellationToken ct)
    {
        var sent = await codes.SendAsync(request.Phone, ct);
        return sent.Succeeded ? TypedResults.Accepted((string?)null, new BookingCodeSent(sent.Value)) : sent.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<ItemList<KioskView>>, ProblemHttpResult, NotFound>> Kiosks(
        [FromQuery] string? office, ClaimsPrincipal user, QueueDesk desk, KioskKeys kiosks, UnitScope scope, CancellationToken ct) =>
        await desk.OfficeAsync(office, ct) is not { } o ? UnknownOffice(office)
        : !(await scope.VisibleUnitIdsAsync(user, ct)).Contains(o.Id) ? TypedResults.NotFound()
        : TypedResults.Ok(new ItemList<KioskView>(await kiosks.ForOfficeAsync(o.Id, ct)));

    private static async Task<Results<Created<IssuedKiosk>, ProblemHttpResult, NotFound>> IssueKiosk(
        KioskRequest request, ClaimsPrincipal user, QueueDesk desk, KioskKeys kiosks, UnitScope scope, CancellationToken ct)
    {
        if (await desk.OfficeAsync(request.Office, ct) is not { } o)
        {
            return UnknownOffice(request.Office);
        }

        if (!(await scope.VisibleUnitIdsAsync(user, ct)).Contains(o.Id))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            return Failure.Invalid("name", Texts.Get("Queue.KioskNameRequired")).ToProblem();
        }

        var (kiosk, key) = await kiosks.IssueAsync(o.Id, request.Name, user.Identity?.Name, ct);
        return TypedResults.Created($"/api/queue/kiosks/{kiosk.Id}", new IssuedKiosk(kiosk.Id, kiosk.Name, key));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeKiosk(Guid id, [FromQuery] string? office, ClaimsPrincipal user, QueueDesk desk, KioskKeys kiosks, UnitScope scope, CancellationToken ct) =>
        await desk.OfficeAsync(office, ct) is { } o && (await scope.VisibleUnitIdsAsync(user, ct)).Contains(o.Id) && await kiosks.RevokeAsync(o.Id, id, ct)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    /// <summary>Counters of an office within the caller's units; another office's answer 404, as foreign records do.</summary>
    private static async Task<Results<Ok<ItemList<CounterItem>>, ProblemHttpResult, NotFound>> Counters(
        [FromQuery] string? office, ClaimsPrincipal user, QueueDesk desk, UnitScope scope, CancellationToken ct)
    {
        if (await desk.OfficeAsync(office, ct) is not { } o)
        {
            return UnknownOffice(office);
        }

        return (await scope.VisibleUnitIdsAsync(user, ct)).Contains(o.Id)
            ? TypedResults.Ok(new ItemList<CounterItem>([.. (await desk.CountersAsync(o.Id, ct)).Select(c => new CounterItem(c.Id, c.Name, c.Number, c.Services, c.Officer))]))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<CallView>, NoContent, ProblemHttpResult>> CallNext(Guid counterId, ClaimsPrincipal user, QueueDesk desk, CancellationToken ct) =>
        Called(await desk.CallNextAsync(counterId, user, ct));

    private static async Task<Results<Ok<CallView>, ProblemHttpResult>> Call(Guid counterId, CallRequest request, ClaimsPrincipal user, QueueDesk desk, CancellationToken ct) =>
        await desk.CallAsync(counterId, request.Number, user, ct) switch
        {
            { Value: { } call } => TypedResults.Ok(call),
            var failed => failed.Failure!.ToProblem(),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Park(Guid counterId, ClaimsPrincipal user, QueueDesk desk, CancellationToken ct) =>
        Done(await desk.ParkAsync(counterId, user, ct));

    private static async Task<Results<Ok<CallView>, NoContent, ProblemHttpResult>> Recall(Guid counterId, ClaimsPrincipal user, QueueDesk desk, CancellationToken ct) =>
        Called(await desk.RecallAsync(counterId, user, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> End(Guid counterId, bool noShow, ClaimsPrincipal user, QueueDesk desk, CancellationToken ct) =>
        Done(await desk.EndAsync(counterId, noShow, user, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Transfer(Guid counterId, TransferRequest request, ClaimsPrincipal user, QueueDesk desk, CancellationToken ct) =>
        Done(await desk.TransferAsync(counterId, request.Service, user, ct));

    /// <summary>A call made (200), nobody to call (204), or why not.</summary>
    private static Results<Ok<CallView>, NoContent, ProblemHttpResult> Called(Result<CallView?> result) =>
        result.Failure is { } failure ? failure.ToProblem() : result.Value is { } call ? TypedResults.Ok(call) : TypedResults.NoContent();

    private static Results<NoContent, ProblemHttpResult> Done(Failure? failure) => failure is null ? TypedResults.NoContent() : failure.ToProblem();

    private static async Task<Results<Ok<QueueFigures>, ProblemHttpResult, NotFound>> Figures(
        [FromQuery] string? office, [FromQuery] DateOnly from, [FromQuery] DateOnly to, ClaimsPrincipal user, QueueDesk desk, QueueFiguresReader figures, UnitScope scope, CancellationToken ct)
    {
        if (await desk.OfficeAsync(office, ct) is not { } o)
        {
            return UnknownOffice(office);
        }

        if (from > to || to.DayNumber - from.DayNumber > 366)
        {
            return Failure.Invalid("from", Texts.Get("Common.PeriodInvalid")).ToProblem();
        }

        return (await scope.VisibleUnitIdsAsync(user, ct)).Contains(o.Id) ? TypedResults.Ok(await figures.ReadAsync(o.Id, from, to, ct)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ItemList<SlotView>>, ProblemHttpResult>> Slots(
        [FromQuery] string? office, [FromQuery] string? service, [FromQuery] DateOnly date, AppointmentBook book, CancellationToken ct)
    {
        var slots = await book.SlotsAsync(office, service, date, ct);
        return slots.Value is { } list ? TypedResults.Ok(new ItemList<SlotView>(list)) : slots.Failure!.ToProblem();
    }

    private static async Task<Results<Created<BookingView>, ProblemHttpResult>> Book(BookingRequest request, AppointmentBook book, CancellationToken ct)
    {
        var booked = await book.BookAsync(request, ct);
        return booked.Value is { } booking ? TypedResults.Created($"/api/queue/appointments/{booking.Code}", booking) : booked.Failure!.ToProblem();
    }

    private static async Task<Results<Created<TicketView>, ProblemHttpResult>> CheckIn(CheckInRequest request, AppointmentBook book, CancellationToken ct)
    {
        var checkedIn = await book.CheckInAsync(request, ct);
        return checkedIn.Value is { } ticket ? TypedResults.Created($"/api/queue/tickets/{ticket.Id}", ticket) : checkedIn.Failure!.ToProblem();
    }

    private static ProblemHttpResult UnknownOffice(string? office) =>
        Failure.Invalid("office", Texts.Get("Queue.NoActiveOffice", office)).ToProblem();
}
