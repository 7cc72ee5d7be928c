using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Sandbox;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Accounts;

public static class AccountsModule
{
    /// <summary>Pages sign in with a cookie (with antiforgery); the API takes bearer tokens only.</summary>
    public static readonly string ApiScheme = IdentityConstants.BearerScheme;

    public static IServiceCollection AddAccountsModule(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentityCore<Account>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Failed passwords are slowed by SignInGuard, never locked; Identity's lockout only marks a disabled account.
        services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("MotCua");

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "smart";
                o.DefaultChallengeScheme = "smart";
            })
            .AddPolicyScheme("smart", "Cookie for pages, bearer token for the API", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments("/api")
                    ? ApiScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(ApiScheme)
            .AddOpenIdConnect(NationalIdentity.Scheme, _ => { })
            .AddIdentityCookies();
        // The national identity's options are made at the first sign-in, once the server knows its own address (the sandbox's).
        services.AddOptions<NationalIdentityOptions>().BindConfiguration(NationalIdentityOptions.Section);
        services.AddOptions<OpenIdConnectOptions>(NationalIdentity.Scheme)
            .Configure<IOptions<NationalIdentityOptions>, IOptions<SandboxOptions>, IServer, IConfiguration>((o, national, sandbox, server, configuration) =>
                NationalSignIn.Configure(o, national.Value, sandbox.Value, server, IdentitySandbox.IsEnabled(configuration)));

        services.AddOptions<BearerTokenOptions>(ApiScheme).Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.BearerTokenExpiration = TimeSpan.FromMinutes(auth.Value.TokenMinutes);
            o.Events = new BearerTokenEvents { OnMessageReceived = Sessions.ReadTokenAsync };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            // A cookie refreshed by Identity keeps its session.
            if (context.CurrentPrincipal?.FindFirst(Sessions.Claim) is { } sid && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(Sessions.Claim, sid.Value));
            }

            return Task.CompletedTask;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.AccessDeniedPath = "/Error/403";
            o.Cookie.Name = "motcua.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Events.OnValidatePrincipal = Sessions.ValidateCookieAsync;
            // A citizen's page sends the citizen to the portal's own sign-in, not the staff's.
            var toLogin = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = context => context.Request.Path.StartsWithSegments("/cong-dan")
                ? toLogin(new RedirectContext<CookieAuthenticationOptions>(context.HttpContext, context.Scheme, context.Options, context.Properties,
                    "/cong-dan/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString)))
                : toLogin(context);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireClaim(AccountClaimTypes.Kind, nameof(AccountKind.Staff)))
            .AddPolicy(Policies.Counter, p => p.RequireAuthenticatedUser().RequireClaim(AccountClaimTypes.Kind, nameof(AccountKind.Staff)).AddRequirements(new CounterRequirement()))
            .AddPolicy(Policies.QueueOffice, p => p.RequireAuthenticatedUser().RequireClaim(AccountClaimTypes.Kind, nameof(AccountKind.Staff)).RequireRole(Policies.RolesFor(Policies.QueueOffice)))
            .AddPolicy(Policies.Reports, p => p.RequireAuthenticatedUser().RequireClaim(AccountClaimTypes.Kind, nameof(AccountKind.Staff)).RequireRole(Policies.RolesFor(Policies.Reports)))
            .AddPolicy(Policies.Management, p => p.RequireAuthenticatedUser().RequireClaim(AccountClaimTypes.Kind, nameof(AccountKind.Staff)).RequireRole(Policies.RolesFor(Policies.Management)))
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Citizen, p => p.RequireAuthenticatedUser().RequireClaim(AccountClaimTypes.Kind, nameof(AccountKind.Citizen)).RequireClaim(AccountClaimTypes.IdNumber));

        services.AddScoped<IUserClaimsPrincipalFactory<Account>, AccountClaimsFactory>();
        services.AddScoped<UnitScope>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CounterHandler>();
        services.AddScoped<TokenIssuer>();
        services.AddScoped<Sessions>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<IOperationalFigures, SessionFigures>();
        services.AddScoped<CookieSignIn>();
        services.AddScoped<AccountAdmin>();
        services.AddScoped<AccountReader>();
        services.AddScoped<CurrentStaff>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<StaffMemberships>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        AccountsApi.Map(app);
        return app;
    }
}

/// <summary>Adds the account kind and full name to the sign-in principal.</summary>
internal sealed class AccountClaimsFactory(UserManager<Account> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountClaimTypes.Kind, user.Kind.ToString()));
        identity.AddClaim(new Claim(AccountClaimTypes.FullName, user.FullName));
        if (user.Kind == AccountKind.Citizen && user.CitizenIdNumber is { } idNumber)
        {
            identity.AddClaim(new Claim(AccountClaimTypes.IdNumber, idNumber));
        }
        return identity;
    }
}

/// <summary>Issues the API's bearer tokens: the same protected ticket format the bearer handler reads back.</summary>
internal sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> bearer, IUserClaimsPrincipalFactory<Account> principals, Sessions sessions, TimeProvider clock)
{
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(Account account, string? client)
    {
        var options = bearer.Get(AccountsModule.ApiScheme);
        var principal = await principals.CreateAsync(account);
        var expiresAt = clock.GetUtcNow() + options.BearerTokenExpiration;
        ((ClaimsIdentity)principal.Identity!).AddClaim(await sessions.StartAsync(account, "token", expiresAt, client));
        var properties = new AuthenticationProperties { IssuedUtc = clock.GetUtcNow(), ExpiresUtc = expiresAt };
        var ticket = new AuthenticationTicket(principal, properties, AccountsModule.ApiScheme);
        return (options.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
