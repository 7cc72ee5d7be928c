using System.Security.Cryptography;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MotCua.Infrastructure.Sandbox;

/// <summary>Configuration section "Sandbox": the local stand-ins for national services MotCua cannot reach here.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>On by default in demo mode; never in production.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The one client the sandbox identity provider knows (MotCua's portal) and its secret.</summary>
    public string ClientId { get; set; } = "motcua-portal";

    public string ClientSecret { get; set; } = "sandbox-secret";

    /// <summary>The password every citizen of the store signs in with at the sandbox (the real provider uses the VNeID app).</summary>
    public string Password { get; set; } = "Demo@12345";

    public const string Prefix = "sandbox/vneid";
}

/// <summary>
/// A local OpenID Connect provider speaking the national identity provider's flow (authorization code with PKCE,
/// state and nonce, a signed ID token with the citizen's claims), so that the portal's real sign-in runs here and in
/// CI. OpenIddict's server, in degraded mode: it knows one client from configuration and keeps no tokens (its codes
/// are self-contained, encrypted and short-lived; its keys live as long as the process).
/// </summary>
public static class IdentitySandbox
{
    public static IServiceCollection AddIdentitySandbox(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section);
        if (!IsEnabled(configuration))
        {
            return services;
        }

        services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris($"{SandboxOptions.Prefix}/authorize")
                .SetTokenEndpointUris($"{SandboxOptions.Prefix}/token")
                .SetConfigurationEndpointUris($"{SandboxOptions.Prefix}/.well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris($"{SandboxOptions.Prefix}/jwks");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            o.EnableDegradedMode().DisableTokenStorage().DisableAuthorizationStorage();
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();

            // Degraded mode: the client and its redirect address are checked here, not in a store.
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != options.ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (!Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var redirect) || redirect.AbsolutePath != NationalIdentity.CallbackPath)
                {
                    context.Reject(Errors.InvalidRequest, "The redirect address is not the portal's.");
                }

                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != options.ClientId || !CryptographicOperations.FixedTimeEquals(
                        System.Text.Encoding.UTF8.GetBytes(context.ClientSecret ?? ""), System.Text.Encoding.UTF8.GetBytes(options.ClientSecret)))
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
        });
        return services;
    }

    /// <summary>Whether the sandbox runs: as configured, else with demo mode.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{SandboxOptions.Section}:Enabled") ?? configuration.GetValue("Demo:Enabled", true);
}

/// <summary>The portal's national identity sign-in: its callback and the claims it reads.</summary>
public static class NationalIdentity
{
    public const string Scheme = "national";

    public const string CallbackPath = "/signin-vneid";
}
