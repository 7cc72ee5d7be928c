using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Reports;

public sealed record BoardRow(string Code, string ProcedureName, string ApplicantName, DateTimeOffset At, DateOnly DueDate);

/// <summary>
/// The public board of an office (a TV page in the hall, or the web): today's results, ready or handed over, and the
/// dossiers now late, as the publicity rules ask. Names masked; no ID number, address or contact.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class PublicBoardModel(DossierStore store, UnitTree tree, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public UnitInfo Office { get; private set; } = null!;

    public IReadOnlyList<BoardRow> Results { get; private set; } = [];

    public IReadOnlyList<BoardRow> Late { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string office, CancellationToken ct)
    {
        if (await tree.FindByCodeAsync(office, ct) is not { ReceivesDossiers: true } o)
        {
            return NotFound();
        }

        Office = o;
        Now = clock.GetUtcNow();
        var startOfDay = VietnamTime.StartOfDay(VietnamTime.Today(clock));
        var dossiers = store.Rows.Where(d => d.OfficeId == o.Id);
        Results = Rows(await dossiers.Where(d => d.ResolvedAt >= startOfDay && (d.Status == DossierStatus.ResultReady || d.Status == DossierStatus.Returned))
            .OrderByDescending(d => d.ResolvedAt).Take(Shown).Select(d => new BoardRow(d.Code, d.ProcedureName, d.ApplicantName, d.ResolvedAt!.Value, d.DueDate)).ToListAsync(ct));
        DossierStatus[] open = [DossierStatus.Received, DossierStatus.InProgress, DossierStatus.WaitingSupplement];
        var now = Now;
        Late = Rows(await dossiers.Where(d => open.Contains(d.Status) && d.PausedAt == null && d.DueAt < now)
            .OrderBy(d => d.DueAt).Take(Shown).Select(d => new BoardRow(d.Code, d.ProcedureName, d.ApplicantName, d.DueAt, d.DueDate)).ToListAsync(ct));
        return Page();
    }

    private static List<BoardRow> Rows(List<BoardRow> rows) =>
        [.. rows.Select(r => r with { ApplicantName = DossierReader.MaskName(r.ApplicantName), At = VietnamTime.ToVietnam(r.At) })];
}
