using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Catalog;

/// <summary>A procedure as in force on a date (default today), its internal process and its versions.</summary>
public sealed class DetailsModel(CatalogReader reader, CatalogFields fields, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    public ProcedureDetails Procedure { get; private set; } = null!;

    public bool CanEdit => User.IsInRole(Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(reader, fields, Code, Date ?? VietnamTime.Today(clock), ct) is not { } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        return Page();
    }

    /// <summary>The procedure in force on the date, or the first version when the date is before it.</summary>
    internal static async Task<ProcedureDetails?> LoadAsync(CatalogReader reader, CatalogFields fields, string code, DateOnly on, CancellationToken ct)
    {
        var versions = await reader.VersionsAsync(code, ct);
        var version = versions.LastOrDefault(v => v.EffectiveFrom <= on) ?? versions.FirstOrDefault();
        return version is null ? null : CatalogApi.Details(version, versions, fields);
    }
}
