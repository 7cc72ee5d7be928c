using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Actions;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Files;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Workflow;

/// <summary>
/// Returning the result: the receipt's QR code (a scanner types the tracking link) or the code finds the dossier;
/// the officer records who received it, how, and the fees, attaches the scanned result, and the dossier closes.
/// </summary>
public sealed class ReturnModel(DossierReader reader, ResultReturn results, FileWork work, DossierStore dossiers, UnitScope scope, CitizenRecords citizens) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public DossierView? Dossier { get; private set; }

    public bool Returned { get; private set; }

    /// <summary>With no dossier asked for: the results ready at the officer's own office, the longest waiting first.</summary>
    public IReadOnlyList<ReadyResult> Ready { get; private set; } = [];

    public sealed record ReadyResult(string Code, string ProcedureName, string ApplicantName, DateTimeOffset ReadyAt);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int expectedVersion, string? receivedBy, string? receiverIdNumber, bool byPost, decimal feesCollected, List<IFormFile> result, CancellationToken ct)
    {
        byte[]? pdf = null;
        var pages = 0;
        if (result.Count > 0)
        {
            var scanned = await ScanConverter.ToPdfAsync(result, work, ct);
            (pdf, pages) = (scanned.Value?.Pdf, scanned.Value?.Pages ?? 0);
            scanned.Failure?.AddTo(ModelState);
        }

        if (ModelState.IsValid)
        {
            var failure = await results.ReturnAsync(new ReturnCommand(Clean(Code) ?? "", expectedVersion, receivedBy, receiverIdNumber, byPost, feesCollected, null), pdf, pages, User, ct);
            if (failure?.Kind == FailureKind.NotFound)
            {
                return NotFound();
            }

            failure?.AddTo(ModelState);
            Returned = failure is null;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Code = Clean(Code);
        Dossier = Code is null ? null : await reader.ViewAsync(Code, User, ct);
        if (Code is null || Returned)
        {
            var office = (await scope.CurrentOfficeAsync(User, ct))?.Id;
            var ready = await dossiers.Rows.Where(d => d.Status == DossierStatus.ResultReady && d.OfficeId == office)
                .OrderBy(d => d.ResolvedAt).Take(100)
                .Select(d => new { d.Code, d.CitizenId, d.ProcedureName, d.ApplicantName, d.ResolvedAt }).ToListAsync(ct);
            await citizens.LogListAsync(User, ready.Select(d => (d.CitizenId, d.Code)), "results-ready", "Trả kết quả", ct);
            Ready = [.. ready.Select(d => new ReadyResult(d.Code, d.ProcedureName, d.ApplicantName, VietnamTime.ToVietnam(d.ResolvedAt ?? default)))];
        }
    }

    /// <summary>A scanned receipt QR code types the tracking link (…/tra-cuu/CODE?key=KEY); keep the code.</summary>
    private static string? Clean(string? scanned) =>
        string.IsNullOrWhiteSpace(scanned) || scanned.Trim().Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries) is not [.., var last]
            ? null
            : Uri.UnescapeDataString(last);
}
