using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features.Workflow;

/// <summary>The officer's inbox: counts by urgency as tabs, the most urgent first, filters by procedure and "mine".</summary>
public sealed class IndexModel(Inbox inbox) : PageModel
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

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await inbox.ReadAsync(new InboxQuery(Filter, Procedure, Mine, PageNumber, 50), User, ct);

    public string Link(string? filter = null, int? page = null) =>
        $"/Workflow?filter={Uri.EscapeDataString(filter ?? Result.Filter)}&procedure={Uri.EscapeDataString(Procedure ?? "")}&mine={(Mine ? "true" : "false")}&p={page ?? 1}";
}
