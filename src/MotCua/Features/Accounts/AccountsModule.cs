using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Database;

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

        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            o.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedAttempts;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes);
        });

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
            .AddIdentityCookies();

        services.AddOptions<BearerTokenOptions>(ApiScheme).Configure<IOptions<AuthOptions>>((o, auth) =>
            o.BearerTokenExpiration = TimeSpan.FromMinutes(auth.Value.TokenMinutes));

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
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireClaim(AccountClaimTypes.Kind, nameof(AccountKind.Staff)))
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));

        services.AddScoped<IUserClaimsPrincipalFactory<Account>, AccountClaimsFactory>();
        services.AddScoped<UnitScope>();
        services.AddScoped<TokenIssuer>();
        services.AddScoped<AccountReader>();
        services.AddScoped<CurrentStaff>();
        services.AddScoped<StaffDirectory>();
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
        return identity;
    }
}

/// <summary>Issues the API's bearer tokens: the same protected ticket format the bearer handler reads back.</summary>
internal sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> bearer, IUserClaimsPrincipalFactory<Account> principals, TimeProvider clock)
{
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(Account account)
    {
        var options = bearer.Get(AccountsModule.ApiScheme);
        var principal = await principals.CreateAsync(account);
        var expiresAt = clock.GetUtcNow() + options.BearerTokenExpiration;
        var properties = new AuthenticationProperties { IssuedUtc = clock.GetUtcNow(), ExpiresUtc = expiresAt };
        var ticket = new AuthenticationTicket(principal, properties, AccountsModule.ApiScheme);
        return (options.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
