using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Accounts;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record MembershipView(string UnitCode, string UnitName, DateOnly ValidFrom, DateOnly? ValidTo, bool Current);

public sealed record AccountView(string Username, string FullName, IReadOnlyList<string> Roles, IReadOnlyList<MembershipView> Memberships);

internal static class AccountsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Access");
        auth.MapPost("/token", IssueToken).AllowAnonymous().RequireRateLimiting("public")
            .WithSummary("Exchange a staff username and password for a bearer token");

        var accounts = app.MapGroup("/api/accounts").WithTags("Access").RequireAuthorization(Policies.Staff);
        accounts.MapGet("/me", (ClaimsPrincipal user, AccountReader reader, CancellationToken ct) => reader.MeAsync(user, ct))
            .WithSummary("The signed-in account, its roles and its units");
        accounts.MapGet("/{username}", (string username, ClaimsPrincipal user, AccountReader reader, CancellationToken ct) => reader.ReadAsync(username, user, ct))
            .WithSummary("A staff account of the caller's units (404 outside them)");
    }

    /// <summary>
    /// Unknown user, wrong password, citizen account and locked account all get the same 401, so the answer
    /// tells nothing about which accounts exist.
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest request, UserManager<Account> users, SignInManager<Account> signIn, TokenIssuer issuer)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username))
        {
            errors["username"] = ["Cần nhập tên đăng nhập (username is required)."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Cần nhập mật khẩu (password is required)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var account = await users.FindByNameAsync(request.Username!.Trim());
        if (account is null || account.Kind != AccountKind.Staff)
        {
            // Spend the time a real check would, so timing does not reveal unknown accounts.
            users.PasswordHasher.HashPassword(new Account(), request.Password!);
            return Unauthorized();
        }

        var result = await signIn.CheckPasswordSignInAsync(account, request.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return Unauthorized();
        }

        var (token, expiresAt) = await issuer.IssueAsync(account);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    private static ProblemHttpResult Unauthorized() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Đăng nhập không thành công",
        detail: "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá. (Wrong username or password, or the account is locked.)");
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
                m.ValidFrom <= today && (m.ValidTo is null || m.ValidTo >= today)))]))];
    }
}
