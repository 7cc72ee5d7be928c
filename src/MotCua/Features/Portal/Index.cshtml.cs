using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Notifications.Contracts;

namespace MotCua.Features.Portal;

/// <summary>The citizen's home: their applications and dossiers, where each is, and where to start a new one.</summary>
public sealed class IndexModel(Applications applications, CitizenMessages messages) : PageModel
{
    public IReadOnlyList<MyDossierItem> Items { get; private set; } = [];

    public IReadOnlyList<CitizenMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await applications.ListAsync(User, ct);
        Messages = await messages.ForAsync(Applications.Me(User).IdNumber, 10, ct);
    }

    /// <summary>A status as the citizen reads it: a dossier's or an online application's.</summary>
    public static string StatusText(string status) =>
        Infrastructure.Text.Texts.Find("Portal.Status." + status) ?? Infrastructure.Text.Texts.Find("Status." + status) ?? status;
}
