using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Queue.Contracts;
using MotCua.Features.Workflow.Contracts;

namespace MotCua.Features;

/// <summary>
/// The home page: a welcome for visitors; for staff, their work today (visitors waiting at the counter, dossiers to
/// handle, due today and late, results to hand over), each one click from its list.
/// </summary>
public sealed class IndexModel(CurrentStaff me, WorkToday work, QueueWaiting queue, IAuthorizationService access) : PageModel
{
    public StaffSummary? Staff { get; private set; }

    public WorkWaiting? Work { get; private set; }

    /// <summary>Visitors waiting at the officer's office; null for staff who do not serve at a counter.</summary>
    public int? Waiting { get; private set; }

    public bool AtCounter { get; private set; }

    public bool Leads { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Staff = await me.GetAsync(ct);
        if (Staff is null)
        {
            return;
        }

        Work = await work.ReadAsync(User, ct);
        AtCounter = (await access.AuthorizeAsync(User, Policies.Counter)).Succeeded;
        Leads = (await access.AuthorizeAsync(User, Policies.Reports)).Succeeded;
        Waiting = AtCounter ? await queue.AtMyOfficeAsync(User, ct) : null;
    }
}
