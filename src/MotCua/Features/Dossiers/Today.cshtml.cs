using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Dossiers;

/// <summary>"Ngày không hẹn": the same-day dossiers received today at the officer's units that are not yet returned.</summary>
public sealed class TodayModel(AppDbContext db, UnitScope scope, CitizenRecords citizens, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DateTimeOffset Now => VietnamTime.Now(clock);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = (await scope.VisibleUnitIdsAsync(User, ct)).ToArray();
        var start = VietnamTime.StartOfDay(VietnamTime.Today(clock));
        var open = new[] { DossierStatus.Received, DossierStatus.InProgress, DossierStatus.ResultReady };
        var rows = await db.Set<Dossier>().AsNoTracking()
            .Where(d => d.SameDay && visible.Contains(d.OfficeId) && d.ReceivedAt >= start && open.Contains(d.Status))
            .OrderBy(d => d.DueAt)
            .Select(d => new { d.Code, d.CitizenId, d.ProcedureName, d.ApplicantName, d.ReceivedAt, d.DueAt, d.Status })
            .Take(500)
            .ToListAsync(ct);
        await citizens.LogListAsync(User, rows.Select(d => (d.CitizenId, d.Code)), "same-day-list", "Giải quyết hồ sơ trong ngày", ct);
        Rows = [.. rows.Select(d => new Row(d.Code, d.ProcedureName, d.ApplicantName, VietnamTime.ToVietnam(d.ReceivedAt), VietnamTime.ToVietnam(d.DueAt), DossierReader.Status(d.Status)))];
    }

    public sealed record Row(string Code, string ProcedureName, string ApplicantName, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string Status);
}
