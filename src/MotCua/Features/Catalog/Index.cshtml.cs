using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Catalog;

/// <summary>The staff catalog: search, filters, export and (for administrators) import.</summary>
public sealed class IndexModel(CatalogReader reader, CatalogFields fields, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CatalogSearch Search { get; set; } = new();

    public bool CanEdit => User.IsInRole(Roles.Administrator);

    public Task OnGetAsync(CancellationToken ct) => Search.RunAsync(reader, fields, VietnamTime.Today(clock), ct);
}
