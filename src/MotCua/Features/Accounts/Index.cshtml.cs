using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features.Accounts;

/// <summary>Staff of the caller's units, with where each has worked.</summary>
public sealed class IndexModel(AccountReader reader) : PageModel
{
    public IReadOnlyList<AccountView> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await reader.ViewsAsync(await reader.VisibleStaffAsync(User, ct), ct);
}
