using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Files;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Intake;

/// <summary>
/// The counter workspace ("ngày không viết"): the officer scans the ID card (a keyboard-wedge scanner types the
/// QR line; no click needed), the citizen's store fills the profile, the procedure's checklist shows what the
/// store already holds, scans are added, and the pre-filled form is printed for the citizen to sign.
/// </summary>
public sealed class IndexModel(
    CitizenRecords records, CitizenIntake citizens, CatalogReader catalog, DocumentStore documents, PendingScans scans, DossierIntake dossiers, GuidanceDesk guidance, UnitScope scope, FileWork work, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Citizen { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    public CitizenRecord? Profile { get; private set; }

    public UnitInfo? Office { get; private set; }

    public IReadOnlyList<ProcedureSummary> Procedures { get; private set; } = [];

    public ProcedureVersion? Version { get; private set; }

    /// <summary>The procedures the officer's words match, when they match more than one.</summary>
    public IReadOnlyList<ProcedureSummary> Matches { get; private set; } = [];

    public IReadOnlyDictionary<string, DocumentView> Reusable { get; private set; } = new Dictionary<string, DocumentView>();

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>Files the desk scanner dropped into this officer's folder, waiting to be attached.</summary>
    public IReadOnlyList<PendingScanView> DeskScans { get; private set; } = [];

    public DateTimeOffset Now => VietnamTime.Now(clock);

    /// <summary>A fresh key per rendering of the page: the accept button sends it as the Idempotency-Key.</summary>
    public string RequestKey { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Complete when every required document is in the store, read from the card, or the form MotCua fills itself.</summary>
    public bool Complete => Version is not null && Version.Documents.Where(d => d.Required && !Provided(d.DocumentType)).All(d => Reusable.ContainsKey(d.DocumentType));

    /// <summary>Documents the counter provides without the citizen: the ID card just scanned, and application forms (tờ khai) pre-filled here.</summary>
    public static bool Provided(string documentType) => documentType == "can-cuoc" || documentType.StartsWith("to-khai", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Citizen is not null && Profile is null ? NotFound() : Page();
    }

    /// <summary>The QR line from the card: parse, keep in the store (source: ID card), open the citizen.</summary>
    public async Task<IActionResult> OnPostScanAsync(string? qr, CancellationToken ct)
    {
        var (card, errors) = IdCardQr.Parse(qr, VietnamTime.Today(clock));
        if (card is null)
        {
            Failure.Invalid(errors).AddTo(ModelState);

            Citizen = null;
            await LoadAsync(ct);
            return Page();
        }

        var office = await OfficeAsync(ct);
        var (id, conflicts) = await citizens.FromIdCardAsync(card, User.Identity?.Name, office?.Id, ct);
        TempData["warnings"] = string.Join("\n", card.Warnings.Concat(conflicts.Select(c => Texts.Get("Intake.CardDiffers", c))));
        return RedirectToPage(new { citizen = id, procedure = Procedure });
    }

    public async Task<IActionResult> OnPostContactAsync(string? phone, string? email, CancellationToken ct)
    {
        if (Citizen is not { } id || await records.FindIdNumberAsync(id, ct) is not { } idNumber)
        {
            return NotFound();
        }

        await citizens.ContactAsync(idNumber, phone, email, User.Identity?.Name, ct);
        TempData["saved"] = Texts.Get("Intake.ContactSaved");
        return RedirectToPage(new { citizen = id, procedure = Procedure });
    }

    /// <summary>Scans of one required document (several files at once) become one document in the citizen's store.</summary>
    public async Task<IActionResult> OnPostUploadAsync(string documentType, string? title, List<IFormFile> files, CancellationToken ct)
    {
        if (Citizen is not { } id)
        {
            return NotFound();
        }

        var scanned = await ScanConverter.ToPdfAsync(files, work, ct);
        if (scanned.Value is { } pdf)
        {
            var office = await OfficeAsync(ct);
            await documents.AddAsync(new NewDocument(id, null, documentType, title, null, null, VietnamTime.Today(clock), null, null, office?.Id), pdf.Pdf, pdf.Pages, User.Identity?.Name, ct);
            return RedirectToPage(new { citizen = id, procedure = Procedure });
        }

        scanned.Failure!.AddTo(ModelState);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>
    /// Accepts the dossier: the documents received are what the checklist shows (reused from the store, scanned,
    /// provided by the counter, or seen on paper, as ticked). The page's one-time key makes a double click or a
    /// resubmitted form receive the dossier once.
    /// </summary>
    public async Task<IActionResult> OnPostAcceptAsync(string requestKey, List<string> paper, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Profile is null || Version is null)
        {
            return NotFound();
        }

        var received = Version.Documents.Select(d => new ReceivedDocument
        {
            Name = d.Name, DocumentType = d.DocumentType, Originals = d.Originals, Copies = d.Copies,
            How = Reusable.ContainsKey(d.DocumentType) ? "store" : Provided(d.DocumentType) ? "form" : paper.Contains(d.DocumentType) ? "paper" : "",
            DocumentId = Reusable.TryGetValue(d.DocumentType, out var used) ? used.Id : null,
        }).ToList();
        var missing = Version.Documents.Where(d => d.Required && received.Single(r => r.DocumentType == d.DocumentType).How.Length == 0).ToList();
        if (missing.Count > 0)
        {
            missing.ForEach(d => ModelState.AddModelError("documents", Texts.Get("Intake.Missing", d.Name)));
            return Page();
        }

        var result = await dossiers.AcceptAsync(
            new AcceptDossier(Version.Code, DossierChannel.Counter,
                new ApplicantData(Profile.IdNumber, Profile.FullName, Profile.DateOfBirth, Profile.Address, Profile.Phone, Profile.Email),
                null, Office?.Code, [.. received.Where(r => r.How.Length > 0)]),
            User, requestKey, ct);
        if (result.Value is { } dossier)
        {
            return Redirect(DossierLinks.Receipt(dossier.Code));
        }

        result.Failure!.AddTo(ModelState);

        return Page();
    }

    /// <summary>
    /// The dossier is not received: either the written request to supplement (everything missing, listed once,
    /// from the checklist) or the refusal with its reason. Either way the citizen leaves with a paper.
    /// </summary>
    public async Task<IActionResult> OnPostGuideAsync(GuidanceKind kind, string? reason, List<string> paper, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Profile is null || Version is null || Office is null)
        {
            return NotFound();
        }

        var missing = Version.Documents
            .Where(d => d.Required && !Reusable.ContainsKey(d.DocumentType) && !Provided(d.DocumentType) && !paper.Contains(d.DocumentType))
            .Select(d => new GuidanceItem { Name = d.Name, DocumentType = d.DocumentType, Originals = d.Originals, Copies = d.Copies })
            .ToList();
        if (kind == GuidanceKind.Supplement && missing.Count == 0)
        {
            ModelState.AddModelError("guidance", Texts.Get("Intake.CompleteAcceptInstead"));
            return Page();
        }

        if (kind == GuidanceKind.Refusal && string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("reason", Texts.Get("Intake.RefusalReasonRequired"));
            return Page();
        }

        var id = await guidance.IssueAsync(kind, Office, Profile.Id, Profile.FullName, Version, missing, reason, User.Identity?.Name, ct);
        return Redirect($"/Intake/Guidance/{id}");
    }

    /// <summary>Scans from the desk scanner's folder, ticked by the officer, become one document of the citizen.</summary>
    public async Task<IActionResult> OnPostAttachAsync(string documentType, string? title, List<Guid> scanIds, CancellationToken ct)
    {
        if (Citizen is not { } id)
        {
            return NotFound();
        }

        var office = await OfficeAsync(ct);
        var attached = await scans.AttachAsync(
            User.Identity?.Name ?? "", scanIds, new NewDocument(id, null, documentType, title, null, null, VietnamTime.Today(clock), null, null, office?.Id), User.Identity?.Name, ct);
        if (attached.Succeeded)
        {
            return RedirectToPage(new { citizen = id, procedure = Procedure });
        }

        attached.Failure!.AddTo(ModelState);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The procedure's application form, filled from the store, as PDF for the citizen to check and sign.</summary>
    public async Task<IActionResult> OnGetFormAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Profile is null || Version is null)
        {
            return NotFound();
        }

        var known = new Dictionary<string, string?>
        {
            ["applicant.fullName"] = Profile.FullName, ["applicant.idNumber"] = Profile.IdNumber, ["applicant.dateOfBirth"] = ApplicationFormPdf.Format(Profile.DateOfBirth),
            ["applicant.address"] = Profile.Address, ["applicant.phone"] = Profile.Phone, ["applicant.email"] = Profile.Email,
            ["applicant.sex"] = Profile.Sex is null ? null : Profile.Sex == Sex.Male ? "Nam" : "Nữ",
        };
        var fields = Version.FormFields.Select(f => new FormFieldValue(f.Label, f.Source is { } s ? known.GetValueOrDefault(s) : null)).ToList();
        var pdf = ApplicationFormPdf.Render(new ApplicationForm(Office?.Name ?? "", Version.Code, Version.Name, fields, Profile.FullName, VietnamTime.Today(clock)));
        return File(pdf, "application/pdf");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Office = await OfficeAsync(ct);
        Procedures = (await catalog.SearchAsync(new ProcedureFilter(Office: Office?.Code), VietnamTime.Today(clock), 0, 500, ct)).Items;
        DeskScans = await scans.ForDeskAsync(User.Identity?.Name ?? "", ct);
        if (TempData["warnings"] is string warnings && warnings.Length > 0)
        {
            Warnings = warnings.Split('\n');
        }

        if (Citizen is { } id)
        {
            Profile = (await records.OpenAsync(User, id, "Tiếp nhận hồ sơ tại quầy", ct: ct)).Value;
        }

        if (Procedure is { Length: > 0 } typed)
        {
            var today = VietnamTime.Today(clock);
            Version = await catalog.VersionInForceAsync(typed.Trim(), today, ct);
            if (Version is null)
            {
                // A name (with or without its diacritics) or part of a code: one match is the procedure; several are offered.
                var q = SearchText.Fold(typed);
                Matches = [.. Procedures.Where(x => SearchText.Fold(x.Name).Contains(q, StringComparison.Ordinal) || x.Code.StartsWith(typed.Trim(), StringComparison.OrdinalIgnoreCase))];
                if (Matches.Count == 1)
                {
                    Procedure = Matches[0].Code;
                    Version = await catalog.VersionInForceAsync(Procedure, today, ct);
                    Matches = [];
                }
                else if (Matches.Count == 0)
                {
                    ModelState.AddModelError("procedure", Texts.Get("Intake.NoMatch", typed.Trim()));
                }
            }

            if (Version is not null && Profile is not null)
            {
                Reusable = await documents.ReusableAsync(Profile.Id, [.. Version.Documents.Select(d => d.DocumentType)], today, ct);
            }
        }
    }

    private Task<UnitInfo?> OfficeAsync(CancellationToken ct) => scope.CurrentOfficeAsync(User, ct);
}
