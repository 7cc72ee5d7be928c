using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Feedback.Contracts;

namespace MotCua.Features.Feedback;

/// <summary>
/// The evaluation after the result, on the official 9 criteria: reached from the QR code on the receipt (which opens
/// the tracking page), from the tracking page, or at the counter. Shows only the public facts of the dossier.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class RateModel(DossierReader reader, Evaluations evaluations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public List<string?> Criteria { get; set; } = [.. Enumerable.Repeat<string?>(null, 9)];

    [BindProperty]
    public string? Complaint { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public PublicDossier? Dossier { get; private set; }

    public EvaluationView? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Dossier = await reader.PublicAsync(Code.Trim(), ct);
        return Dossier is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Dossier = await reader.PublicAsync(Code.Trim(), ct);
        if (Dossier is null)
        {
            return NotFound();
        }

        var result = await evaluations.SubmitAsync(new EvaluationRequest(Dossier.Code, Evaluation.DossierKind, null, Criteria, Complaint, Reason, "qr"), ct);
        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.Replace("criteria", "Criteria", StringComparison.Ordinal), message);
            }
        }

        Saved = result.Evaluation;
        return Page();
    }
}
