using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Accounts;

/// <summary>
/// A citizen opens a portal account with their ID number and a password. The one-time code goes to the phone or
/// e-mail the citizen store already holds for that number, never to one typed here, so that nobody opens an account
/// in another's name; the answer is the same whether or not the number is known. Who has neither signs in with the
/// national identity instead.
/// </summary>
[EnableRateLimiting("public")]
public sealed class CitizenRegisterModel(UserManager<Account> users, ICitizenDirectory citizens, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The code was sent (or would have been): the page asks for it.</summary>
    public bool CodeSent { get; private set; }

    public bool Confirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if ((await users.PasswordValidators[0].ValidateAsync(users, new Account(), Input.Password)).Errors.Any())
        {
            ModelState.AddModelError("Input.Password", Texts.Get("Portal.PasswordWeak"));
            return Page();
        }

        var idNumber = Input.IdNumber.Trim();
        CodeSent = true;
        if (await citizens.ReachAsync(idNumber, ct) is not { } own)
        {
            return Page();
        }

        var (phone, email) = (own.Phone, own.Email);
        var account = await users.FindByNameAsync(idNumber);
        if ((phone is null && email is null) || account is { PhoneNumberConfirmed: true } || account is { Kind: AccountKind.Staff })
        {
            return Page(); // nowhere to send a code, or an account already: the same answer
        }

        if (account is null)
        {
            account = new Account { UserName = idNumber, Kind = AccountKind.Citizen, CitizenIdNumber = idNumber, FullName = own.FullName, PhoneNumber = phone ?? email };
            if (!(await users.CreateAsync(account, Input.Password)).Succeeded)
            {
                return Page();
            }
        }
        else
        {
            // Not confirmed yet: whoever holds the code sets the password.
            await users.RemovePasswordAsync(account);
            await users.AddPasswordAsync(account, Input.Password);
        }

        var code = await users.GenerateChangePhoneNumberTokenAsync(account, account.PhoneNumber!);
        Outbox.ToCitizen(db, new CitizenContact(null, email, phone), $"register/{account.Id}/{clock.GetUtcNow().ToUnixTimeMilliseconds()}",
            "Mã xác nhận tài khoản MotCua", $"Mã xác nhận mở tài khoản Cổng dịch vụ công: {code}. Không đưa mã này cho ai.", null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        CodeSent = true;
        ModelState.Remove("Input.Password");
        var account = await users.FindByNameAsync(Input.IdNumber.Trim());
        if (account is not { Kind: AccountKind.Citizen, PhoneNumberConfirmed: false, PhoneNumber: { } target } || string.IsNullOrWhiteSpace(Code)
            || !(await users.ChangePhoneNumberAsync(account, target, Code.Trim())).Succeeded)
        {
            ModelState.AddModelError(nameof(Code), Texts.Get("Portal.CodeWrong"));
            return Page();
        }

        Confirmed = true;
        return Page();
    }

    public sealed class RegisterInput
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
