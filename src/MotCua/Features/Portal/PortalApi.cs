using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Files;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;
using MotCua.Features.Portal.Contracts;

namespace MotCua.Features.Portal;

public sealed record ProfileField(string Name, string? Value, string Source, DateTimeOffset At);

public sealed record PortalMe(string IdNumber, string FullName, IReadOnlyList<ProfileField> Fields);

public sealed record MyDossierList(IReadOnlyList<MyDossierItem> Items);

public sealed record UploadedDocument(Guid DocumentId);

public sealed record AccessItem(DateTimeOffset At, string Unit, string Account, string Purpose, string What);

public sealed record AccessLog(IReadOnlyList<AccessItem> Items);

public sealed record MessageList(IReadOnlyList<CitizenMessage> Items);

/// <summary>
/// The portal's API: the citizen's own data, applications and access log (citizen tokens only; a staff token gets
/// 403), and the office's online intake (staff at the counter).
/// </summary>
internal static class PortalApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/portal").WithTags("Portal").RequireAuthorization(Policies.Citizen);
        api.MapGet("/me", Me).WithSummary("The signed-in citizen and what the citizen store holds of them, each field with where it came from");
        api.MapPost("/dossiers", Submit).WithSummary("Submit an application online (Idempotency-Key: the same key returns the same application)");
        api.MapGet("/dossiers", async (ClaimsPrincipal user, Applications applications, CancellationToken ct) => TypedResults.Ok(new MyDossierList(await applications.ListAsync(user, ct))))
            .WithSummary("The caller's applications and dossiers, newest first");
        api.MapGet("/dossiers/{reference}", Read).WithSummary("One of the caller's dossiers (404 for anyone else's)");
        api.MapPost("/dossiers/{reference}/withdraw", Withdraw).WithSummary("Withdraw an application the office has not yet received");
        api.MapPost("/dossiers/{reference}/supplement", Supplement).WithSummary("Complete what the office asked for: answers and documents; the application goes back to the office");
        api.MapPost("/documents", Upload).DisableAntiforgery().WithSummary("Store a file (PDF, PNG, JPEG) in the caller's document store, multipart 'file' and optional 'documentType'");
        api.MapPost("/drafts", SaveDraft).WithSummary("Save an application to finish later: nothing is required yet; 201 with its reference and status 'draft'");
        api.MapPut("/drafts/{reference}", SaveDraft).WithSummary("Save the caller's draft again (404 for anyone else's or one already sent)");
        api.MapPost("/drafts/{reference}/submit", SubmitDraft).WithSummary("Send the caller's draft as it stands now (checked in full, as a submission is); sending it again answers its status");
        api.MapGet("/messages", async (ClaimsPrincipal user, CitizenMessages messages, CancellationToken ct) =>
                TypedResults.Ok(new MessageList([.. (await messages.ForAsync(Applications.Me(user).IdNumber, 100, ct)).Select(m => m with { At = VietnamTime.ToVietnam(m.At) })])))
            .WithSummary("The messages MotCua wrote to the caller (the in-app copy of e-mails and texts), newest first");
        api.MapGet("/access-log", ReadLog).WithSummary("Who read the caller's data: every staff read, with the unit, the person, the purpose and the time");

        var staff = app.MapGroup("/api/online").WithTags("Portal").RequireAuthorization(Policies.Counter);
        staff.MapGet("/{reference}", async Task<Results<Ok<OnlineApplicationView>, NotFound>> (string reference, ClaimsPrincipal user, OnlineIntake intake, CancellationToken ct) =>
                await intake.ReadAsync(reference, user, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("An online application of the caller's office, as the officer checks it (the read is logged)");
        staff.MapPost("/{reference}/accept", Accept).WithSummary("Receive the application: the dossier gets its code, the legal time runs from the submission");
        staff.MapPost("/{reference}/supplement", (string reference, OnlineDecision decision, ClaimsPrincipal user, OnlineIntake intake, CancellationToken ct) =>
                DecidedAsync(intake.RequestSupplementAsync(reference, decision, user, ct)))
            .WithSummary("Ask the citizen to complete the application (form 02): 'note' lists everything missing, once");
        staff.MapPost("/{reference}/refuse", (string reference, OnlineDecision decision, ClaimsPrincipal user, OnlineIntake intake, CancellationToken ct) =>
                DecidedAsync(intake.RefuseAsync(reference, decision, user, ct)))
            .WithSummary("Refuse the application (form 03): 'note' is the reason");
    }

    private static async Task<Results<Ok<PortalMe>, NotFound>> Me(ClaimsPrincipal user, CitizenRecords records, CancellationToken ct)
    {
        var (_, idNumber) = Applications.Me(user);
        if (await records.OwnAsync(idNumber, ct) is not { } own)
        {
            return TypedResults.Ok(new PortalMe(idNumber, user.FindFirstValue(AccountClaimTypes.FullName) ?? "", []));
        }

        return TypedResults.Ok(new PortalMe(idNumber, own.FullName, [.. own.Fields.Select(f => new ProfileField(f.Field, f.Value, SourceName(f.Source), VietnamTime.ToVietnam(f.ObservedAt)))]));
    }

    /// <summary>Where a value came from, as the API names it.</summary>
    public static string SourceName(string source) => source switch
    {
        "IdCardQr" => "idCard",
        "Dossier" => "dossier",
        "OnlineAccount" => "citizen",
        "Officer" => "officer",
        _ => "import",
    };

    private static async Task<Results<Created<SubmittedApplication>, ProblemHttpResult>> Submit(ApplicationRequest request, HttpContext http, ClaimsPrincipal user, Applications applications, CancellationToken ct)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k.Trim() : null;
        var result = await applications.SubmitAsync(request, user, key, ct);
        return result.Value is { } submitted ? TypedResults.Created($"/api/portal/dossiers/{submitted.Reference}", submitted) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Created<SubmittedApplication>, Ok<SubmittedApplication>, ProblemHttpResult>> SaveDraft(
        string? reference, ApplicationRequest request, ClaimsPrincipal user, Applications applications, CancellationToken ct)
    {
        var result = await applications.SaveDraftAsync(reference, request, user, ct);
        if (result.Value is not { } draft)
        {
            return result.Failure!.ToProblem();
        }

        return reference is null ? TypedResults.Created($"/api/portal/dossiers/{draft.Reference}", draft) : TypedResults.Ok(draft);
    }

    private static async Task<Results<Ok<SubmittedApplication>, ProblemHttpResult>> SubmitDraft(string reference, ApplicationRequest? request, ClaimsPrincipal user, Applications applications, CancellationToken ct)
    {
        var result = await applications.SubmitDraftAsync(reference, request, user, ct);
        return result.Value is { } submitted ? TypedResults.Ok(submitted) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<MyDossier>, NotFound>> Read(string reference, ClaimsPrincipal user, Applications applications, CancellationToken ct) =>
        await applications.ReadAsync(reference, user, ct) is { } dossier ? TypedResults.Ok(dossier) : TypedResults.NotFound();

    private static async Task<Results<Ok<MyDossier>, ProblemHttpResult>> Withdraw(string reference, ClaimsPrincipal user, Applications applications, CancellationToken ct) =>
        await applications.WithdrawAsync(reference, user, ct) is { } failure ? failure.ToProblem() : TypedResults.Ok((await applications.ReadAsync(reference, user, ct))!);

    private static async Task<Results<Ok<MyDossier>, ProblemHttpResult>> Supplement(string reference, ApplicationRequest request, ClaimsPrincipal user, Applications applications, CancellationToken ct) =>
        await applications.SupplementAsync(reference, request, user, ct) is { } failure ? failure.ToProblem() : TypedResults.Ok((await applications.ReadAsync(reference, user, ct))!);

    private static async Task<Results<Created<UploadedDocument>, ProblemHttpResult>> Upload(
        HttpRequest request, ClaimsPrincipal user, CitizenRecords records, CitizenIntake citizens, DocumentStore store, FileWork work, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Failure.Invalid("file", Texts.Get("Files.SendMultipart")).ToProblem();
        }

        var form = await request.ReadFormAsync(ct);
        var type = form["documentType"].ToString().Trim();
        if (type.Length > 60)
        {
            return Failure.Invalid("documentType", Texts.Get("Common.TooLong")).ToProblem();
        }

        var files = form.Files.GetFiles("file");
        if (files.Count == 0)
        {
            return Failure.Invalid("file", Texts.Get("Portal.FileRequired")).ToProblem();
        }

        var scanned = await ScanConverter.ToPdfAsync(files, work, ct);
        if (scanned.Value is not { } pdf)
        {
            var failure = scanned.Failure!;
            // The field is the form's: "file", whatever the converter calls its input.
            return (failure with { Errors = failure.Errors.ToDictionary(e => e.Key.StartsWith("files", StringComparison.Ordinal) || e.Key.Length == 0 ? "file" : e.Key, e => e.Value) }).ToProblem();
        }

        var (_, idNumber) = Applications.Me(user);
        var citizenId = await records.FindIdAsync(idNumber, ct) ?? (await citizens.FromCitizenAsync(new CitizenObservation(idNumber), ct)).CitizenId;
        var title = files[0].FileName is { Length: > 0 } name ? Path.GetFileName(name) : null;
        var view = await store.AddAsync(
            new NewDocument(citizenId, null, type.Length == 0 ? "khac" : type, title is { Length: > 200 } ? title[..200] : title, null, null, null, null, null, null),
            pdf.Pdf, pdf.Pages, null, ct);
        return TypedResults.Created($"/api/portal/documents/{view.Id}", new UploadedDocument(view.Id));
    }

    private static async Task<Ok<AccessLog>> ReadLog(ClaimsPrincipal user, CitizenRecords records, UnitTree units, StaffDirectory staff, CancellationToken ct) =>
        TypedResults.Ok(new AccessLog(await AccessItemsAsync(user, records, units, staff, 500, ct)));

    /// <summary>The caller's access log in words: the unit and the reader by name, what was read.</summary>
    public static async Task<IReadOnlyList<AccessItem>> AccessItemsAsync(ClaimsPrincipal user, CitizenRecords records, UnitTree units, StaffDirectory staff, int limit, CancellationToken ct)
    {
        var (_, idNumber) = Applications.Me(user);
        if (await records.FindIdAsync(idNumber, ct) is not { } citizenId)
        {
            return [];
        }

        var log = await records.OwnAccessLogAsync(citizenId, limit, ct);
        var unitNames = (await units.FindManyAsync([.. log.Select(l => l.UnitId).OfType<Guid>().Distinct()], ct)).ToDictionary(u => u.Id, u => u.Name);
        var names = await staff.FullNamesAsync([.. log.Select(l => l.Username).Distinct()], ct);
        return [.. log.Select(l => new AccessItem(
            VietnamTime.ToVietnam(l.At), l.UnitId is { } u ? unitNames.GetValueOrDefault(u, "") : "",
            l.Username.Length == 0 ? Texts.Get("Citizens.SystemReader") : names.GetValueOrDefault(l.Username, Texts.Get("Common.Colleague")),
            l.Purpose, CitizenRecords.WhatText(l.What)))];
    }

    private static async Task<Results<Ok<AcceptedDossier>, ProblemHttpResult>> Accept(string reference, OnlineDecision? decision, ClaimsPrincipal user, OnlineIntake intake, CancellationToken ct)
    {
        var result = await intake.AcceptAsync(reference, decision ?? new OnlineDecision(null, null), user, ct);
        return result.Value is { } d
            ? TypedResults.Ok(new AcceptedDossier(d.Code, DossierReader.Status(d.Status), VietnamTime.ToVietnam(d.ReceivedAt), d.DueDate, VietnamTime.ToVietnam(d.DueAt)))
            : result.Failure!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DecidedAsync(Task<Failure?> decision) =>
        await decision is { } failure ? failure.ToProblem() : TypedResults.NoContent();
}

public sealed record AcceptedDossier(string Code, string Status, DateTimeOffset ReceivedAt, DateOnly DueDate, DateTimeOffset DueAt);
