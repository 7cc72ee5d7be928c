using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Payments;

/// <summary>
/// The office's reconciliation: payments by day and provider (paid, pending, failed, refunded, with their sums),
/// the attempts still pending (asked again of their gateway on request), and the payments to refund: online money
/// taken for a fee that was meanwhile paid another way.
/// </summary>
public sealed class ReconciliationModel(AppDbContext db, UnitScope scope, UnitTree units, PaymentDesk desk, TimeProvider clock) : PageModel
{
    public sealed record DayRow(DateOnly Day, string Provider, int Paid, decimal PaidSum, int Pending, int Failed, int Refunded);

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<DayRow> Days { get; private set; } = [];

    public IReadOnlyList<Payment> Pending { get; private set; } = [];

    /// <summary>Paid payments that paid no fee (the fee was paid another way meanwhile): money to give back.</summary>
    public IReadOnlyList<Payment> ToRefund { get; private set; } = [];

    public int Settled { get; private set; } = -1;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Asks each gateway again about the attempts still pending; a final answer settles them as an IPN would.</summary>
    public async Task<IActionResult> OnPostRequeryAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Settled = 0;
        var asked = clock.GetUtcNow().AddMinutes(-2);
        foreach (var payment in Pending.Where(p => p.CreatedAt < asked).Take(50)) // a bounded click: the job asks about the rest every few minutes
        {
            Settled += await desk.RequeryAsync(payment, ct) ? 1 : 0;
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>What the refund button said: the payment refunded, or why not.</summary>
    public string? RefundMessage { get; private set; }

    /// <summary>Whether the caller may give money back (the office's leaders and administrators).</summary>
    public bool MayRefund => Policies.RolesFor(Policies.Management).Any(User.IsInRole);

    public async Task<IActionResult> OnPostRefundAsync(Guid id, CancellationToken ct)
    {
        if (!MayRefund)
        {
            return Forbid();
        }

        var result = await desk.RefundAsync(id, User, await PaymentsApi.OfficeCodesAsync(User, scope, units, clock, ct), ct);
        RefundMessage = result.Value is { } p ? Texts.Get("Payments.Refunded", p.DossierCode) : result.Failure!.Detail ?? result.Failure.Title;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        (From, To) = (From ?? today.AddDays(-30), To ?? today);
        if (To < From)
        {
            (From, To) = (To, From);
        }

        // Any date a person may type, kept to the years payments can have.
        (From, To) = (From < new DateOnly(2020, 1, 1) ? new DateOnly(2020, 1, 1) : From, To > today.AddDays(1) ? today.AddDays(1) : To);

        var offices = await PaymentsApi.OfficeCodesAsync(User, scope, units, clock, ct);
        var (start, end) = (VietnamTime.StartOfDay(From.Value), VietnamTime.StartOfDay(To.Value.AddDays(1)));
        var payments = await db.Set<Payment>().AsNoTracking()
            .Where(p => offices.Contains(p.OfficeCode) && p.CreatedAt >= start && p.CreatedAt < end).OrderBy(p => p.CreatedAt).Take(20_000).ToListAsync(ct);
        Days = [.. payments.GroupBy(p => (Day: DateOnly.FromDateTime(VietnamTime.ToVietnam(p.CreatedAt).DateTime), p.Provider))
            .OrderByDescending(g => g.Key.Day).ThenBy(g => g.Key.Provider)
            .Select(g => new DayRow(g.Key.Day, g.Key.Provider, g.Count(p => p.Status == PaymentStatus.Paid), g.Where(p => p.Status == PaymentStatus.Paid).Sum(p => p.Amount),
                g.Count(p => p.Status == PaymentStatus.Pending), g.Count(p => p.Status == PaymentStatus.Failed), g.Count(p => p.Status == PaymentStatus.Refunded)))];
        Pending = [.. payments.Where(p => p.Status == PaymentStatus.Pending).OrderBy(p => p.CreatedAt)];
        var paidIds = payments.Where(p => p.Status == PaymentStatus.Paid).Select(p => p.Id).ToList();
        var withFees = await db.Set<DossierFee>().Where(f => f.PaymentId != null && paidIds.Contains(f.PaymentId.Value)).Select(f => f.PaymentId!.Value).Distinct().ToListAsync(ct);
        ToRefund = [.. payments.Where(p => p.Status == PaymentStatus.Paid && !withFees.Contains(p.Id))];
    }
}
