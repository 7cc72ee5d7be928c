using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Portal;

/// <summary>
/// The application form, once only: the office first (where the procedure is offered online), then the form's
/// fields filled from what the store knows (each saying where it came from, each correctable), the documents already
/// in the store offered again, the rest uploaded. "Continue" saves a draft and shows it to check before sending.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class ApplyModel(
    Applications applications, CatalogReader catalog, UnitTree units, CitizenRecords records, DocumentStore documents, Uploads uploads, TimeProvider clock) : PageModel
{
    public const string AnswerPrefix = "a:";

    [FromRoute]
    public string Procedure { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Draft { get; set; }

    /// <summary>The citizen's answer to "do these conditions apply to you?" (<c>yes</c> or <c>no</c>), for a procedure that has conditions.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Suitable { get; set; }

    /// <summary>The procedure has conditions the citizen has not yet said they meet (a draft was started after saying so).</summary>
    public bool MustCheckSuitability => Version.Conditions.Count > 0 && Draft is null && Suitable != "yes";

    public ProcedureVersion Version { get; private set; } = null!;

    public IReadOnlyList<UnitInfo> Offices { get; private set; } = [];

    public UnitInfo? Chosen { get; private set; }

    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];

    public IReadOnlyDictionary<string, DocumentView> Reusable { get; private set; } = new Dictionary<string, DocumentView>();

    /// <summary>A field of the form: its value now, and where that value came from (null: the citizen's to fill).</summary>
    public sealed record FieldRow(FormField Field, string? Value, string? Source, DateTimeOffset? At)
    {
        public string Id => "answers_" + Field.Key.Replace('.', '_');
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(null, ct))
        {
            return NotFound();
        }

        if (Suitable is not (null or "yes" or "no") || (Suitable is null && Request.Query.ContainsKey("suitable")))
        {
            ModelState.AddModelError("suitable", Texts.Get("Portal.SuitableRequired"));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var given = Request.Form.Keys.Where(k => k.StartsWith(AnswerPrefix, StringComparison.Ordinal))
            .ToDictionary(k => k[AnswerPrefix.Length..], k => (string?)Request.Form[k].ToString());
        if (!await LoadAsync(given, ct))
        {
            return NotFound();
        }

        if (MustCheckSuitability)
        {
            return Redirect($"/cong-dan/nop/{Uri.EscapeDataString(Version.Code)}");
        }

        var attached = Version.Documents.Where(d => Request.Form["reuse"].Contains(d.DocumentType) && Reusable.ContainsKey(d.DocumentType))
            .Select(d => (DocumentRef?)new DocumentRef(d.DocumentType, Reusable[d.DocumentType].Id)).ToList();
        foreach (var upload in await uploads.StoreAsync(Request.Form.Files, Version.Documents, Applications.Me(User).IdNumber, ModelState, ct))
        {
            attached.RemoveAll(a => a!.DocumentType == upload!.DocumentType);
            attached.Add(upload);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await applications.SaveDraftAsync(Draft, new ApplicationRequest(Version.Code, Office, given, attached), User, ct);
        if (saved.Value is not { } draft)
        {
            var failure = saved.Failure!;
            failure.AddTo(ModelState);
            return failure.Kind == FailureKind.NotFound && Draft is not null ? NotFound() : Page();
        }

        return Redirect($"/cong-dan/ho-so/{draft.Reference}");
    }

    /// <summary>The procedure, the offices offering it online, and the form as the store and the draft fill it; false when there is no such procedure.</summary>
    private async Task<bool> LoadAsync(Dictionary<string, string?>? given, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        if (await catalog.VersionInForceAsync(Procedure.Trim(), today, ct) is not { } version)
        {
            return false;
        }

        Version = version;
        Offices = [.. (await units.CurrentOfficesAsync(today, ct)).Where(o => OnlineOffer.Offered(version, o))];
        MyDossier? draft = null;
        if (Draft is { Length: > 0 })
        {
            draft = await applications.ReadAsync(Draft, User, ct);
            if (draft is null || draft.Status != "draft")
            {
                return false;
            }

            Office ??= draft.OfficeCode;
        }

        Chosen = Offices.FirstOrDefault(o => o.Code == Office);
        var (_, idNumber) = Applications.Me(User);
        var own = await records.OwnAsync(idNumber, ct);
        var sources = own?.Fields.ToDictionary(f => "applicant." + f.Field) ?? [];
        Fields = [.. version.FormFields.Select(f =>
        {
            if (given?.GetValueOrDefault(f.Key) is { } typed)
            {
                return new FieldRow(f, typed, null, null);
            }

            if (draft?.Answers.GetValueOrDefault(f.Key) is { } drafted)
            {
                return new FieldRow(f, drafted, f.Source is { } s && sources.TryGetValue(s, out var v) && v.Value == drafted ? PortalApi.SourceName(v.Source) : "citizen", null);
            }

            if (f.Source == "applicant.idNumber")
            {
                return new FieldRow(f, idNumber, "account", null);
            }

            return f.Source is { } source && sources.TryGetValue(source, out var known)
                ? new FieldRow(f, known.Value, PortalApi.SourceName(known.Source), VietnamTime.ToVietnam(known.ObservedAt))
                : new FieldRow(f, null, null, null);
        })];
        if (own is { } citizen)
        {
            Reusable = await documents.ReusableAsync(citizen.Id, [.. version.Documents.Select(d => d.DocumentType)], today, ct);
        }

        return true;
    }

    /// <summary>Whether the document is attached to the draft being edited, or offered by default.</summary>
    public bool Reused(string documentType) => Reusable.ContainsKey(documentType);
}
