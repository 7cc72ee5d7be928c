using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Features.Dossiers;

/// <summary>Public tracking by dossier code (the receipt's QR code opens it): status and dates, a masked name, nothing else.</summary>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class TrackModel(PublicTracking tracking) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The tracking key printed beside the code on the receipt (the QR code carries it).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    public PublicDossier? Result { get; private set; }

    /// <summary>Set when this client looked up too many wrong keys and must wait.</summary>
    public TimeSpan? Wait { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Code = Code?.Trim();
        Key = Key?.Trim();
        if (Code is { Length: > 0 } && Key is { Length: > 0 })
        {
            (Result, Wait) = await tracking.FindAsync(Code, Key, HttpContext, ct);
            if (Wait is { } wait)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Infrastructure.Web.FailureThrottle.RetryAfter(Response, wait);
            }
        }

        return Page();
    }
}
