using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Feedback;

/// <summary>
/// The evaluation after the result, on the official 9 criteria: reached from the QR code on the receipt (which opens
/// the tracking page), from the tracking page, or at the counter. Shows only the public facts of the dossier.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class RateModel(PublicTracking tracking, Evaluations evaluations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    /// <summary>The dossier's tracking key: the receipt's QR code and the tracking page carry it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty]
    public List<string?> Criteria { get; set; } = [.. Enumerable.Repeat<string?>(null, 9)];

    [BindProperty]
    public string? Complaint { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public PublicDossier? Dossier { get; private set; }

    public EvaluationView? Saved { get; private set; }

    /// <summary>Filed online: the online service's quality is asked; otherwise that criterion does not apply.</summary>
    public bool Online => Dossier?.Channel == "online";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await FindAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } missing)
        {
            return missing;
        }

        var result = await evaluations.SubmitAsync(new EvaluationRequest(Dossier!.Code, Evaluation.DossierKind, null, Criteria, Complaint, Reason, "qr", Key: Key), ct);
        // The page's criteria are its property Criteria; the API names them criteria.
        (result.Failure is { } failure ? failure with { Errors = failure.Errors.ToDictionary(e => e.Key.Replace("criteria", "Criteria", StringComparison.Ordinal), e => e.Value) } : null)?.AddTo(ModelState);
        Saved = result.Value?.Evaluation;
        return Page();
    }

    /// <summary>Loads the dossier by code and key; the answer when it cannot (404, or 429 after too many wrong keys).</summary>
    private async Task<IActionResult?> FindAsync(CancellationToken ct)
    {
        (Dossier, var wait) = await tracking.FindAsync(Code, Key, HttpContext, ct);
        if (wait is { } w)
        {
            Infrastructure.Web.FailureThrottle.RetryAfter(Response, w);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        return Dossier is null ? NotFound() : null;
    }
}
