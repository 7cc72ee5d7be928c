using System.Security.Claims;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Queue.Contracts;

/// <summary>How many visitors wait now at the staff member's office (the home page's figure); null where the office has no queue.</summary>
public sealed class QueueWaiting(QueueDesk desk, UnitScope scope, TimeProvider clock)
{
    public async Task<int?> AtMyOfficeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await scope.CurrentOfficeAsync(user, ct) is not { } office)
        {
            return null;
        }

        var waiting = await desk.WaitingAsync(office.Id, VietnamTime.Today(clock), ct);
        return waiting.Count == 0 ? null : waiting.Sum(w => w.Waiting);
    }
}
