using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Accounts;

/// <summary>Staff sign-in with a cookie. Every failure (unknown user, wrong password, lockout) reads the same.</summary>
public sealed class LoginModel(CookieSignIn signIn) : PageModel
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

        if (!await signIn.WithPasswordAsync(this, Input.Username, Input.Password, AccountKind.Staff, Texts.Get("Login.Failed")))
        {
            return Page();
        }

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
