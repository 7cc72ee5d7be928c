using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Notifications;

/// <summary>The signed-in officer's notifications: deadline warnings, overdue dossiers, consultations.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await NotificationsModule.ForAsync(db, NotificationsModule.StaffRecipient(User.Identity?.Name), 200, ct);
}
