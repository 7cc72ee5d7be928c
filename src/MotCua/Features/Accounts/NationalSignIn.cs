using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Sandbox;

namespace MotCua.Features.Accounts;

/// <summary>
/// Configuration section "NationalIdentity": the national identity provider the portal signs citizens in with (OpenID
/// Connect, authorization code with PKCE). Empty: the sandbox provider of this server, when it runs. Pointing at the
/// real issuer is configuration only: its address, this client's id and secret, and the claims' names.
/// </summary>
public sealed class NationalIdentityOptions
{
    public const string Section = "NationalIdentity";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool RequireHttpsMetadata { get; set; }

    /// <summary>The claim carrying the 12-digit personal ID number.</summary>
    public string IdNumberClaim { get; set; } = "identity_number";
}

/// <summary>
/// Turns the national identity provider's answer into a portal session: the citizen's account (opened on first
/// sign-in), what the provider vouches for kept in the citizen store (source: the national identity), and the same
/// session cookie a password sign-in gives. A refused or tampered answer ends on the sign-in page with a plain message.
/// </summary>
public static partial class NationalSignIn
{
    public static void Configure(OpenIdConnectOptions o, NationalIdentityOptions national, SandboxOptions sandbox, IServer server, bool sandboxOn)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(server);
        var here = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)
            .Replace("[::]", "localhost", StringComparison.Ordinal) ?? "http://localhost";
        o.Authority = national.Authority is { Length: > 0 } authority ? authority : sandboxOn ? $"{here.TrimEnd('/')}/{SandboxOptions.Prefix}" : null;
        o.ClientId = national.ClientId ?? (sandboxOn ? sandbox.ClientId : null);
        o.ClientSecret = national.ClientSecret ?? (sandboxOn ? sandbox.ClientSecret : null);
        o.RequireHttpsMetadata = national.RequireHttpsMetadata;
        o.ResponseType = "code";
        o.UsePkce = true;
        // The code comes back by a top-level GET, so that the state and nonce cookies can be Lax (no SameSite=None over HTTP).
        o.ResponseMode = "query";
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.CallbackPath = NationalIdentity.CallbackPath;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email", "phone" })
        {
            o.Scope.Add(scope);
        }

        o.TokenValidationParameters.NameClaimType = "name";
        o.Events.OnTicketReceived = TicketReceivedAsync;
        o.Events.OnRemoteFailure = context =>
        {
            LogRefused(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NationalSignIn)), context.Failure?.Message);
            context.HandleResponse();
            context.Response.Redirect("/cong-dan/dang-nhap?national=failed");
            return Task.CompletedTask;
        };
    }

    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var national = services.GetRequiredService<IOptions<NationalIdentityOptions>>().Value;
        var claims = context.Principal!;
        var idNumber = claims.FindFirstValue(national.IdNumberClaim)?.Trim();
        var users = services.GetRequiredService<UserManager<Account>>();
        context.HandleResponse();
        if (idNumber is not { Length: 12 } || !idNumber.All(char.IsAsciiDigit) || (await users.FindByNameAsync(idNumber)) is { Kind: AccountKind.Staff })
        {
            context.Response.Redirect("/cong-dan/dang-nhap?national=failed");
            return;
        }

        var name = claims.FindFirstValue("name")?.Trim() ?? "";
        DateOnly? birth = DateOnly.TryParseExact(claims.FindFirstValue("birthdate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) ? b : null;
        await services.GetRequiredService<ICitizenDirectory>().VouchedAsync(new VouchedCitizen(
            idNumber!, name.Length == 0 ? null : name, birth, claims.FindFirstValue("gender"), claims.FindFirstValue("phone_number"), claims.FindFirstValue("email")));

        var account = await users.FindByNameAsync(idNumber!);
        if (account is null)
        {
            account = new Account { UserName = idNumber, Kind = AccountKind.Citizen, CitizenIdNumber = idNumber, FullName = name, PhoneNumberConfirmed = true };
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                context.Response.Redirect("/cong-dan/dang-nhap?national=failed");
                return;
            }
        }
        else if (!account.PhoneNumberConfirmed)
        {
            account.PhoneNumberConfirmed = true; // the national identity vouches for the person: no code needed
            await users.UpdateAsync(account);
        }

        await services.GetRequiredService<CookieSignIn>().SignInAsync(account, context.HttpContext);
        var back = context.ReturnUri is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/cong-dan";
        context.Response.Redirect(back);
    }

    [LoggerMessage(Level = LogLevel.Error, EventName = "NationalIdentityUnreachable", Message = "The national identity provider could not be reached")]
    internal static partial void LogUnreachable(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "NationalSignInRefused", Message = "A national identity sign-in was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? reason);
}
