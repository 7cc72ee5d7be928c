using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Files;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Documents;

public sealed record DocumentList(IReadOnlyList<DocumentView> Items);

/// <summary>
/// The citizen's electronic document store over HTTP. Reading and writing need the same right: a unit of the
/// caller holding a dossier of the citizen, or a stated purpose; every access is logged. Storing a scan gives no
/// business with the citizen.
/// </summary>
internal static class DocumentsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/citizens/{idNumber}/documents").WithTags("Documents").RequireAuthorization(Policies.Staff);
        api.MapPost("/", Upload).DisableAntiforgery().WithSummary("Store scanned files (PNG, JPEG, PDF; several at once) as one document of the citizen");
        api.MapGet("/", List).WithSummary("The citizen's documents; ?types=a,b&date= keeps those still valid of those types (what intake may reuse)");
        api.MapGet("/{id:guid}/file", File).WithSummary("The document as PDF (logged)");
    }

    private static async Task<Results<Created<DocumentView>, ProblemHttpResult, NotFound>> Upload(
        string idNumber, HttpRequest request, ClaimsPrincipal user, CitizenRecords citizens, DocumentStore store, UnitScope scope, FileWork work, CancellationToken ct)
    {
        if (await citizens.FindIdAsync(idNumber, ct) is not { } citizenId)
        {
            return TypedResults.NotFound();
        }

        if (!request.HasFormContentType)
        {
            return Failure.Invalid("files", Texts.Get("Files.SendMultipart")).ToProblem();
        }

        var form = await request.ReadFormAsync(ct);
        if (await citizens.AccessAsync(user, citizenId, form["purpose"], ct) is not { } access)
        {
            return PurposeNeeded();
        }

        var errors = new Dictionary<string, string[]>();
        var type = form["documentType"].ToString().Trim();
        if (type.Length is 0 or > 60)
        {
            errors["documentType"] = [Texts.Get("Documents.TypeRequired")];
        }

        var issueDate = Date(form, "issueDate", errors);
        var expiryDate = Date(form, "expiryDate", errors);
        if (issueDate is { } i && expiryDate is { } e && e < i)
        {
            errors["expiryDate"] = [Texts.Get("Documents.ExpiryBeforeIssue")];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors).ToProblem();
        }

        var scanned = await ScanConverter.ToPdfAsync(form.Files, work, ct);
        if (scanned.Value is not { } pdf)
        {
            return scanned.Failure!.ToProblem();
        }

        var unit = (await scope.CurrentOfficeAsync(user, ct))?.Id ?? Guid.Empty;
        var view = await store.AddAsync(
            new NewDocument(citizenId, null, type, form["title"], form["number"], form["issuer"], issueDate, expiryDate, form["dossierCode"].ToString() is { Length: > 0 } d ? d : null, unit == Guid.Empty ? null : unit),
            pdf.Pdf, pdf.Pages, user.Identity?.Name, ct);
        await citizens.LogAsync(user, citizenId, $"document-added:{view.Id}", access.Purpose, access.DossierCode, ct);

        return TypedResults.Created($"/api/citizens/{idNumber}/documents/{view.Id}/file", view);
    }

    private static async Task<Results<Ok<DocumentList>, NotFound, ProblemHttpResult>> List(
        string idNumber, string? types, DateOnly? date, string? purpose, ClaimsPrincipal user, CitizenRecords citizens, DocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await citizens.FindIdAsync(idNumber, ct) is not { } citizenId)
        {
            return TypedResults.NotFound();
        }

        if (await citizens.AccessAsync(user, citizenId, purpose, ct) is not { } access)
        {
            return PurposeNeeded();
        }

        var on = date ?? VietnamTime.Today(clock);
        await citizens.LogAsync(user, citizenId, types is null ? "documents" : $"documents:{types}", access.Purpose, access.DossierCode, ct);
        IReadOnlyList<DocumentView> items = types is null
            ? await store.ForCitizenAsync(citizenId, on, ct)
            : [.. (await store.ReusableAsync(citizenId, types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), on, ct)).Values];
        return TypedResults.Ok(new DocumentList(items));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult>> File(
        string idNumber, Guid id, string? purpose, ClaimsPrincipal user, CitizenRecords citizens, DocumentStore store, CancellationToken ct)
    {
        var citizenId = await citizens.FindIdAsync(idNumber, ct);
        var document = await store.FindAsync(id, ct);
        if (citizenId is null || document is null || document.CitizenId != citizenId)
        {
            return TypedResults.NotFound();
        }

        if (await citizens.AccessAsync(user, citizenId.Value, purpose, ct) is not { } access)
        {
            return PurposeNeeded();
        }

        var stream = store.Open(document.FileSha256);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        await citizens.LogAsync(user, citizenId.Value, $"document:{id}", access.Purpose, document.SourceDossierCode ?? access.DossierCode, ct);
        return TypedResults.File(stream, "application/pdf", $"{document.DocumentType}.pdf");
    }

    private static ProblemHttpResult PurposeNeeded() =>
        Failure.Forbidden(Texts.Get("Citizens.PurposeRequired"), Texts.Get("Citizens.PurposeRequiredTitle")).ToProblem();

    private static DateOnly? Date(IFormCollection form, string field, Dictionary<string, string[]> errors)
    {
        var text = form[field].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [Texts.Get("Common.DateFormat", text)];
        return null;
    }
}
