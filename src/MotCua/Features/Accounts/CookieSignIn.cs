using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Infrastructure.Text;
using MotCua.Infrastructure.Web;

namespace MotCua.Features.Accounts;

/// <summary>
/// Signs a person in with a browser cookie, for the staff and citizen login pages and the national identity's
/// callback alike: a session that lives as long as the browser's, at most 10 hours, and ends at logout.
/// </summary>
public sealed class CookieSignIn(SignInManager<Account> signIn, SignInGuard guard, Sessions sessions, TimeProvider clock)
{
    public async Task SignInAsync(Account account, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var session = await sessions.StartAsync(account, "cookie", clock.GetUtcNow().AddHours(10), http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [session]);
    }

    /// <summary>
    /// A login page's password sign-in: true once signed in; otherwise the page carries the one error every failure
    /// reads as (<paramref name="failedText"/>), or the wait when this address failed too often (answered 429).
    /// </summary>
    public async Task<bool> WithPasswordAsync(PageModel page, string name, string password, AccountKind kind, string failedText)
    {
        ArgumentNullException.ThrowIfNull(page);
        var check = await guard.CheckAsync(name, password, page.HttpContext.Connection.RemoteIpAddress?.ToString(), kind);
        if (check.Wait is { } wait)
        {
            page.ModelState.AddModelError("", Texts.Get("Login.Wait", FailureThrottle.RetryAfter(page.Response, wait)));
            page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return false;
        }

        if (check.Account is not { } account)
        {
            page.ModelState.AddModelError("", failedText);
            return false;
        }

        await SignInAsync(account, page.HttpContext);
        return true;
    }
}
