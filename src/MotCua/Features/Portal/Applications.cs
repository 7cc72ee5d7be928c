using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;
using MotCua.Features.Portal.Contracts;

namespace MotCua.Features.Portal;

/// <summary>An application as the citizen sends it (<c>POST /api/portal/dossiers</c>, the apply page).</summary>
public sealed record ApplicationRequest(string? ProcedureCode, string? Office, Dictionary<string, string?>? Answers, IReadOnlyList<DocumentRef?>? Documents);

public sealed record DocumentRef(string? DocumentType, Guid? DocumentId);

public sealed record SubmittedApplication(string Reference, string Status);

/// <summary>One line of the citizen's list: an online application, or a dossier received for them (the reference is then its code).</summary>
public sealed record MyDossierItem(string Reference, string? Code, string ProcedureCode, string ProcedureName, string Status, DateTimeOffset At, DateTimeOffset? DueAt, bool Online);

public sealed record HistoryItem(DateTimeOffset At, string Action, string Text);

/// <summary>One of the citizen's dossiers in full: what they sent, where it is, when it is due, what the office said.</summary>
public sealed record MyDossier(
    string Reference, string? Code, string ProcedureCode, string ProcedureName, string OfficeCode, string OfficeName, string Status, string StatusText,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, string? OfficerNote, IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<AttachedDocument> Documents, IReadOnlyList<HistoryItem> History, bool CanWithdraw, bool CanSupplement, int Version)
{
    /// <summary>The received dossier's tracking key (the citizen's own: it opens the public tracking and the rating).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? TrackingKey { get; init; }
}

/// <summary>
/// The citizen's side of online dossiers: apply (once-only: what the store knows fills the form, a correction is kept
/// as the citizen's own observation), save a draft, follow, withdraw before the office receives it, complete what the
/// office asked for. Every query is the caller's own: another citizen's reference reads as missing.
/// </summary>
public sealed partial class Applications(
    AppDbContext db, CatalogReader catalog, UnitTree units, CitizenRecords records, CitizenIntake citizens, DocumentStore documents, DossierStore dossiers,
    DossierReader reader, TimeProvider clock) : ICitizenDossiers
{
    public const int MaxAnswers = 60;
    public const int MaxAnswerLength = 2000;
    public const int MaxDocuments = 30;

    public async Task<Result<SubmittedApplication>> SubmitAsync(ApplicationRequest request, ClaimsPrincipal user, string? idempotencyKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = Me(user);
        if (idempotencyKey is { Length: > 100 })
        {
            return Failure.Invalid("Idempotency-Key", Texts.Get("Common.TooLong"));
        }

        if (idempotencyKey is { Length: > 0 } key
            && await db.Set<OnlineApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == me.AccountId && a.IdempotencyKey == key, ct) is { } earlier)
        {
            return new SubmittedApplication(earlier.Reference, EnumNames.Of(earlier.Status));
        }

        var checkedRequest = await CheckAsync(request, me, forDraft: false, ct);
        if (checkedRequest.Failure is { } failure)
        {
            return failure;
        }

        var (version, office, answers, attached) = checkedRequest.Value!;
        var now = clock.GetUtcNow();
        var application = new OnlineApplication
        {
            Reference = OnlineApplication.NewReference(), AccountId = me.AccountId, IdNumber = me.IdNumber, ProcedureCode = version.Code, ProcedureName = version.Name,
            OfficeId = office.Id, OfficeCode = office.Code, Status = ApplicationStatus.Submitted, Answers = answers, Documents = attached,
            CreatedAt = now, UpdatedAt = now, SubmittedAt = now, FirstSubmittedAt = now, IdempotencyKey = idempotencyKey is { Length: > 0 } ? idempotencyKey : null,
            History = [new ApplicationStep(now, "submitted")],
        };
        // The application, what it tells the store and the message to the citizen: one transaction, all or nothing.
        await using (var tx = await WriteTransaction.BeginAsync(db, ct))
        {
            db.Add(application);
            TellSubmitted(application, office, now);
            try
            {
                await db.SaveChangesAsync(ct);
                await ObserveAsync(me.IdNumber, answers, ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException) when (application.IdempotencyKey is not null)
            {
                // The same key raced in from another request: that one won.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        var stored = await db.Set<OnlineApplication>().AsNoTracking()
            .FirstAsync(a => a.AccountId == me.AccountId && (a.Id == application.Id || (application.IdempotencyKey != null && a.IdempotencyKey == application.IdempotencyKey)), ct);
        return new SubmittedApplication(stored.Reference, EnumNames.Of(stored.Status));
    }

    /// <summary>Saves the application as a draft (new, or the caller's draft <paramref name="reference"/>); nothing is required yet.</summary>
    public async Task<Result<SubmittedApplication>> SaveDraftAsync(string? reference, ApplicationRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = Me(user);
        var checkedRequest = await CheckAsync(request, me, forDraft: true, ct);
        if (checkedRequest.Failure is { } failure)
        {
            return failure;
        }

        var (version, office, answers, attached) = checkedRequest.Value!;
        var now = clock.GetUtcNow();
        OnlineApplication? draft = null;
        if (reference is { Length: > 0 })
        {
            draft = await db.Set<OnlineApplication>().FirstOrDefaultAsync(a => a.Reference == reference && a.AccountId == me.AccountId && a.Status == ApplicationStatus.Draft, ct);
            if (draft is null)
            {
                return Failure.NotFound();
            }
        }

        if (draft is null)
        {
            draft = new OnlineApplication
            {
                Reference = OnlineApplication.NewReference(), AccountId = me.AccountId, IdNumber = me.IdNumber, ProcedureCode = version.Code, ProcedureName = version.Name,
                OfficeId = office.Id, OfficeCode = office.Code, Status = ApplicationStatus.Draft, CreatedAt = now,
            };
            db.Add(draft);
        }

        draft.Answers = answers;
        draft.Documents = attached;
        draft.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new SubmittedApplication(draft.Reference, EnumNames.Of(draft.Status));
    }

    /// <summary>
    /// Submits the caller's draft as it was saved, with what <paramref name="request"/> gives instead (checked in
    /// full). A draft sent already answers its status: sending twice sends once.
    /// </summary>
    public async Task<Result<SubmittedApplication>> SubmitDraftAsync(string reference, ApplicationRequest? request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = Me(user);
        var draft = await db.Set<OnlineApplication>().FirstOrDefaultAsync(a => a.Reference == reference && a.AccountId == me.AccountId, ct);
        if (draft is null)
        {
            return Failure.NotFound();
        }

        if (draft.Status != ApplicationStatus.Draft)
        {
            return new SubmittedApplication(draft.Reference, EnumNames.Of(draft.Status));
        }

        // What the request leaves out is the draft's as saved.
        request = new ApplicationRequest(
            request?.ProcedureCode ?? draft.ProcedureCode, request?.Office ?? draft.OfficeCode,
            request?.Answers ?? draft.Answers.ToDictionary(p => p.Key, p => (string?)p.Value),
            request?.Documents ?? [.. draft.Documents.Select(d => new DocumentRef(d.DocumentType, d.DocumentId))]);

        var checkedRequest = await CheckAsync(request, me, forDraft: false, ct);
        if (checkedRequest.Failure is { } failure)
        {
            return failure;
        }

        var (version, office, answers, attached) = checkedRequest.Value!;
        var now = clock.GetUtcNow();
        (draft.ProcedureCode, draft.ProcedureName, draft.OfficeId, draft.OfficeCode) = (version.Code, version.Name, office.Id, office.Code);
        (draft.Answers, draft.Documents, draft.SubmittedAt, draft.FirstSubmittedAt) = (answers, attached, now, now);
        draft.MoveTo(ApplicationStatus.Submitted, now, "submitted");
        TellSubmitted(draft, office, now);
        if (await SaveAndObserveAsync(me.IdNumber, answers, ct) is { } conflict)
        {
            return conflict;
        }

        return new SubmittedApplication(draft.Reference, EnumNames.Of(draft.Status));
    }

    /// <summary>The caller's applications and the dossiers received for them, newest first.</summary>
    public async Task<IReadOnlyList<MyDossierItem>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = Me(user);
        var applications = await db.Set<OnlineApplication>().AsNoTracking().Where(a => a.AccountId == me.AccountId).OrderByDescending(a => a.UpdatedAt).Take(200)
            .Select(a => new { a.Reference, a.DossierCode, a.ProcedureCode, a.ProcedureName, a.Status, a.UpdatedAt, a.SubmittedAt }).ToListAsync(ct);
        var items = new List<MyDossierItem>();
        var online = applications.Where(a => a.DossierCode is not null).Select(a => a.DossierCode!).ToHashSet();
        var received = new Dictionary<string, DossierRow>();
        if (await records.FindIdAsync(me.IdNumber, ct) is { } citizenId)
        {
            foreach (var d in await dossiers.Rows.Where(d => d.CitizenId == citizenId).OrderByDescending(d => d.ReceivedAt).Take(200).ToListAsync(ct))
            {
                received[d.Code] = d;
            }
        }

        foreach (var a in applications)
        {
            if (a.DossierCode is { } code && received.TryGetValue(code, out var d))
            {
                items.Add(new MyDossierItem(a.Reference, code, d.ProcedureCode, d.ProcedureName, DossierReader.Status(d.Status), Vn(d.ReceivedAt), Vn(d.DueAt), true));
            }
            else
            {
                items.Add(new MyDossierItem(a.Reference, a.DossierCode, a.ProcedureCode, a.ProcedureName, EnumNames.Of(a.Status), Vn(a.SubmittedAt ?? a.UpdatedAt), null, true));
            }
        }

        items.AddRange(received.Values.Where(d => !online.Contains(d.Code))
            .Select(d => new MyDossierItem(d.Code, d.Code, d.ProcedureCode, d.ProcedureName, DossierReader.Status(d.Status), Vn(d.ReceivedAt), Vn(d.DueAt), d.Channel == DossierChannel.Online)));
        return [.. items.OrderByDescending(i => i.At)];
    }

    public async Task<CitizenDossierRef?> FindAsync(string reference, ClaimsPrincipal citizen, CancellationToken ct = default)
    {
        var me = Me(citizen);
        reference = reference.Trim().ToUpperInvariant();
        if (await db.Set<OnlineApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == me.AccountId && (a.Reference == reference || a.DossierCode == reference), ct) is { } application)
        {
            return new CitizenDossierRef(application.Reference, application.DossierCode);
        }

        return await OwnDossierAsync(reference, me, ct) ? new CitizenDossierRef(reference, reference) : null;
    }

    /// <summary>One of the caller's dossiers, by its reference or its code; null for anything that is not theirs.</summary>
    public async Task<MyDossier?> ReadAsync(string reference, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = Me(user);
        reference = reference.Trim().ToUpperInvariant();
        var application = await db.Set<OnlineApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == me.AccountId && (a.Reference == reference || a.DossierCode == reference), ct);
        var code = application?.DossierCode ?? (application is null ? reference : null);
        DossierRow? dossier = null;
        if (code is not null && DossierCode.LooksValid(code) && await records.FindIdAsync(me.IdNumber, ct) is { } citizenId)
        {
            dossier = await dossiers.Rows.FirstOrDefaultAsync(d => d.Code == code && d.CitizenId == citizenId, ct);
        }

        if (application is null && dossier is null)
        {
            return null;
        }

        var office = await units.FindAsync(dossier?.OfficeId ?? application!.OfficeId, ct);
        var history = new List<HistoryItem>();
        if (application is not null)
        {
            history.AddRange(ApplicationHistory(application));
        }

        if (dossier is not null && await reader.PublicAsync(dossier.Code, dossier.TrackingKey, ct) is { } tracked)
        {
            history.AddRange(tracked.History.Select(e => new HistoryItem(e.At, e.Action, e.Text)));
        }

        var status = dossier is not null ? DossierReader.Status(dossier.Status) : EnumNames.Of(application!.Status);
        var statusText = dossier is not null ? DossierReader.StatusText(dossier.Status) : Texts.Get("Portal.Status." + status);
        return new MyDossier(
            application?.Reference ?? dossier!.Code, dossier?.Code, dossier?.ProcedureCode ?? application!.ProcedureCode, dossier?.ProcedureName ?? application!.ProcedureName,
            office?.Code ?? "", office?.Name ?? "", status, statusText, application?.FirstSubmittedAt is { } s ? Vn(s) : null,
            dossier is not null ? Vn(dossier.ReceivedAt) : null, dossier is not null ? Vn(dossier.DueAt) : null,
            application?.Status is ApplicationStatus.SupplementRequested or ApplicationStatus.Refused ? application.OfficerNote : null,
            application?.Answers ?? [], application?.Documents ?? [], [.. history.OrderBy(h => h.At)],
            application?.Status is ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.SupplementRequested,
            application?.Status is ApplicationStatus.SupplementRequested, application?.Version ?? 0)
        {
            TrackingKey = dossier is null ? null : TrackingKeys.Display(dossier.TrackingKey),
        };
    }

    /// <summary>The caller's own application record (not a draft of anyone else's); null otherwise.</summary>
    public Task<OnlineApplication?> FindOwnAsync(string reference, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = Me(user);
        return db.Set<OnlineApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == me.AccountId && a.Reference == reference, ct);
    }

    /// <summary>Withdraws the caller's application before the office has received it (after that, the office stops a dossier on the citizen's written request).</summary>
    public async Task<Failure?> WithdrawAsync(string reference, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = Me(user);
        var application = await db.Set<OnlineApplication>().FirstOrDefaultAsync(a => a.AccountId == me.AccountId && (a.Reference == reference || a.DossierCode == reference), ct);
        if (application is null)
        {
            return await OwnDossierAsync(reference, me, ct) ? Failure.Conflict(Texts.Get("Portal.WithdrawReceived")) : Failure.NotFound();
        }

        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.SupplementRequested))
        {
            return Failure.Conflict(application.Status == ApplicationStatus.Accepted ? Texts.Get("Portal.WithdrawReceived") : Texts.Get("Portal.AlreadyClosed", Texts.Get("Portal.Status." + EnumNames.Of(application.Status))));
        }

        application.MoveTo(ApplicationStatus.Withdrawn, clock.GetUtcNow(), "withdrawn");
        return await SaveOrConflictAsync(ct);
    }

    /// <summary>Completes what the office asked for: the answers and documents given replace those sent, and the application goes back to the office.</summary>
    public async Task<Failure?> SupplementAsync(string reference, ApplicationRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = Me(user);
        var application = await db.Set<OnlineApplication>().FirstOrDefaultAsync(a => a.AccountId == me.AccountId && a.Reference == reference, ct);
        if (application is null)
        {
            return Failure.NotFound();
        }

        if (application.Status != ApplicationStatus.SupplementRequested)
        {
            return Failure.Conflict(Texts.Get("Portal.NoSupplementAsked"));
        }

        var merged = new ApplicationRequest(
            application.ProcedureCode, application.OfficeCode,
            application.Answers.ToDictionary(p => p.Key, p => (string?)p.Value).Concat(request.Answers ?? []).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            request.Documents is { Count: > 0 } more ? [.. application.Documents.Select(d => new DocumentRef(d.DocumentType, d.DocumentId)), .. more] : [.. application.Documents.Select(d => new DocumentRef(d.DocumentType, d.DocumentId))]);
        var checkedRequest = await CheckAsync(merged, me, forDraft: false, ct);
        if (checkedRequest.Failure is { } failure)
        {
            return failure;
        }

        var (_, _, answers, attached) = checkedRequest.Value!;
        var now = clock.GetUtcNow();
        (application.Answers, application.Documents, application.SubmittedAt) = (answers, attached, now);
        application.MoveTo(ApplicationStatus.Submitted, now, "supplemented");
        return await SaveAndObserveAsync(me.IdNumber, answers, ct);
    }

    /// <summary>The message that the application went to the office (in the portal, and by e-mail when the form gives one).</summary>
    private void TellSubmitted(OnlineApplication application, UnitInfo office, DateTimeOffset now) =>
        Outbox.ToCitizen(db, new CitizenContact(application.IdNumber, application.Answers.GetValueOrDefault("applicant.email"), null), $"{application.Reference}/submitted",
            $"Đã gửi hồ sơ trực tuyến {application.Reference}",
            $"Hồ sơ \"{application.ProcedureName}\" đã được gửi đến {office.Name}. Cán bộ Một cửa sẽ kiểm tra và thông báo tiếp nhận hoặc yêu cầu bổ sung.", null, now);

    /// <summary>The application's change and what it tells the citizen's store: one transaction, all or nothing.</summary>
    private async Task<Failure?> SaveAndObserveAsync(string idNumber, Dictionary<string, string> answers, CancellationToken ct)
    {
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await SaveOrConflictAsync(ct) is { } conflict)
        {
            return conflict;
        }

        await ObserveAsync(idNumber, answers, ct);
        await tx.CommitAsync(ct);
        return null;
    }

    private async Task<Failure?> SaveOrConflictAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Texts.Get("Portal.ChangedMeanwhile"));
        }
    }

    private async Task<bool> OwnDossierAsync(string code, (Guid AccountId, string IdNumber) me, CancellationToken ct) =>
        DossierCode.LooksValid(code) && await records.FindIdAsync(me.IdNumber, ct) is { } citizenId && await dossiers.Rows.AnyAsync(d => d.Code == code && d.CitizenId == citizenId, ct);

    /// <summary>What happened to the application before it became a dossier, in words.</summary>
    private static IEnumerable<HistoryItem> ApplicationHistory(OnlineApplication a) =>
        a.History.Select(h => new HistoryItem(Vn(h.At), h.What, Texts.Get("Portal.History." + h.What)));

    /// <summary>
    /// Checks an application against its procedure and office: the form's fields (prefilled from the store where the
    /// citizen left them empty), formats, documents that are the caller's own and named by the procedure.
    /// </summary>
    private async Task<Result<(ProcedureVersion Version, UnitInfo Office, Dictionary<string, string> Answers, List<AttachedDocument> Documents)>> CheckAsync(
        ApplicationRequest request, (Guid AccountId, string IdNumber) me, bool forDraft, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ProcedureCode))
        {
            errors["procedureCode"] = [Texts.Get("Intake.ProcedureRequired")];
        }

        if (string.IsNullOrWhiteSpace(request.Office))
        {
            errors["office"] = [Texts.Get("Portal.OfficeRequired")];
        }

        if (request.Answers is { Count: > MaxAnswers })
        {
            errors["answers"] = [Texts.Get("Portal.TooManyAnswers", MaxAnswers)];
        }

        if (request.Documents is { Count: > MaxDocuments })
        {
            errors["documents"] = [Texts.Get("Portal.TooManyDocuments", MaxDocuments)];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var today = VietnamTime.Today(clock);
        var version = await catalog.VersionInForceAsync(request.ProcedureCode!.Trim(), today, ct);
        if (version is null)
        {
            return Failure.NotFound(Texts.Get("Intake.UnknownProcedureTitle"), "procedureCode", Texts.Get("Portal.UnknownProcedure", request.ProcedureCode.Trim()));
        }

        var office = await units.FindByCodeAsync(request.Office!.Trim(), ct);
        if (office is null || !office.ReceivesDossiers || !office.IsValidOn(today))
        {
            return Failure.Invalid("office", Texts.Get("Portal.UnknownOffice", request.Office.Trim()));
        }

        if (!OnlineOffer.Offered(version, office))
        {
            return Failure.Conflict(Texts.Get("Portal.NotOfferedOnline", version.Name, office.Name), Texts.Get("Portal.NotOfferedOnlineTitle"), "office");
        }

        var fields = version.FormFields.ToDictionary(f => f.Key);
        var known = await PrefillAsync(me.IdNumber, ct);
        var answers = new Dictionary<string, string>();
        foreach (var (key, value) in request.Answers ?? [])
        {
            if (!fields.TryGetValue(key, out var field))
            {
                errors[$"answers.{Cut(key)}"] = [Texts.Get("Portal.NotAField")];
            }
            else if (value is { Length: > MaxAnswerLength })
            {
                errors[$"answers.{key}"] = [Texts.Get("Portal.AnswerTooLong", field.Label, MaxAnswerLength)];
            }
            else if (!string.IsNullOrWhiteSpace(value))
            {
                answers[key] = value.Trim().Normalize(System.Text.NormalizationForm.FormC);
            }
        }

        foreach (var field in version.FormFields)
        {
            // Once only: what the store already knows fills what the citizen left empty.
            if (!answers.ContainsKey(field.Key) && field.Source is { } source && known.TryGetValue(source, out var value))
            {
                answers[field.Key] = value;
            }

            if (!forDraft && field.Required && !answers.ContainsKey(field.Key))
            {
                errors[$"answers.{field.Key}"] = [Texts.Get("Portal.AnswerRequired", field.Label)];
            }
        }

        answers["applicant.idNumber"] = me.IdNumber; // the account's number: nobody applies in another's name
        if (request.Answers?.GetValueOrDefault("applicant.idNumber") is { Length: > 0 } given && given.Trim() != me.IdNumber)
        {
            errors["answers.applicant.idNumber"] = [Texts.Get("Portal.NotYourIdNumber")];
        }

        if (answers.GetValueOrDefault("applicant.dateOfBirth") is { } dob && !DateOnly.TryParseExact(dob, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors["answers.applicant.dateOfBirth"] = [Texts.Get("Portal.DateInvalid")];
        }

        if (EmailAddress.Error(answers.GetValueOrDefault("applicant.email")) is { } emailError)
        {
            errors["answers.applicant.email"] = [emailError];
        }

        if (answers.GetValueOrDefault("applicant.phone") is { } phone && !PhoneFormat().IsMatch(phone))
        {
            errors["answers.applicant.phone"] = [Texts.Get("Intake.PhoneInvalid")];
        }

        var types = version.Documents.Select(d => d.DocumentType).ToHashSet();
        var attached = new List<AttachedDocument>();
        var citizenId = await records.FindIdAsync(me.IdNumber, ct);
        foreach (var (d, i) in (request.Documents ?? []).Select((d, i) => (d, i)))
        {
            if (d?.DocumentId is not { } id || string.IsNullOrWhiteSpace(d.DocumentType))
            {
                errors[$"documents[{i}]"] = [Texts.Get("Portal.DocumentIncomplete")];
                continue;
            }

            if (!types.Contains(d.DocumentType.Trim()))
            {
                errors[$"documents[{i}].documentType"] = [Texts.Get("Portal.DocumentNotAsked", d.DocumentType.Trim())];
                continue;
            }

            // A document that is not the caller's reads as missing, as another citizen's reference does.
            if (citizenId is null || await documents.FindAsync(id, ct) is not { } file || file.CitizenId != citizenId)
            {
                return Failure.NotFound(Texts.Get("Problem.NotFound"), $"documents[{i}].documentId", Texts.Get("Portal.DocumentNotFound"));
            }

            if (attached.All(a => a.DocumentId != id))
            {
                attached.Add(new AttachedDocument(d.DocumentType.Trim(), id));
            }
        }

        return errors.Count > 0 ? Failure.Invalid(errors) : (version, office, answers, attached);
    }

    /// <summary>What the citizen store knows of the applicant, by the form fields' source names (<c>applicant.fullName</c>, …).</summary>
    public async Task<Dictionary<string, string>> PrefillAsync(string idNumber, CancellationToken ct = default)
    {
        var known = new Dictionary<string, string>();
        if (await records.OwnAsync(idNumber, ct) is not { } own)
        {
            return known;
        }

        foreach (var field in own.Fields.Where(f => f.Value is not null))
        {
            known["applicant." + field.Field] = field.Value!;
        }

        known["applicant.idNumber"] = idNumber;
        return known;
    }

    /// <summary>The applicant fields the citizen gave, as their own observation in the store (a changed identity stays a conflict for an officer).</summary>
    private async Task ObserveAsync(string idNumber, Dictionary<string, string> answers, CancellationToken ct)
    {
        DateOnly? dob = DateOnly.TryParseExact(answers.GetValueOrDefault("applicant.dateOfBirth"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        await citizens.FromCitizenAsync(new CitizenObservation(idNumber, answers.GetValueOrDefault("applicant.fullName"), dob, null,
            answers.GetValueOrDefault("applicant.address"), answers.GetValueOrDefault("applicant.phone"), answers.GetValueOrDefault("applicant.email")), ct);
    }

    public static (Guid AccountId, string IdNumber) Me(ClaimsPrincipal user) =>
        (AccountClaims.AccountId(user) ?? throw new InvalidOperationException("A citizen route without an account."),
         AccountClaims.CitizenIdNumber(user) ?? throw new InvalidOperationException("A citizen route without an ID number."));

    private static string Cut(string key) => key.Length > 60 ? key[..60] : key;

    private static DateTimeOffset Vn(DateTimeOffset at) => VietnamTime.ToVietnam(at);

    [GeneratedRegex(ApplicantData.PhonePattern)]
    private static partial Regex PhoneFormat();
}

/// <summary>Whether a procedure is offered online at an office: the office receives its dossiers, and the procedure has an online service.</summary>
public static class OnlineOffer
{
    public static bool Offered(ProcedureVersion version, UnitInfo office)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(office);
        return version.OnlineLevel is "full" or "partial" && office.ReceivesDossiers
            && (version.Receiving != "listed" || version.AcceptingOffices.Contains(office.Code));
    }
}
