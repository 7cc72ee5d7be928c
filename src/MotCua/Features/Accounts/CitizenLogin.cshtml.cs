using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Accounts;

/// <summary>A citizen signs in to the portal with their ID number and password; every failure reads the same.</summary>
public sealed class CitizenLoginModel(SignInManager<Account> signIn, SignInGuard guard, Sessions sessions, TimeProvider clock) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The national identity sign-in came back refused or tampered with.</summary>
    public bool NationalFailed => Request.Query["national"] == "failed";

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
        var check = await guard.CheckAsync(Input.IdNumber.Trim(), Input.Password, client, AccountKind.Citizen);
        if (check.Wait is { } wait)
        {
            ModelState.AddModelError("", Texts.Get("Login.Wait", Infrastructure.Web.FailureThrottle.RetryAfter(Response, wait)));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (check.Account is not { } account)
        {
            ModelState.AddModelError("", Texts.Get("Portal.LoginFailed"));
            return Page();
        }

        var session = await sessions.StartAsync(account, "cookie", clock.GetUtcNow().AddHours(10), client, HttpContext.RequestAborted);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [session]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/cong-dan");
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Portal.IdNumber")]
        [RegularExpression(@"^\s*\d{12}\s*$", ErrorMessage = "Portal.IdNumberFormat")]
        public string IdNumber { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Login.Password")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string Password { get; set; } = "";
    }
}
