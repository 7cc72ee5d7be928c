using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Accounts;

/// <summary>Staff sign-in with a cookie. Every failure (unknown user, wrong password, lockout) reads the same.</summary>
public sealed class LoginModel(SignInManager<Account> signIn, SignInGuard guard, Sessions sessions, TimeProvider clock) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }


    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        var check = await guard.CheckAsync(Input.Username, Input.Password, client);
        if (check.Wait is { } wait)
        {
            // This address failed too often: it waits before the next try.
            ModelState.AddModelError("", Texts.Get("Login.Wait", Infrastructure.Web.FailureThrottle.RetryAfter(Response, wait)));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (check.Account is not { } account)
        {
            ModelState.AddModelError("", Texts.Get("Login.Failed"));
            return Page();
        }

        // The cookie lives as long as the browser session, at most 10 hours (the cookie's own expiry).
        var session = await sessions.StartAsync(account, "cookie", clock.GetUtcNow().AddHours(10), client, HttpContext.RequestAborted);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [session]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Login.Username")]
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        public string Username { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Login.Password")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string Password { get; set; } = "";
    }
}
