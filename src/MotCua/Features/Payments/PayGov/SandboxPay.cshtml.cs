using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features.Payments.PayGov;

/// <summary>The sandbox platform's pay page: the bill (receipt data, each fee) and the outcome the tester chooses.</summary>
[AllowAnonymous]
public sealed class SandboxPayModel(PayGovSandbox sandbox, IConfiguration configuration, Microsoft.Extensions.Options.IOptions<PayGovOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ref")]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public SandboxBill? Bill { get; private set; }

    public IActionResult OnGet()
    {
        if (!PayGovSandbox.Active(configuration, options.Value))
        {
            return NotFound();
        }

        Bill = Open();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!PayGovSandbox.Active(configuration, options.Value))
        {
            return NotFound();
        }

        Bill = Open();
        return Bill is null || !VnPay.VnPaySandbox.Answers.Contains(Answer) ? Page() : Redirect(await sandbox.AnswerAsync(Bill, Answer!, ct));
    }

    /// <summary>A bill still being paid (one paid or abandoned is answered once).</summary>
    private SandboxBill? Open() => sandbox.Bill(Reference) is { Code: "01" } bill ? bill : null;
}
