using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features.Portal;

/// <summary>The citizen's home: their applications and dossiers, where each is, and where to start a new one.</summary>
public sealed class IndexModel(Applications applications) : PageModel
{
    public IReadOnlyList<MyDossierItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await applications.ListAsync(User, ct);

    /// <summary>A status as the citizen reads it: a dossier's or an online application's.</summary>
    public static string StatusText(string status) =>
        Infrastructure.Text.Texts.Find("Portal.Status." + status) ?? Infrastructure.Text.Texts.Find("Status." + status) ?? status;
}
