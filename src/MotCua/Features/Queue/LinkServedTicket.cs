using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;

namespace MotCua.Features.Queue;

/// <summary>A dossier received at a counter: the ticket its officer is serving gets its code, in the intake's transaction.</summary>
public sealed class LinkServedTicket(AppDbContext db) : IHandles<DossierReceived>
{
    public async Task HandleAsync(DossierReceived happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        if (string.IsNullOrEmpty(happened.ReceivedBy))
        {
            return;
        }

        // The ticket the officer called last and is still serving.
        var ticket = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.CalledBy == happened.ReceivedBy && t.Status == TicketStatus.Called && t.DossierCode == null)
            .OrderByDescending(t => t.CalledAt).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (ticket is { } id)
        {
            await db.Set<Ticket>().Where(t => t.Id == id && t.DossierCode == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.DossierCode, happened.Code), ct);
        }
    }
}
