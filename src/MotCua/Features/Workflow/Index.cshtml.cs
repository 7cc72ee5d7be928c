using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;

namespace MotCua.Features.Workflow;

/// <summary>The officer's inbox: counts by urgency as tabs, the most urgent first, filters by procedure and "mine".</summary>
public sealed class IndexModel(Inbox inbox, StaffDirectory staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public InboxPage Result { get; private set; } = null!;

    /// <summary>The holders' full names, by username (the page names people, the API gives usernames).</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await inbox.ReadAsync(new InboxQuery(Filter, Procedure, Mine, PageNumber, 50), User, ct);
        Names = await staff.FullNamesAsync([.. Result.Items.Select(i => i.Holder).OfType<string>().Distinct()], ct);
    }

    public string Link(string? filter = null, int? page = null) =>
        $"/Workflow?filter={Uri.EscapeDataString(filter ?? Result.Filter)}&procedure={Uri.EscapeDataString(Procedure ?? "")}&mine={(Mine ? "true" : "false")}&p={page ?? 1}";
}
