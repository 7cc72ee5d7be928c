using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Features.Portal.Contracts;

namespace MotCua.Features.Portal;

/// <summary>
/// One of the citizen's applications: a draft to check before sending (GOV.UK's check answers), the confirmation
/// with what happens next, then where it is, when it is due and why, what the office asked for, and the history.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class DossierModel(
    Applications applications, OnlineIntake intake, CatalogReader catalog, CitizenRecords records, DocumentStore documents, Uploads uploads, TimeProvider clock)
    : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public MyDossier View { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> DocumentNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<RequiredDocument> Documents { get; private set; } = [];

    /// <summary>The signed electronic result in the citizen's store, once there is one.</summary>
    public Guid? ResultId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Sends the draft as it stands.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || View.Status != "draft")
        {
            return NotFound();
        }

        var result = await applications.SubmitDraftAsync(View.Reference, null, User, ct);
        if (result.Failure is { } failure)
        {
            failure.AddTo(ModelState);
            return Page();
        }

        return Redirect($"/cong-dan/ho-so/{View.Reference}?sent=true");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (await applications.WithdrawAsync(Reference, User, ct) is { } failure)
        {
            if (failure.Kind == FailureKind.NotFound)
            {
                return NotFound();
            }

            failure.AddTo(ModelState);
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/cong-dan/ho-so/{Reference}");
    }

    /// <summary>Sends what the office asked for: more documents, and a note.</summary>
    public async Task<IActionResult> OnPostSupplementAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var added = await uploads.StoreAsync(Request.Form.Files, Documents, Applications.Me(User).IdNumber, ModelState, ct);
        if (added.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError("supplement", Infrastructure.Text.Texts.Get("Portal.SupplementNothing"));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await applications.SupplementAsync(Reference, new ApplicationRequest(null, null, null, added), User, ct) is { } failure)
        {
            failure.AddTo(ModelState);
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/cong-dan/ho-so/{Reference}");
    }

    /// <summary>Form 02 (what to add) or 03 (why refused), as the office issued it.</summary>
    public async Task<IActionResult> OnGetGuidanceAsync(CancellationToken ct)
    {
        if (await applications.FindOwnAsync(Reference, User, ct) is not { } application || await intake.GuidancePdfAsync(application, ct) is not { } pdf)
        {
            return NotFound();
        }

        return File(pdf, "application/pdf", $"{application.Reference}.pdf");
    }

    /// <summary>The signed electronic result, from the citizen's own store.</summary>
    public async Task<IActionResult> OnGetResultAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || ResultId is not { } id || await documents.FindAsync(id, ct) is not { } file || documents.Open(file.FileSha256) is not { } content)
        {
            return NotFound();
        }

        return File(content, "application/pdf", $"ket-qua-{View.Code}.pdf");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await applications.ReadAsync(Reference, User, ct) is not { } view)
        {
            return false;
        }

        View = view;
        var version = await catalog.VersionInForceAsync(view.ProcedureCode, VietnamTime.Today(clock), ct);
        Labels = version?.FormFields.ToDictionary(f => f.Key, f => f.Label) ?? [];
        Documents = version?.Documents ?? [];
        DocumentNames = Documents.ToDictionary(d => d.DocumentType, d => d.Name);
        if (view.Code is { } code && await records.FindIdAsync(Applications.Me(User).IdNumber, ct) is { } citizenId)
        {
            ResultId = (await documents.ForCitizenAsync(citizenId, VietnamTime.Today(clock), ct))
                .FirstOrDefault(d => d.SourceDossierCode == code && d.DocumentType.StartsWith(ElectronicResult.TypePrefix, StringComparison.Ordinal))?.Id;
        }

        return true;
    }
}
