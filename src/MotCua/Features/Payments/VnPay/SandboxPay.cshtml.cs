using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features.Payments.VnPay;

/// <summary>The sandbox gateway's pay page: what is paid, to whom, and the bank's answer the tester chooses.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // a gateway's page: the merchant's signed fields are the request's proof, as at VNPay
public sealed class SandboxPayModel(VnPaySandbox sandbox, IConfiguration configuration, Microsoft.Extensions.Options.IOptions<VnPayOptions> options) : PageModel
{
    public IReadOnlyDictionary<string, string> Fields { get; private set; } = new Dictionary<string, string>();

    public bool Valid { get; private set; }

    public decimal Amount => long.TryParse(Fields.GetValueOrDefault("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a / 100m : 0;

    [BindProperty]
    public string? Answer { get; set; }

    public IActionResult OnGet()
    {
        if (!VnPaySandbox.Active(configuration, options.Value))
        {
            return NotFound();
        }

        Read(Request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!VnPaySandbox.Active(configuration, options.Value))
        {
            return NotFound();
        }

        Read(Request.Form.Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal)).Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())));
        if (!Valid || !VnPaySandbox.Answers.Contains(Answer))
        {
            return Page();
        }

        return Redirect(await sandbox.AnswerAsync(Fields, Answer!, ct));
    }

    private void Read(IEnumerable<KeyValuePair<string, string>> fields)
    {
        Fields = fields.Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal)).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value);
        Valid = sandbox.Accepts(Fields);
    }
}
