using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Accounts;

/// <summary>A citizen signs in to the portal with their ID number and password; every failure reads the same.</summary>
public sealed class CitizenLoginModel(CookieSignIn signIn) : PageModel
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

        if (!await signIn.WithPasswordAsync(this, Input.IdNumber.Trim(), Input.Password, AccountKind.Citizen, Texts.Get("Portal.LoginFailed")))
        {
            return Page();
        }

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
