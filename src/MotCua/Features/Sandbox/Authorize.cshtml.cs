using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MotCua.Features.Citizens.Contracts;
using MotCua.Infrastructure.Sandbox;
using MotCua.Infrastructure.Text;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MotCua.Features.Sandbox;

/// <summary>
/// The sandbox identity provider's sign-in page: a citizen of the store signs in with the sandbox password, and the
/// provider answers the portal with the claims the national portal's SSO sends (subject, the 12-digit ID number,
/// name, date of birth, sex, phone, e-mail, assurance level). Reached only through an authorization request.
/// </summary>
public sealed class AuthorizeModel(CitizenRecords records, IOptions<SandboxOptions> options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression(@"^\s*\d{12}\s*$", ErrorMessage = "Portal.IdNumberFormat")]
    [Display(Name = "Portal.IdNumber")]
    public string SandboxIdNumber { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Login.Password")]
    public string SandboxPassword { get; set; } = "";

    /// <summary>The authorization request's parameters, carried through the sign-in form.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public IActionResult OnGet() => OidcRequest() is { } request ? Show(request) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (OidcRequest() is not { } request)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Show(request);
        }

        var idNumber = SandboxIdNumber.Trim();
        var known = await records.OwnAsync(idNumber, ct);
        if (known is not { } citizen || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(SandboxPassword), Encoding.UTF8.GetBytes(options.Value.Password)))
        {
            ModelState.AddModelError("", Texts.Get("Portal.LoginFailed"));
            return Show(request);
        }

        string? Field(string name) => citizen.Fields.FirstOrDefault(f => f.Field == name)?.Value;
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        // A subject that is stable and says nothing by itself, as a provider's pairwise identifier does.
        identity.AddClaim(new Claim(Claims.Subject, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("vneid-sandbox:" + idNumber)))[..32]));
        identity.AddClaim(new Claim(NationalClaims.IdNumber, idNumber));
        identity.AddClaim(new Claim(Claims.Name, citizen.FullName));
        identity.AddClaim(new Claim(NationalClaims.AssuranceLevel, "2"));
        if (Field("dateOfBirth") is { } birth)
        {
            identity.AddClaim(new Claim(Claims.Birthdate, birth));
        }

        if (Field("sex") is { } sex)
        {
            identity.AddClaim(new Claim(Claims.Gender, sex == "Female" ? "female" : "male"));
        }

        if (Field("phone") is { } phone)
        {
            identity.AddClaim(new Claim(Claims.PhoneNumber, phone));
        }

        if (Field("email") is { } email)
        {
            identity.AddClaim(new Claim(Claims.Email, email));
        }

        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        return SignIn(principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private OpenIddictRequest? OidcRequest() => HttpContext.GetOpenIddictServerRequest();

    private PageResult Show(OpenIddictRequest request)
    {
        Parameters = [.. request.GetParameters().Where(p => p.Key is not ("SandboxIdNumber" or "SandboxPassword" or "__RequestVerificationToken"))
            .Select(p => new KeyValuePair<string, string>(p.Key, (string?)p.Value ?? ""))];
        return Page();
    }
}

/// <summary>The national identity claims that have no standard OpenID Connect name, as the sandbox writes them.</summary>
public static class NationalClaims
{
    public const string IdNumber = "identity_number";

    public const string AssuranceLevel = "acr";
}
