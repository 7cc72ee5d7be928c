using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Features.Workflow;

/// <summary>The processing control slip (form 05/06) as a printable page, its PDF, and the apology forms (04).</summary>
public sealed class ControlSlipModel(DossierReader reader, DossierProgress progress, WorkflowForms forms) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public IDossier Dossier { get; private set; } = null!;

    public ProgressView Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await reader.ReadAsync(Code, User, "control-slip", ct) is not { } d)
        {
            return NotFound();
        }

        Dossier = d;
        Progress = await progress.ReadAsync(d, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await reader.ReadAsync(Code, User, "control-slip", ct) is { } d ? File(await forms.ControlSlipAsync(d, ct), "application/pdf", $"phieu-kiem-soat-{Code}.pdf") : NotFound();

    public async Task<IActionResult> OnGetStopNoticeAsync(CancellationToken ct) =>
        await reader.ReadAsync(Code, User, "stop-notice", ct) is { } d && await forms.StopNoticeAsync(d, ct) is { } pdf ? File(pdf, "application/pdf", $"thong-bao-dung-{Code}.pdf") : NotFound();

    public async Task<IActionResult> OnGetApologyAsync(Guid id, CancellationToken ct) =>
        await reader.ReadAsync(Code, User, "apology", ct) is { } d && await forms.ApologyAsync(d, id, ct) is { } pdf ? File(pdf, "application/pdf", $"phieu-xin-loi-{Code}.pdf") : NotFound();
}
