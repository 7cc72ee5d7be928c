using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Features.Dossiers;

/// <summary>Public tracking by dossier code (the receipt's QR code opens it): status and dates, a masked name, nothing else.</summary>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class TrackModel(DossierReader reader) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public PublicDossier? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Code = Code?.Trim();
        Result = Code is null ? null : await reader.PublicAsync(Code, ct);
    }
}
