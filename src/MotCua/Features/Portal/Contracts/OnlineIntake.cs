using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Portal.Contracts;

/// <summary>An online application as the officer checks it: everything the citizen sent, with the form's labels.</summary>
public sealed record OnlineApplicationView(
    string Reference, string Status, string ProcedureCode, string ProcedureName, string OfficeCode, string IdNumber, string ApplicantName,
    DateTimeOffset SubmittedAt, IReadOnlyList<AnswerView> Answers, IReadOnlyList<DocumentView> Documents, string? OfficerNote, string? DossierCode, int Version);

/// <summary>A document the application carries, named as the procedure names it.</summary>
public sealed record DocumentView(string DocumentType, string Name, Guid DocumentId);

public sealed record AnswerView(string Key, string Label, string Value);

/// <summary>The officer's decision on an online application: the version read, and for a supplement or a refusal what to tell the citizen.</summary>
public sealed record OnlineDecision(int? ExpectedVersion, string? Note);

/// <summary>
/// The office's side of online applications: they wait at its intake; a one-stop officer of the office checks one
/// and receives it (the dossier gets its code, the legal time runs from the submission, the citizen is told), asks
/// for a supplement (form 02, the citizen completes it in the portal) or refuses it (form 03). Reading an
/// application shows the applicant's data, so the read is written in the citizen's access log.
/// </summary>
public sealed class OnlineIntake(
    AppDbContext db, UnitScope scope, UnitTree units, CatalogReader catalog, CitizenRecords records, DossierIntake intake, StaffDirectory staff, TimeProvider clock) : IOnlineWaiting
{
    public async Task<IReadOnlyList<WaitingApplication>> WaitingAsync(ClaimsPrincipal user, int limit, CancellationToken ct = default)
    {
        var offices = (await scope.VisibleUnitIdsAsync(user, ct)).ToArray();
        return await db.Set<OnlineApplication>().AsNoTracking()
            .Where(a => offices.Contains(a.OfficeId) && a.Status == ApplicationStatus.Submitted)
            .OrderBy(a => a.SubmittedAt).Take(limit)
            .Select(a => new WaitingApplication(a.Reference, a.ProcedureCode, a.ProcedureName, a.Answers, a.SubmittedAt!.Value))
            .ToListAsync(ct);
    }

    public async Task<int> CountWaitingAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var offices = (await scope.VisibleUnitIdsAsync(user, ct)).ToArray();
        return await db.Set<OnlineApplication>().CountAsync(a => offices.Contains(a.OfficeId) && a.Status == ApplicationStatus.Submitted, ct);
    }

    /// <summary>The application for an officer of its office (null outside their units), its read logged.</summary>
    public async Task<OnlineApplicationView?> ReadAsync(string reference, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(reference, user, ct) is not { } a)
        {
            return null;
        }

        if (await records.FindIdAsync(a.IdNumber, ct) is { } citizenId)
        {
            await records.LogAsync(user, citizenId, "online-application", $"Kiểm tra hồ sơ trực tuyến {a.Reference}", a.DossierCode, ct);
        }

        var version = await catalog.VersionInForceAsync(a.ProcedureCode, VietnamTime.Today(clock), ct);
        var fields = version?.FormFields ?? [];
        var names = version?.Documents.ToDictionary(d => d.DocumentType, d => d.Name) ?? [];
        return new OnlineApplicationView(
            a.Reference, EnumNames.Of(a.Status), a.ProcedureCode, a.ProcedureName, a.OfficeCode, a.IdNumber, a.Answers.GetValueOrDefault("applicant.fullName") ?? "",
            VietnamTime.ToVietnam(a.FirstSubmittedAt ?? a.SubmittedAt ?? a.CreatedAt),
            [.. fields.Where(f => a.Answers.ContainsKey(f.Key)).Select(f => new AnswerView(f.Key, f.Label, Answers.Display(f.Key, a.Answers[f.Key])))],
            [.. a.Documents.Select(d => new DocumentView(d.DocumentType, names.GetValueOrDefault(d.DocumentType, d.DocumentType), d.DocumentId))], a.OfficerNote, a.DossierCode, a.Version);
    }

    /// <summary>A document the application carries, for the officer checking it (logged as a read of the citizen's data); null otherwise.</summary>
    public async Task<(Stream Content, string Reference)?> DocumentAsync(string reference, Guid documentId, ClaimsPrincipal user, DocumentStore documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (await FindAsync(reference, user, ct) is not { } a || a.Documents.All(d => d.DocumentId != documentId)
            || await documents.FindAsync(documentId, ct) is not { } file || documents.Open(file.FileSha256) is not { } content)
        {
            return null;
        }

        if (await records.FindIdAsync(a.IdNumber, ct) is { } citizenId)
        {
            await records.LogAsync(user, citizenId, $"document:{documentId}", $"Kiểm tra hồ sơ trực tuyến {a.Reference}", a.DossierCode, ct);
        }

        return (content, a.Reference);
    }

    /// <summary>Receives the application as a dossier of its office, from the time it was submitted; a second acceptance returns the same dossier.</summary>
    public async Task<Result<IDossier>> AcceptAsync(string reference, OnlineDecision decision, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (await FindAsync(reference, user, ct) is not { } a)
        {
            return Failure.NotFound();
        }

        if (Stale(a, decision) is { } stale)
        {
            return stale;
        }

        if (a.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Accepted))
        {
            return Failure.Conflict(Texts.Get("Portal.NotWaiting", Texts.Get("Portal.Status." + EnumNames.Of(a.Status))));
        }

        var version = await catalog.VersionInForceAsync(a.ProcedureCode, VietnamTime.Today(clock), ct);
        var names = version?.Documents.ToDictionary(d => d.DocumentType, d => d) ?? [];
        DateOnly? dob = DateOnly.TryParseExact(a.Answers.GetValueOrDefault("applicant.dateOfBirth"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var request = new AcceptDossier(
            a.ProcedureCode, DossierChannel.Online,
            new ApplicantData(a.IdNumber, a.Answers.GetValueOrDefault("applicant.fullName"), dob, a.Answers.GetValueOrDefault("applicant.address"),
                a.Answers.GetValueOrDefault("applicant.phone"), a.Answers.GetValueOrDefault("applicant.email")),
            null, a.OfficeCode,
            [.. a.Documents.Select(x => new ReceivedDocument
            {
                Name = names.TryGetValue(x.DocumentType, out var n) ? n.Name : x.DocumentType, DocumentType = x.DocumentType,
                Originals = names.TryGetValue(x.DocumentType, out var m) ? m.Originals : 0, Copies = m?.Copies ?? 0, How = "store", DocumentId = x.DocumentId,
            })]);
        var received = await intake.AcceptOnlineAsync(request, a.FirstSubmittedAt ?? a.SubmittedAt ?? a.CreatedAt, user, a.Id, ct);
        if (received.Value is not { } dossier)
        {
            return received.Failure!;
        }

        if (a.Status != ApplicationStatus.Accepted)
        {
            var tracked = await db.Set<OnlineApplication>().FirstAsync(x => x.Id == a.Id, ct);
            (tracked.DossierCode, tracked.DecidedBy, tracked.DecidedAt) = (dossier.Code, user.Identity?.Name, clock.GetUtcNow());
            tracked.MoveTo(ApplicationStatus.Accepted, clock.GetUtcNow(), null); // the dossier's own history says it was received
            await db.SaveChangesAsync(ct);
        }

        return received;
    }

    /// <summary>Sends the application back to the citizen with one complete list of what is missing (form 02).</summary>
    public Task<Failure?> RequestSupplementAsync(string reference, OnlineDecision decision, ClaimsPrincipal user, CancellationToken ct = default) =>
        DecideAsync(reference, decision, ApplicationStatus.SupplementRequested, user, ct);

    /// <summary>Refuses the application, with the reason (form 03).</summary>
    public Task<Failure?> RefuseAsync(string reference, OnlineDecision decision, ClaimsPrincipal user, CancellationToken ct = default) =>
        DecideAsync(reference, decision, ApplicationStatus.Refused, user, ct);

    /// <summary>Form 02 or 03 of a decided application, signed by the officer's name; null when it has none.</summary>
    public async Task<byte[]?> GuidancePdfAsync(OnlineApplication a, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Status is not (ApplicationStatus.SupplementRequested or ApplicationStatus.Refused) || a.DecidedAt is not { } at)
        {
            return null;
        }

        var (parent, office, place) = await units.FormHeaderAsync(a.OfficeId, ct);
        var officer = a.DecidedBy is { } by ? (await staff.FullNamesAsync([by], ct)).GetValueOrDefault(by, "") : "";
        var refusal = a.Status == ApplicationStatus.Refused;
        return GuidancePdf.Render(new GuidanceData(
            refusal, a.Reference, parent, office, a.Answers.GetValueOrDefault("applicant.fullName") ?? "", a.ProcedureName,
            refusal ? [] : [new MissingItem(a.OfficerNote ?? "", 0, 0, null)], refusal ? a.OfficerNote : null, officer, at, place));
    }

    private async Task<Failure?> DecideAsync(string reference, OnlineDecision decision, ApplicationStatus to, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (await FindAsync(reference, user, ct) is not { } found)
        {
            return Failure.NotFound();
        }

        if (string.IsNullOrWhiteSpace(decision.Note))
        {
            return Failure.Invalid("note", Texts.Get(to == ApplicationStatus.Refused ? "Intake.RefusalReasonRequired" : "Portal.SupplementNoteRequired"));
        }

        if (decision.Note.Length > 2000)
        {
            return Failure.Invalid("note", Texts.Get("Common.TooLong"));
        }

        if (Stale(found, decision) is { } stale)
        {
            return stale;
        }

        if (found.Status != ApplicationStatus.Submitted)
        {
            return Failure.Conflict(Texts.Get("Portal.NotWaiting", Texts.Get("Portal.Status." + EnumNames.Of(found.Status))));
        }

        var a = await db.Set<OnlineApplication>().FirstAsync(x => x.Id == found.Id, ct);
        var now = clock.GetUtcNow();
        (a.OfficerNote, a.DecidedBy, a.DecidedAt) = (decision.Note.Trim(), user.Identity?.Name, now);
        a.MoveTo(to, now, EnumNames.Of(to));
        var office = await units.FindAsync(a.OfficeId, ct);
        var email = a.Answers.GetValueOrDefault("applicant.email");
        Outbox.ToCitizen(db, new CitizenContact(a.IdNumber, email, a.Answers.GetValueOrDefault("applicant.phone")), $"{a.Reference}/{EnumNames.Of(to)}/{a.Version}",
            to == ApplicationStatus.Refused ? $"Hồ sơ trực tuyến {a.Reference} không được tiếp nhận" : $"Hồ sơ trực tuyến {a.Reference} cần bổ sung",
            to == ApplicationStatus.Refused
                ? $"{office?.Name} không tiếp nhận hồ sơ \"{a.ProcedureName}\". Lý do: {a.OfficerNote}"
                : $"{office?.Name} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ \"{a.ProcedureName}\": {a.OfficerNote}. Vui lòng bổ sung trên Cổng dịch vụ công.",
            null, now);
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

    private static Failure? Stale(OnlineApplication a, OnlineDecision decision) =>
        decision.ExpectedVersion is { } expected && expected != a.Version ? Failure.Conflict(Texts.Get("Portal.ChangedMeanwhile")) : null;

    /// <summary>The application at one of the caller's offices; a draft is the citizen's alone.</summary>
    private async Task<OnlineApplication?> FindAsync(string reference, ClaimsPrincipal user, CancellationToken ct)
    {
        var offices = (await scope.VisibleUnitIdsAsync(user, ct)).ToArray();
        reference = reference.Trim().ToUpperInvariant();
        return await db.Set<OnlineApplication>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Reference == reference && offices.Contains(a.OfficeId) && a.Status != ApplicationStatus.Draft, ct);
    }
}
