using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Accounts;

/// <summary>
/// Every sign-in is a row: a cookie or a token carries its id in the <c>sid</c> claim, and each request checks that
/// the row is still open (one indexed read), so a logout, an administrator ending the sessions or a disabled account
/// takes effect at the next request on every node. A cookie or token without an open session is refused.
/// </summary>
public sealed class Sessions(AppDbContext db, TimeProvider clock)
{
    public const string Claim = "sid";

    private static readonly CompiledQuery<Func<AppDbContext, Guid, DateTimeOffset, CancellationToken, Task<bool>>> Open = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, DateTimeOffset now, CancellationToken ct) => db.Set<Session>().Any(s => s.Id == id && s.EndedAt == null && s.ExpiresAt > now)));

    public async Task<Claim> StartAsync(Account account, string kind, DateTimeOffset expiresAt, string? client, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var session = new Session { AccountId = account.Id, Kind = kind, CreatedAt = clock.GetUtcNow(), ExpiresAt = expiresAt, ClientAddress = client };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return new Claim(Claim, session.Id.ToString());
    }

    public async Task<bool> IsOpenAsync(ClaimsPrincipal? user, CancellationToken ct = default) =>
        Guid.TryParse(user?.FindFirstValue(Claim), out var id) && await Open.For(db)(db, id, clock.GetUtcNow(), ct);

    /// <summary>Ends the caller's own session (logout).</summary>
    public async Task EndAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (Guid.TryParse(user.FindFirstValue(Claim), out var id))
        {
            var now = clock.GetUtcNow();
            await db.Set<Session>().Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndedBy, "logout"), ct);
        }
    }

    /// <summary>Ends every open session of an account (an administrator's decision, or the account disabled); how many.</summary>
    public Task<int> EndAllAsync(Guid accountId, string why, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.Set<Session>().Where(s => s.AccountId == accountId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndedBy, why), ct);
    }

    /// <summary>The cookie's check, before Identity's own (security stamp): a cookie whose session ended signs out.</summary>
    internal static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        if (!await sessions.IsOpenAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// The bearer token's check: the handler has no hook after it reads a token, so the token is read here (as the
    /// handler would) and accepted only when it has not expired and its session is open.
    /// </summary>
    internal static async Task ReadTokenAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires < clock.GetUtcNow())
        {
            context.Fail("The token is invalid or expired.");
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        if (!await sessions.IsOpenAsync(ticket.Principal, context.HttpContext.RequestAborted))
        {
            context.Fail("The token's session has ended.");
            return;
        }

        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }
}
