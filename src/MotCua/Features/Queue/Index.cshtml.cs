using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Queue;

/// <summary>
/// The counter panel: the officer picks their counter, calls the next visitor (priority and waiting weighed), recalls,
/// marks a no-show, transfers to another service, and starts intake from the ticket. The panel opens on the counter
/// the officer last used in this browser, else on the counter they last called at.
/// </summary>
public sealed class IndexModel(QueueDesk desk, UnitScope scope, StaffDirectory staff) : PageModel
{
    private const string CounterCookie = "motcua.counter";

    [BindProperty(SupportsGet = true)]
    public Guid? Counter { get; set; }

    public UnitInfo? Office { get; private set; }

    public IReadOnlyList<CounterView> Counters { get; private set; } = [];

    public IReadOnlyList<ServiceView> Services { get; private set; } = [];

    public Ticket? Current { get; private set; }

    public BoardView? Board { get; private set; }

    public IReadOnlyList<string> Parked { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>Who last called at each counter, by full name.</summary>
    public IReadOnlyDictionary<string, string> Officers { get; private set; } = new Dictionary<string, string>();

    /// <summary>The services a counter serves, by name; null when it serves every service of the office.</summary>
    public string? ServiceNames(CounterView counter) => Services.All(s => counter.Services.Contains(s.Code))
        ? null
        : string.Join("; ", counter.Services.Select(code => Services.FirstOrDefault(s => s.Code == code)?.Name ?? code));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCallNextAsync(CancellationToken ct)
    {
        var called = await desk.CallNextAsync(Counter ?? Guid.Empty, User, ct);
        return called.Failure is not null ? NotFound() : await ShowAsync(called.Value is null ? "empty" : null, ct);
    }

    public async Task<IActionResult> OnPostCallAsync(string? number, CancellationToken ct) =>
        await ShowAsync((await desk.CallAsync(Counter ?? Guid.Empty, number, User, ct)).Failure, ct);

    public async Task<IActionResult> OnPostParkAsync(CancellationToken ct) =>
        await ShowAsync(await desk.ParkAsync(Counter ?? Guid.Empty, User, ct), ct);

    public async Task<IActionResult> OnPostRecallAsync(CancellationToken ct) =>
        await ShowAsync((await desk.RecallAsync(Counter ?? Guid.Empty, User, ct)).Failure, ct);

    public async Task<IActionResult> OnPostEndAsync(bool noShow, CancellationToken ct) =>
        await ShowAsync(await desk.EndAsync(Counter ?? Guid.Empty, noShow, User, ct), ct);

    public async Task<IActionResult> OnPostTransferAsync(string service, CancellationToken ct) =>
        await ShowAsync(await desk.TransferAsync(Counter ?? Guid.Empty, service, User, ct), ct);

    /// <summary>The desk again after a counter action: 404 for a counter not the caller's; any other refusal (a number not waiting, a service not here, nobody at the counter) shown on it.</summary>
    private async Task<IActionResult> ShowAsync(Failure? failure, CancellationToken ct)
    {
        if (failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        failure?.AddTo(ModelState);
        return await ShowAsync((string?)null, ct);
    }

    private async Task<IActionResult> ShowAsync(string? message, CancellationToken ct)
    {
        Message = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Office = await scope.CurrentOfficeAsync(User, ct);
        if (Office is null)
        {
            return;
        }

        Counters = await desk.CountersAsync(Office.Id, ct);
        Services = await desk.ServicesAsync(Office.Id, ct);
        Board = await desk.BoardAsync(Office, ct);
        Officers = await staff.FullNamesAsync([.. Counters.Where(c => c.Officer is not null).Select(c => c.Officer!).Distinct()], ct);
        if (Counter is null && HttpMethods.IsGet(Request.Method) && !Request.Query.ContainsKey("counter"))
        {
            Counter = Guid.TryParse(Request.Cookies[CounterCookie], out var remembered) && Counters.Any(c => c.Id == remembered)
                ? remembered
                : Counters.FirstOrDefault(c => c.Officer == User.Identity?.Name)?.Id;
        }

        if (Counter is { } id && Counters.Any(c => c.Id == id))
        {
            Current = await desk.CurrentAsync(id, ct);
            Parked = await desk.ParkedAsync(id, ct);
            Response.Cookies.Append(CounterCookie, id.ToString(), new CookieOptions
            {
                HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(180),
            });
        }
        else
        {
            Counter = null;
        }
    }
}
