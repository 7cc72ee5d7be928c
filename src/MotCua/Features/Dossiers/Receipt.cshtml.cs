using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Features.Dossiers;

/// <summary>After acceptance: the code, the appointment (with its explanation one click away) and the receipt to print.</summary>
public sealed class ReceiptModel(DossierReader reader, ReceiptService receipts) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = "";

    public DossierView Dossier { get; private set; } = null!;

    public int WorkingDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await reader.ReadAsync(Code, User, "receipt", ct) is not { } dossier)
        {
            return NotFound();
        }

        WorkingDays = dossier.SameDay ? 0 : dossier.LegalWorkingDays;
        Dossier = await reader.ViewAsync(dossier, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await reader.ReadAsync(Code, User, "receipt", ct) is { } dossier ? File(await receipts.RenderAsync(dossier, ct), "application/pdf") : NotFound();
}
