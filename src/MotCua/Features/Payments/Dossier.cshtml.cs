using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Payments;

/// <summary>The officer's view of a dossier's fees: count what they are for, record cash, print receipts.</summary>
public sealed class DossierModel(PaymentDossiers find, Fees fees, PaymentDesk desk, AppDbContext db, IAuthorizationService authorization) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = "";

    public DossierRow Dossier { get; private set; } = null!;

    public FeeList Fees { get; private set; } = new([], 0, 0);

    public IReadOnlyList<PaymentView> Payments { get; private set; } = [];

    /// <summary>Whether the caller may record payments here (a one-stop officer).</summary>
    public bool AtCounter { get; private set; }

    [BindProperty]
    public int Quantity { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCountAsync(int line, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!AtCounter)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page(); // a quantity that is not a number: named on the page, nothing changed
        }

        if (await fees.CountAsync(Dossier, line, Quantity, ct) is { } failure)
        {
            failure.AddTo(ModelState);
            return Page();
        }

        return RedirectToPage(new { Code });
    }

    public async Task<IActionResult> OnPostCashAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!AtCounter)
        {
            return Forbid();
        }

        var recorded = await desk.RecordCashAsync(Dossier, User, ct);
        if (recorded.Failure is { } failure)
        {
            failure.AddTo(ModelState);
            return Page();
        }

        return RedirectToPage(new { Code });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await find.ForStaffAsync(Code, User, ct) is not { } dossier)
        {
            return false;
        }

        Dossier = dossier;
        Fees = await fees.ListAsync(dossier, ct);
        Payments = await PaymentsApi.ListAsync(db, dossier.Id, ct);
        AtCounter = (await authorization.AuthorizeAsync(User, Policies.Counter)).Succeeded;
        return true;
    }
}
