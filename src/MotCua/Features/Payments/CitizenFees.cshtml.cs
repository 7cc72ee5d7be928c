using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Payments;

/// <summary>The citizen's fees of one dossier: what is due and paid, the receipts, and paying online.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class CitizenFeesModel(PaymentDossiers find, Fees fees, PaymentDesk desk, IEnumerable<IPaymentGateway> gateways, AppDbContext db) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = "";

    public DossierRow? Dossier { get; private set; }

    public FeeList Fees { get; private set; } = new([], 0, 0);

    public IReadOnlyList<PaymentView> Payments { get; private set; } = [];

    /// <summary>The gateways configured here, in the order the office offers them.</summary>
    public IReadOnlyList<string> Providers => [.. gateways.Where(g => g.Ready).Select(g => g.Provider)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? provider, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Dossier is null)
        {
            return Page();
        }

        var started = await desk.StartOnlineAsync(Dossier, provider ?? "vnpay", AccountClaims.CitizenIdNumber(User) ?? "", HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (started.Value is { } url)
        {
            return Redirect(url);
        }

        started.Failure!.AddTo(ModelState);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await find.ForCitizenAsync(Reference, User, ct) is not { } found)
        {
            return false;
        }

        Dossier = found.Dossier;
        if (Dossier is not null)
        {
            Fees = await fees.ListAsync(Dossier, ct);
            Payments = await PaymentsApi.ListAsync(db, Dossier.Id, ct);
        }

        return true;
    }
}
