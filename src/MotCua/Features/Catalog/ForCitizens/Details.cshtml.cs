using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Catalog.ForCitizens;

/// <summary>What to bring, what it costs, how long it takes and where to go, for one procedure.</summary>
[AllowAnonymous]
public sealed class DetailsModel(CatalogReader reader, CatalogFields fields, UnitTree units, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = "";

    public ProcedureDetails Procedure { get; private set; } = null!;

    public IReadOnlyList<UnitInfo> Offices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var procedure = await Catalog.DetailsModel.LoadAsync(reader, fields, Code, today, ct);
        if (procedure is null)
        {
            return NotFound();
        }

        Procedure = procedure;
        var offices = await units.CurrentOfficesAsync(today, ct);
        Offices = procedure.Receiving == "anyOffice" ? offices : [.. offices.Where(o => procedure.AcceptingOffices.Contains(o.Code))];
        return Page();
    }
}
