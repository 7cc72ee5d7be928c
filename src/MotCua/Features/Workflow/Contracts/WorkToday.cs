using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Features.Workflow.Contracts;

/// <summary>What waits for a staff member today: their open work by urgency, the results ready to hand over at their own office, and a leader's overdue reform findings.</summary>
public sealed record WorkWaiting(int Open, int DueToday, int Overdue, int ResultsToReturn, int OverdueFindings);

/// <summary>The home page's figures: counts only, no dossier read (so no citizen's data is read or logged).</summary>
public sealed class WorkToday(Inbox inbox, DossierStore dossiers, UnitScope scope)
{
    public async Task<WorkWaiting> ReadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var counts = await inbox.CountsAsync(user, ct);
        var office = (await scope.CurrentOfficeAsync(user, ct))?.Id;
        var ready = office is null ? 0 : await dossiers.Rows.CountAsync(d => d.Status == DossierStatus.ResultReady && d.OfficeId == office, ct);
        return new WorkWaiting(counts.All, counts.DueToday, counts.Overdue, ready, counts.Findings);
    }
}
