using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Notifications.Contracts;

/// <summary>A message MotCua showed a citizen in the portal (the in-app copy of what went by e-mail or SMS).</summary>
public sealed record CitizenMessage(string Title, string Body, string? Link, DateTimeOffset At);

/// <summary>The in-app messages written for a citizen (recipient <c>citizen:ID</c>), for the portal to show.</summary>
public sealed class CitizenMessages(AppDbContext db)
{
    public async Task<IReadOnlyList<CitizenMessage>> ForAsync(string idNumber, int take, CancellationToken ct = default)
    {
        var recipient = "citizen:" + idNumber;
        return await db.Set<Notification>().AsNoTracking().Where(n => n.Recipient == recipient).OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new CitizenMessage(n.Title, n.Body, n.Link, n.CreatedAt)).ToListAsync(ct);
    }
}
