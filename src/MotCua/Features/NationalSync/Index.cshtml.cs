using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features.NationalSync;

/// <summary>The national portal's side of the office's dossiers: how many steps it still has to take, and each one it did not, with why and "send again".</summary>
public sealed class IndexModel(SyncDesk desk) : PageModel
{
    public SyncState State { get; private set; } = new(0, null, []);

    public bool Resent { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => State = await desk.StateAsync(User, ct);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        Resent = await desk.RetryAsync(User, id, ct);
        State = await desk.StateAsync(User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAllAsync(CancellationToken ct)
    {
        foreach (var failure in (await desk.StateAsync(User, ct)).Items)
        {
            Resent |= await desk.RetryAsync(User, failure.Id, ct);
        }

        State = await desk.StateAsync(User, ct);
        return Page();
    }
}
