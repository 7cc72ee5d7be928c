using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Files;

namespace MotCua.Features.Reports;

/// <summary>The monthly reports the schedule made for the caller's units: how far the batch has got, and the files.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MonthlyModel(AppDbContext db, UnitScope scope, FileStore files) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Month { get; set; }

    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public IReadOnlyList<MonthlyReport> Reports { get; private set; } = [];

    public int Finished => Reports.Count(r => r.Status != "queued");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Months = await db.Set<MonthlyReport>().Select(r => r.Month).Distinct().OrderByDescending(m => m).Take(36).ToListAsync(ct);
        Month ??= Months.Count > 0 ? Months[0] : null;
        var visible = (await scope.VisibleUnitIdsAsync(User, ct)).ToArray();
        var month = Month;
        Reports = await db.Set<MonthlyReport>().AsNoTracking().Where(r => r.Month == month && visible.Contains(r.UnitId)).OrderBy(r => r.UnitCode).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, string kind, CancellationToken ct)
    {
        var visible = (await scope.VisibleUnitIdsAsync(User, ct)).ToArray();
        var report = await db.Set<MonthlyReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && visible.Contains(r.UnitId), ct);
        var hash = kind == "pdf" ? report?.PdfHash : report?.ExcelHash;
        if (report is null || hash is null || files.Open(hash) is not { } stream)
        {
            return NotFound();
        }

        var name = $"bao-cao-{report.UnitCode}-{report.Month:yyyy-MM}";
        return kind == "pdf" ? File(stream, "application/pdf", name + ".pdf") : File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}
