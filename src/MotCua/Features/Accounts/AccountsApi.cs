using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Accounts;

/// <summary>A staff member signs in by username; a citizen by their 12-digit ID number (one of the two).</summary>
public sealed record TokenRequest(
    [property: MaxLength(100, ErrorMessage = "Common.TooLong")] string? Username,
    [property: Required(AllowEmptyStrings = true, ErrorMessage = "Accounts.PasswordRequired"), MinLength(1, ErrorMessage = "Accounts.PasswordRequired"), MaxLength(200, ErrorMessage = "Common.TooLong")] string? Password,
    [property: MaxLength(12, ErrorMessage = "Common.TooLong")] string? IdNumber = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Username) == string.IsNullOrWhiteSpace(IdNumber))
        {
            yield return new(Texts.Get("Accounts.UsernameOrIdNumberRequired"), [nameof(Username)]);
        }
    }
}

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record MembershipView(string UnitCode, string UnitName, DateOnly ValidFrom, DateOnly? ValidTo, bool Current);

public sealed record AccountView(string Username, string FullName, IReadOnlyList<string> Roles, IReadOnlyList<MembershipView> Memberships);

internal static class AccountsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Access");
        auth.MapPost("/token", IssueToken).AllowAnonymous().RequireRateLimiting("public")
            .WithSummary("Exchange a staff username, or a citizen's ID number, and the password for a bearer token (failures are slowed per address and account: 429 with Retry-After)");
        auth.MapPost("/logout", async (ClaimsPrincipal user, Sessions sessions, CancellationToken ct) =>
            {
                await sessions.EndAsync(user, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization().WithSummary("Revokes the caller's token (staff or citizen): it is refused from the next request on");

        // The portal's national identity sign-in starts here: a challenge to the provider, back to the page asked for.
        app.MapGet("/cong-dan/dinh-danh", NationalChallengeAsync).AllowAnonymous().ExcludeFromDescription();

        var accounts = app.MapGroup("/api/accounts").WithTags("Access").RequireAuthorization(Policies.Staff);
        accounts.MapGet("/me", (ClaimsPrincipal user, AccountReader reader, CancellationToken ct) => reader.MeAsync(user, ct))
            .WithSummary("The signed-in account, its roles and its units");
        accounts.MapGet("/{username}", (string username, ClaimsPrincipal user, AccountReader reader, CancellationToken ct) => reader.ReadAsync(username, user, ct))
            .WithSummary("A staff account of the caller's units (404 outside them)");
        var admin = app.MapGroup("/api/accounts/{username}").WithTags("Access").RequireAuthorization(Policies.Administrator);
        admin.MapDelete("/sessions", EndSessions).WithSummary("Ends every session of the account (its cookies and tokens are refused at once)");
        admin.MapPost("/disable", (string username, AccountAdmin accounts, ClaimsPrincipal user, CancellationToken ct) => accounts.SetDisabledAsync(username, true, user, ct))
            .WithSummary("Disables the account: it cannot sign in and its sessions end at once");
        admin.MapPost("/enable", (string username, AccountAdmin accounts, ClaimsPrincipal user, CancellationToken ct) => accounts.SetDisabledAsync(username, false, user, ct))
            .WithSummary("Enables a disabled account again");
    }

    /// <summary>Sends the citizen to the national identity provider; when it cannot be reached, back to the sign-in page with a plain message.</summary>
    private static async Task NationalChallengeAsync(HttpContext http, string? returnUrl, ILogger<Account> log)
    {
        var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties
        {
            RedirectUri = returnUrl is { Length: > 1 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/cong-dan",
        };
        try
        {
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.ChallengeAsync(http, Infrastructure.Sandbox.NationalIdentity.Scheme, properties);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            NationalSignIn.LogUnreachable(log, e);
            http.Response.Redirect("/cong-dan/dang-nhap?national=failed");
        }
    }

    private static async Task<Results<NoContent, NotFound>> EndSessions(string username, AccountAdmin accounts, ClaimsPrincipal user, CancellationToken ct) =>
        await accounts.EndSessionsAsync(username, user, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// Unknown user, wrong password, citizen account and locked account all get the same 401, so the answer
    /// tells nothing about which accounts exist.
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, SignInGuard guard, TokenIssuer issuer, HttpContext http)
    {
        if (RequestRules.Check(request) is { } invalid)
        {
            return invalid.ToProblem();
        }

        var client = http.Connection.RemoteIpAddress?.ToString();
        var check = request.IdNumber is { Length: > 0 } idNumber
            ? await guard.CheckAsync(idNumber, request.Password!, client, AccountKind.Citizen)
            : await guard.CheckAsync(request.Username!, request.Password!, client);
        if (check.Wait is { } wait)
        {
            var seconds = Infrastructure.Web.FailureThrottle.RetryAfter(http.Response, wait);
            return Failure.TooMany(Texts.Get("Common.RetryAfter", seconds, seconds), Texts.Get("Accounts.TooManyFailuresTitle")).ToProblem();
        }

        if (check.Account is not { } account)
        {
            return Unauthorized();
        }

        var (token, expiresAt) = await issuer.IssueAsync(account, client);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    private static ProblemHttpResult Unauthorized() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: Texts.Get("Accounts.SignInFailedTitle"),
        detail: Texts.Get("Accounts.SignInFailed"));
}

/// <summary>An administrator's actions on an account of their units: end its sessions, disable or enable it.</summary>
public sealed class AccountAdmin(UserManager<Account> users, AccountReader reader, Sessions sessions)
{
    public async Task<bool> EndSessionsAsync(string username, ClaimsPrincipal user, CancellationToken ct) =>
        await FindAsync(username, user, ct) is { } account && await sessions.EndAllAsync(account.Id, "administrator", ct) >= 0;

    public async Task<Results<NoContent, NotFound>> SetDisabledAsync(string username, bool disabled, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await FindAsync(username, user, ct) is not { } account)
        {
            return TypedResults.NotFound();
        }

        await users.SetLockoutEnabledAsync(account, true);
        await users.SetLockoutEndDateAsync(account, disabled ? DateTimeOffset.MaxValue : null);
        if (disabled)
        {
            await sessions.EndAllAsync(account.Id, "disabled", ct);
        }

        return TypedResults.NoContent();
    }

    private async Task<Account?> FindAsync(string username, ClaimsPrincipal user, CancellationToken ct)
    {
        var normalized = users.NormalizeName(username);
        return await (await reader.VisibleStaffAsync(user, ct)).FirstOrDefaultAsync(a => a.NormalizedUserName == normalized, ct);
    }
}

/// <summary>Reads staff accounts within the caller's units.</summary>
public sealed class AccountReader(AppDbContext db, UnitScope scope, UnitTree units, TimeProvider clock)
{
    public async Task<Results<Ok<AccountView>, NotFound>> MeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = AccountClaims.AccountId(user);
        var views = await ViewsAsync(db.Users.Where(a => a.Id == id), ct);
        return views.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(views[0]);
    }

    public async Task<Results<Ok<AccountView>, NotFound>> ReadAsync(string username, ClaimsPrincipal user, CancellationToken ct)
    {
        var normalized = username.ToUpperInvariant();
        var views = await ViewsAsync((await VisibleStaffAsync(user, ct)).Where(a => a.NormalizedUserName == normalized), ct);
        return views.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(views[0]);
    }

    /// <summary>Staff accounts with a membership (current or past) in a unit the caller sees.</summary>
    public async Task<IQueryable<Account>> VisibleStaffAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var visible = (await scope.VisibleUnitIdsAsync(user, ct)).ToArray();
        return db.Users.Where(a => a.Kind == AccountKind.Staff && db.Memberships.Any(m => m.AccountId == a.Id && visible.Contains(m.UnitId)));
    }

    public async Task<IReadOnlyList<AccountView>> ViewsAsync(IQueryable<Account> accounts, CancellationToken ct)
    {
        var rows = await accounts.AsNoTracking().OrderBy(a => a.UserName).Take(500)
            .Select(a => new { a.Id, a.UserName, a.FullName }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToArray();
        var roles = (await db.UserRoles.Where(r => ids.Contains(r.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        var memberships = (await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.AccountId)).ToListAsync(ct))
            .ToLookup(m => m.AccountId);
        var named = (await units.FindManyAsync([.. memberships.SelectMany(g => g).Select(m => m.UnitId).Distinct()], ct)).ToDictionary(u => u.Id);
        var today = Infrastructure.VietnamTime.Today(clock);
        return [.. rows.Select(a => new AccountView(
            a.UserName!,
            a.FullName,
            [.. roles[a.Id]],
            [.. memberships[a.Id].OrderBy(m => m.ValidFrom).Select(m => new MembershipView(
                named[m.UnitId].Code, named[m.UnitId].Name, m.ValidFrom, m.ValidTo,
                m.IsValidOn(today)))]))];
    }
}
