using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features.Accounts;

/// <summary>Sign-out is a POST with an antiforgery token; a GET only goes home.</summary>
public sealed class LogoutModel(SignInManager<Account> signIn, Sessions sessions) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>Ends the session (the cookie is refused from now on, even if kept) and removes the cookie.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var citizen = Contracts.AccountClaims.CitizenIdNumber(User) is not null;
        await sessions.EndAsync(User, ct);
        await signIn.SignOutAsync();
        return LocalRedirect(citizen ? "/cong-dan/dang-nhap" : "/Accounts/Login");
    }
}
