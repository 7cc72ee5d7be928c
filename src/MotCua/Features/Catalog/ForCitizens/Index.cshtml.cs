using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Catalog.ForCitizens;

/// <summary>The public catalog: what a citizen can do, and how long it takes (publicity scored by the national index).</summary>
[AllowAnonymous]
public sealed class IndexModel(CatalogReader reader, CatalogFields fields, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CatalogSearch Search { get; set; } = new();

    public Task OnGetAsync(CancellationToken ct) => Search.RunAsync(reader, fields, VietnamTime.Today(clock), ct);
}
