using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features.Accounts;

/// <summary>Staff sign-in with a cookie. Every failure (unknown user, wrong password, lockout) reads the same.</summary>
public sealed class LoginModel(SignInManager<Account> signIn, UserManager<Account> users) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await users.FindByNameAsync(Input.Username.Trim());
        if (account is null || account.Kind != AccountKind.Staff)
        {
            users.PasswordHasher.HashPassword(new Account(), Input.Password);
            Failed = true;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(account, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            Failed = true;
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Login.Username")]
        [StringLength(100)]
        public string Username { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Login.Password")]
        [StringLength(200)]
        public string Password { get; set; } = "";
    }
}
