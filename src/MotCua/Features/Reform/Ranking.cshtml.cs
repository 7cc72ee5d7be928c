using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Infrastructure;

namespace MotCua.Features.Reform;

/// <summary>The units of a level ranked by their reform index score for a year, against last year, with the exports for the city.</summary>
public sealed class RankingModel(ParIndex index, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public IReadOnlyList<RankedUnit> Items { get; private set; } = [];

    /// <summary>The most points the year's criteria give.</summary>
    public decimal Max { get; private set; } = 100;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = Year is >= 2000 and <= 2100 ? Year : VietnamTime.Today(clock).Year;
        Level = Level is "district" ? "district" : "ward";
        Items = await index.RankingAsync(Year.Value, Level, ct);
        Max = ParIndex.CriteriaOf(Year.Value).Groups.SelectMany(g => g.Criteria).Sum(c => c.Max);
    }
}
