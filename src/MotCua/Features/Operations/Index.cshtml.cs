using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;

namespace MotCua.Features.Operations;

/// <summary>The operator's page: is every node alive, is the background work running, is anything backing up.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(OperationsStatus status) : PageModel
{
    public OperationsView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await status.ReadAsync(ct);
}
