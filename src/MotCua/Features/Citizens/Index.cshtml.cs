using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Citizens.Contracts;

namespace MotCua.Features.Citizens;

/// <summary>Find a citizen by ID number, phone or name (with or without diacritics); lists mask the ID number.</summary>
public sealed class IndexModel(CitizenRecords records) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public IReadOnlyList<CitizenListItem> Items { get; private set; } = [];

    public bool More { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            (Items, More) = await records.SearchAsync(Q, Math.Max(0, Offset), PageSize, ct);
        }
    }
}
