using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Queue;

/// <summary>
/// Queue figures of an office: the officer's own, or one a leader picks among the offices in their units; today live
/// (the page refreshes) or any period, as charts, tables and Excel.
/// </summary>
public sealed class FiguresModel(QueueFiguresReader figures, UnitScope scope, UnitTree tree, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    /// <summary>The offices open today in the caller's units, to choose from.</summary>
    public IReadOnlyList<UnitInfo> Offices { get; private set; } = [];

    public UnitInfo? Unit { get; private set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public QueueFigures? Result { get; private set; }

    public bool Today => From == To && To == VietnamTime.Today(clock);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Result is not { } r)
        {
            return NotFound();
        }

        static Dictionary<string, object?> Sheet(QueueFigureRow x) => new()
        {
            [Texts.Get("QueueFigures.Group")] = x.Name, [Texts.Get("QueueFigures.Tickets")] = x.Tickets, [Texts.Get("QueueFigures.Served")] = x.Served, [Texts.Get("QueueFigures.NoShow")] = x.NoShows, [Texts.Get("QueueFigures.Waiting")] = x.StillWaiting,
            [Texts.Get("QueueFigures.AverageWait")] = x.AverageWaitMinutes, [Texts.Get("QueueFigures.LongestWait")] = x.LongestWaitMinutes, [Texts.Get("QueueFigures.AverageService")] = x.AverageServiceMinutes,
        };
        var sheets = new Dictionary<string, object>
        {
            [Texts.Get("QueueFigures.ByService")] = r.ByService.Append(r.Total).Select(Sheet).ToList(),
            [Texts.Get("QueueFigures.ByCounter")] = r.ByCounter.Select(Sheet).ToList(),
            [Texts.Get("QueueFigures.ByOfficer")] = r.ByOfficer.Select(Sheet).ToList(),
            [Texts.Get("QueueFigures.ByDay")] = r.Trend.Select(Sheet).ToList(),
            [Texts.Get("QueueFigures.ByHour")] = r.ArrivalsByHour.Select((n, h) => new Dictionary<string, object?> { [Texts.Get("QueueFigures.Hour")] = $"{h:00}:00", [Texts.Get("QueueFigures.Tickets")] = n }).ToList(),
        };
        var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheets, cancellationToken: ct);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"hang-doi-{r.From:yyyyMMdd}-{r.To:yyyyMMdd}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        To ??= VietnamTime.Today(clock);
        From ??= To;
        if (From > To || To.Value.DayNumber - From.Value.DayNumber > 366)
        {
            ModelState.AddModelError(nameof(From), Texts.Get("Common.PeriodInvalid"));
            return;
        }

        var visible = await scope.VisibleUnitIdsAsync(User, ct);
        Offices = [.. (await tree.CurrentOfficesAsync(VietnamTime.Today(clock), ct)).Where(o => visible.Contains(o.Id))];
        Unit = Office is { Length: > 0 } code
            ? Offices.FirstOrDefault(o => o.Code == code)
            : await scope.CurrentOfficeAsync(User, ct) ?? (Offices.Count > 0 ? Offices[0] : null);
        if (Unit is not null)
        {
            Result = await figures.ReadAsync(Unit.Id, From.Value, To.Value, ct);
        }
    }
}
