using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Reports;

/// <summary>The leaders' dashboard: a unit (and everything below it) over a period, every number a link to its dossiers.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ReportScope scope, ReplicaReads replica, UnitTree tree, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Trend { get; set; }

    public IReadOnlyList<UnitInfo> Choices { get; private set; } = [];

    public DashboardView? View { get; private set; }

    public ServiceIndexView? Index { get; private set; }

    public bool Live { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(withIndex: true, ct);

    /// <summary>Reads the dashboard (and, for the page, the service index: the report files do not show it).</summary>
    private async Task<IActionResult> LoadAsync(bool withIndex, CancellationToken ct)
    {
        Choices = await scope.ChoicesAsync(User, ct);
        var today = VietnamTime.Today(clock);
        From ??= new DateOnly(today.Year, today.Month, 1);
        To ??= today;
        Unit ??= Choices.FirstOrDefault(u => u.ValidTo is null && !Choices.Any(p => p.Id == u.ParentId))?.Code;
        var parsed = Period.Parse(From, To);
        parsed.Failure?.AddTo(ModelState);
        if (parsed.Value is not { } period || Unit is null)
        {
            return Page();
        }

        if (await scope.ResolveAsync(User, Unit, ct) is not { } unit)
        {
            return NotFound();
        }

        var (view, lag) = await replica.ReadAsync<Dashboards, DashboardView>(dashboards => dashboards.ReadAsync(unit, period, Trend, ct), ct);
        View = view with { ReplicaLagSeconds = lag };
        Index = withIndex ? (await replica.ReadAsync<ServiceIndex, ServiceIndexView>(index => index.ComputeAsync(unit, period, ct), ct)).Value : null;
        Live = period.To >= today;
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct) =>
        await LoadAsync(withIndex: false, ct) is not PageResult || View is null ? NotFound()
            : File(OneStopReport.Excel(View), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bao-cao-{View.Unit}-{View.From:yyyyMMdd}-{View.To:yyyyMMdd}.xlsx");

    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => PdfAsync(OneStopReport.Pdf, "bao-cao", ct);

    public Task<IActionResult> OnGetOfficersPdfAsync(CancellationToken ct) => PdfAsync(OneStopReport.OfficersPdf, "hai-long-theo-can-bo", ct);

    private async Task<IActionResult> PdfAsync(Func<DashboardView, FormHeader, byte[]> render, string name, CancellationToken ct)
    {
        if (await LoadAsync(withIndex: false, ct) is not PageResult || View is null)
        {
            return NotFound();
        }

        var header = Choices.FirstOrDefault(u => u.Code == View.Unit) is { } unit ? await tree.FormHeaderAsync(unit.Id, ct) : new FormHeader("", View.UnitName, "");
        return File(render(View, header), "application/pdf", $"{name}-{View.Unit}-{View.From:yyyyMMdd}-{View.To:yyyyMMdd}.pdf");
    }

    /// <summary>The link from a figure to the dossiers behind it.</summary>
    public string Link(string measure, string? procedure = null, string? office = null, string? officer = null) =>
        $"/Reports/Dossiers?unit={Uri.EscapeDataString(Unit ?? "")}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&measure={measure}"
        + (procedure is null ? "" : "&procedure=" + Uri.EscapeDataString(procedure))
        + (office is null ? "" : "&office=" + Uri.EscapeDataString(office))
        + (officer is null ? "" : "&officer=" + Uri.EscapeDataString(officer));
}
