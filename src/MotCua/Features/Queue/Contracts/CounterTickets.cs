using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;

namespace MotCua.Features.Queue.Contracts;

/// <summary>Links a dossier received at a counter to the ticket the officer is serving there, so queue and dossier meet.</summary>
public static class CounterTickets
{
    /// <summary>Within the caller's transaction: the ticket the officer called last and is still serving gets the dossier code.</summary>
    public static async Task<int> LinkServedAsync(AppDbContext db, string? officer, string dossierCode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(officer))
        {
            return 0;
        }

        var ticket = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.CalledBy == officer && t.Status == TicketStatus.Called && t.DossierCode == null)
            .OrderByDescending(t => t.CalledAt).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        return ticket is { } id
            ? await db.Set<Ticket>().Where(t => t.Id == id && t.DossierCode == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.DossierCode, dossierCode), ct)
            : 0;
    }
}

/// <summary>A dossier received at a counter: the ticket its officer is serving gets its code, in the intake's transaction.</summary>
public sealed class LinkServedTicket(AppDbContext db) : IHandles<DossierReceived>
{
    public async Task HandleAsync(DossierReceived happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        await CounterTickets.LinkServedAsync(db, happened.ReceivedBy, happened.Code, ct);
    }
}
