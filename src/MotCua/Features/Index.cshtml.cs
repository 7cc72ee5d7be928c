using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;

namespace MotCua.Features;

/// <summary>The home page: a welcome for visitors, the workspace of the signed-in staff member.</summary>
public sealed class IndexModel(CurrentStaff me) : PageModel
{
    public StaffSummary? Staff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Staff = await me.GetAsync(ct);
}
