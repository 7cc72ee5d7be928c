using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Text;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Reports;

/// <summary>The dossiers behind one number of the dashboard.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DossiersModel(ReportScope scope, UnitTree tree, Dashboards dashboards, StaffDirectory staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DossierPage? Result { get; private set; }

    /// <summary>What the list is narrowed to, by name: the unit, the period's office and officer (never a code or a username).</summary>
    public IReadOnlyList<string> Scope { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var parsed = Period.Parse(From, To);
        var known = Measure is not null && Reports.Measure.All.Contains(Measure);
        if (parsed.Value is not { } period || !known)
        {
            parsed.Failure?.AddTo(ModelState);

            if (!known)
            {
                ModelState.AddModelError(nameof(Measure), Texts.Get("Reports.MeasureInvalid"));
            }

            return Page();
        }

        if (await scope.ResolveAsync(User, Unit, ct) is not { } unit || await ReportsModule.SliceAsync(tree, Procedure, Office, Officer, ct) is not { } slice)
        {
            return NotFound();
        }

        Result = await dashboards.DossiersAsync(unit, period, Measure!, slice, PageNumber, ct);
        var office = slice.Office is { } officeId ? (await tree.FindAsync(officeId, ct))?.Name : null;
        var officer = slice.Officer is { } username ? (await staff.FullNamesAsync([username], ct)).GetValueOrDefault(username) : null;
        Scope = [.. new[] { unit.Unit.Name, office, slice.Procedure, officer }.OfType<string>()];
        return Page();
    }

    public string PageLink(int page) => $"{Request.Path}{QueryString.Create(Request.Query.Where(q => q.Key != "p").Append(new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))))}";
}
