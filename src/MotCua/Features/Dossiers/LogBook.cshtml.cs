using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Dossiers;

/// <summary>The dossier log book (form 06 of 2018, 07 of 2025) of the officer's units for a period: a page to print and an Excel file.</summary>
public sealed class LogBookModel(AppDbContext db, UnitScope scope, UnitTree tree, CitizenRecords citizens, TimeProvider clock) : PageModel
{
    public const int MaxRows = 5000;

    /// <summary>The columns of form 07 as the law writes them (the Excel file); the page shows them in the reader's language.</summary>
    public static readonly string[] Headers =
        ["STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên người nộp", "Địa chỉ, số điện thoại", "Nơi tiếp nhận", "Ngày nhận", "Ngày hẹn trả", "Ngày trả kết quả", "Ký nhận", "Ghi chú"];

    [BindProperty(SupportsGet = true)]
    public DateOnly From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly To { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool Truncated { get; private set; }

    public string FormNumber => $"{FormSets.On(To).Number("logBook")} ({FormSets.On(To).Basis})";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var buffer = new MemoryStream();
        await buffer.SaveAsAsync(Rows.Select(r => new Dictionary<string, object?>
        {
            [Headers[0]] = r.No, [Headers[1]] = r.Code, [Headers[2]] = r.Procedure, [Headers[3]] = r.Applicant, [Headers[4]] = r.Contact, [Headers[5]] = r.Office,
            [Headers[6]] = r.Received, [Headers[7]] = r.Due, [Headers[8]] = r.Returned, [Headers[9]] = "", [Headers[10]] = r.Note,
        }), sheetName: "Sổ theo dõi hồ sơ", cancellationToken: ct);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"so-theo-doi-ho-so-{From:yyyyMMdd}-{To:yyyyMMdd}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        if (To == default)
        {
            To = today;
        }

        if (From == default || From > To)
        {
            From = new DateOnly(To.Year, To.Month, 1);
        }

        var visible = (await scope.VisibleUnitIdsAsync(User, ct)).ToArray();
        var start = VietnamTime.StartOfDay(From);
        var end = VietnamTime.StartOfDay(To.AddDays(1));
        var dossiers = await db.Set<Dossier>().AsNoTracking()
            .Where(d => visible.Contains(d.OfficeId) && d.ReceivedAt >= start && d.ReceivedAt < end)
            .OrderBy(d => d.ReceivedAt)
            .Take(MaxRows + 1)
            .Select(d => new { d.Id, d.Code, d.CitizenId, d.ProcedureName, d.ApplicantName, d.ApplicantAddress, d.ApplicantPhone, d.OfficeId, d.ReceivedAt, d.DueAt, d.Status })
            .ToListAsync(ct);
        Truncated = dossiers.Count > MaxRows;
        var ids = dossiers.Take(MaxRows).Select(d => d.Id).ToArray();
        await citizens.LogListAsync(User, dossiers.Take(MaxRows).Select(d => (d.CitizenId, d.Code)), "log-book", "Sổ theo dõi hồ sơ", ct);
        var returned = await db.Set<DossierEvent>().AsNoTracking().Where(e => ids.Contains(e.DossierId) && e.Action == DossierEvents.ResultReturned)
            .Select(e => new { e.DossierId, e.At }).ToListAsync(ct);
        var returnedAt = returned.GroupBy(e => e.DossierId).ToDictionary(g => g.Key, g => g.Max(e => e.At));
        var offices = (await tree.FindManyAsync([.. dossiers.Select(d => d.OfficeId).Distinct()], ct)).ToDictionary(u => u.Id, u => u.Name);
        Rows = [.. dossiers.Take(MaxRows).Select((d, i) => new Row(
            i + 1, d.Code, d.ProcedureName, d.ApplicantName, string.Join(", ", new[] { d.ApplicantAddress, d.ApplicantPhone }.Where(x => !string.IsNullOrEmpty(x))), offices.GetValueOrDefault(d.OfficeId, ""),
            Format(d.ReceivedAt), Format(d.DueAt), returnedAt.TryGetValue(d.Id, out var r) ? Format(r) : "", DossierReader.StatusText(d.Status)))];
    }

    private static string Format(DateTimeOffset instant) => VietnamTime.ToVietnam(instant).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public sealed record Row(int No, string Code, string Procedure, string Applicant, string Contact, string Office, string Received, string Due, string Returned, string Note);
}
