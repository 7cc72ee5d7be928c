using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Payments;

/// <summary>
/// Where the gateway sends the citizen back. It shows what MotCua recorded from the gateway's IPN, never what the
/// address says: a forged "success" changes nothing, and a payment whose IPN has not arrived yet reads as waiting.
/// </summary>
[AllowAnonymous]
public sealed class ReturnModel(IEnumerable<IPaymentGateway> gateways, AppDbContext db) : PageModel
{
    [FromRoute]
    public string Provider { get; set; } = "";

    public Payment? Payment { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (gateways.FirstOrDefault(g => g.Provider == Provider) is not { } gateway)
        {
            return NotFound();
        }

        if (gateway.ReturnReference(Request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()))) is { Length: > 0 } txnRef)
        {
            Payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.TxnRef == txnRef && p.Provider == gateway.Provider, ct);
        }

        return Page();
    }
}
