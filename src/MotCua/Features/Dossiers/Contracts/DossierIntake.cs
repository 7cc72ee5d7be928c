using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>The applicant as the counter or the portal declares them; the number and e-mail are checked by their own rules.</summary>
public sealed record ApplicantData(
    string? IdNumber,
    [property: Required(ErrorMessage = "Intake.FullNameRequired"), MaxLength(200, ErrorMessage = "Intake.FullNameTooLong")] string? FullName,
    DateOnly? DateOfBirth,
    [property: MaxLength(500, ErrorMessage = "Intake.AddressTooLong")] string? Address,
    [property: RegularExpression(ApplicantData.PhonePattern, ErrorMessage = "Intake.PhoneInvalid")] string? Phone,
    string? Email) : IValidatableObject
{
    /// <summary>What a phone number may look like: digits, spaces, dots, dashes and a leading plus, at most 20.</summary>
    public const string PhonePattern = @"^\s*[0-9+. -]{0,20}\s*$";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CitizenIdNumber.FormatError(IdNumber?.Trim()) is { } idError)
        {
            yield return new(idError, [nameof(IdNumber)]);
        }

        if (EmailAddress.Error(Email) is { } emailError)
        {
            yield return new(emailError, [nameof(Email)]);
        }
    }
}

/// <summary>A dossier to receive (<c>POST /api/dossiers</c>): its shape's rules are declared here; the office, the date and who may backdate are the intake's.</summary>
public sealed record AcceptDossier(
    [property: Required(ErrorMessage = "Intake.ProcedureRequired")] string? ProcedureCode,
    [property: EnumDataType(typeof(DossierChannel), ErrorMessage = "Intake.ChannelInvalid")] DossierChannel Channel,
    [property: Required(ErrorMessage = "Intake.ApplicantRequired")] ApplicantData? Applicant,
    DateTimeOffset? ReceivedAt,
    string? Office = null,
    [property: MaxLength(DossierIntake.MaxDocuments, ErrorMessage = "Intake.TooManyDocuments")] IReadOnlyList<ReceivedDocument>? Documents = null);

/// <summary>
/// Receives a dossier: checks the request, picks the procedure version in force on the receipt date, computes
/// the appointment from the calendar and the office's hours, issues the code, and writes the dossier, its first
/// event, the idempotency record and the applicant's data in the citizen store in one transaction: all of it is
/// acknowledged, or none of it exists.
/// </summary>
public sealed class DossierIntake(
    AppDbContext db, CatalogReader catalog, ICalendar calendars, OfficeHoursReader hours, UnitTree units, UnitScope scope, CitizenIntake citizens, PublicLinks links, DomainEvents events,
    Microsoft.Extensions.Options.IOptions<IntakeOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public Task<Result<IDossier>> AcceptAsync(AcceptDossier request, ClaimsPrincipal user, string? idempotencyKey, CancellationToken ct = default) =>
        AcceptAsync(request, user, idempotencyKey, submittedOnline: null, idempotencyOwner: null, ct);

    /// <summary>
    /// Receives a dossier the citizen submitted online at <paramref name="submittedAt"/>, once the officer has checked
    /// it: the legal time runs from the submission (one made out of office hours counts from the next working day, as
    /// the calendar counts any receipt), not from the check. The application is the key's owner, so that a second
    /// acceptance, by any officer, returns the same dossier.
    /// </summary>
    public Task<Result<IDossier>> AcceptOnlineAsync(AcceptDossier request, DateTimeOffset submittedAt, ClaimsPrincipal user, Guid applicationId, CancellationToken ct = default) =>
        AcceptAsync(request with { Channel = DossierChannel.Online, ReceivedAt = null }, user, "online-application", submittedAt, applicationId, ct);

    private async Task<Result<IDossier>> AcceptAsync(
        AcceptDossier request, ClaimsPrincipal user, string? idempotencyKey, DateTimeOffset? submittedOnline, Guid? idempotencyOwner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accountId = idempotencyOwner ?? AccountClaims.AccountId(user) ?? Guid.Empty;
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonDefaults.Web)));
        if (idempotencyKey is { Length: > 0 } key && await RepeatAsync(accountId, key, requestHash, ct) is { } repeated)
        {
            return repeated;
        }

        var now = clock.GetUtcNow();
        var errors = RequestRules.Errors(request);
        var applicant = request.Applicant;
        if (applicant?.DateOfBirth is { } dob && DateOnly.FromDateTime(now.DateTime) < dob)
        {
            errors["applicant.dateOfBirth"] = [Texts.Get("Intake.BirthInFuture")];
        }

        var receivedAt = submittedOnline ?? request.ReceivedAt ?? now;
        var backdated = submittedOnline is null && receivedAt < now - AllowedClockSkew;
        if (receivedAt > now + AllowedClockSkew)
        {
            errors["receivedAt"] = [Texts.Get("Intake.ReceivedInFuture")];
        }
        else if (backdated && receivedAt < now.AddDays(-options.Value.BackdateDays))
        {
            errors["receivedAt"] = [Texts.Get("Intake.BackdateTooFar", options.Value.BackdateDays)];
        }
        else if (backdated && !user.IsInRole(Roles.Leader) && !(options.Value.OfficersMayBackdate && user.IsInRole(Roles.OneStopOfficer)))
        {
            errors["receivedAt"] = [Texts.Get("Intake.BackdateLeadersOnly")];
        }

        var office = await OfficeAsync(request.Office, user, ct);
        if (office is null)
        {
            errors["office"] = [request.Office is null
                ? Texts.Get("Intake.NoOffice")
                : Texts.Get("Intake.UnknownOffice", request.Office)];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var localDay = DateOnly.FromDateTime(VietnamTime.ToVietnam(receivedAt).DateTime);
        var version = await catalog.VersionInForceAsync(request.ProcedureCode!.Trim(), localDay, ct);
        if (version is null)
        {
            return Failure.NotFound(Texts.Get("Intake.UnknownProcedureTitle"), "procedureCode", Texts.Get("Intake.UnknownProcedure", request.ProcedureCode, localDay));
        }

        if (version.Receiving == "listed" && !version.AcceptingOffices.Contains(office!.Code))
        {
            return Failure.Invalid("procedureCode", Texts.Get("Intake.NotReceivedHere", office.Name));
        }

        var calendar = await calendars.GetAsync(ct);
        var due = calendar.Explain(receivedAt, version.SameDay ? 0 : version.LegalWorkingDays, await hours.ForOfficeAsync(office!.Id, ct));

        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        // The applicant goes into the citizen store first, so that the office's number for the day (a row lock
        // held until commit) is taken as late as possible and other counters wait the least.
        var citizenId = (await citizens.FromDossierAsync(
            new CitizenObservation(applicant!.IdNumber!.Trim(), applicant.FullName, applicant.DateOfBirth, null, applicant.Address, applicant.Phone, applicant.Email),
            user.Identity?.Name, office!.Id, null, ct)).CitizenId;
        var sequence = await DossierCode.NextAsync(db, office.Code, localDay, ct);
        var code = DossierCode.Format(office.Code, localDay, sequence);
        await citizens.HoldsDossierAsync(citizenId, office.Id, code, ct);
        var documents = request.Documents ?? [.. DefaultDocuments(version)];
        var dossier = new Dossier
        {
            Code = code, OfficeId = office.Id, OfficeCode = office.Code, Sequence = sequence,
            ProcedureVersionId = version.Id, ProcedureCode = version.Code, ProcedureName = version.Name, LegalWorkingDays = version.LegalWorkingDays,
            SameDay = version.SameDay, Channel = request.Channel, Status = DossierStatus.Received,
            ApplicantIdNumber = applicant.IdNumber!.Trim(), ApplicantName = applicant.FullName!.Trim().Normalize(NormalizationForm.FormC),
            ApplicantDateOfBirth = applicant.DateOfBirth, ApplicantAddress = applicant.Address?.Trim(), ApplicantPhone = applicant.Phone?.Trim(), ApplicantEmail = applicant.Email?.Trim(),
            ReceivedAt = receivedAt.ToUniversalTime(), DueDate = due.Date, DueAt = due.DueAt.ToUniversalTime(), ReceivedBy = user.Identity?.Name,
            Documents = [.. documents.Select(StoredDocument.From)], Digitised = documents.All(d => d.How != "paper"), Version = 1, CitizenId = citizenId,
        };
        db.Add(dossier);
        var received = DossierEvents.Append(db, dossier.Id, 0, DossierEvents.Genesis, now, DossierEvents.Received, user.Identity?.Name, null, (version.Steps.Count > 0 ? version.Steps[0].Name : null),
            detail: backdated
                ? EventDetail.Of("Event.ReceivedBackdated", ChannelText(request.Channel), EventDetail.Instant(due.DueAt), EventDetail.Instant(receivedAt), EventDetail.Instant(now), EventDetail.Person(user.Identity?.Name ?? ""))
                : EventDetail.Of("Event.Received", ChannelText(request.Channel), EventDetail.Instant(due.DueAt)));
        await events.RaiseAsync(new DossierStepRecorded(dossier, received.Seq, now, DossierEvents.Received, user.Identity?.Name, null, version.Steps.Count > 0 ? version.Steps[0].Name : null, null), ct);
        await events.RaiseAsync(new DossierReceived(dossier.Id, code, dossier.Channel, dossier.ProcedureName, dossier.ReceivedBy, received) { ProcedureVersionId = version.Id }, ct);
        Outbox.ToCitizen(db, new CitizenContact(dossier.ApplicantIdNumber, dossier.ApplicantEmail, dossier.ApplicantPhone), $"{code}/receive",
            $"Hồ sơ {code} đã được tiếp nhận",
            $"{office.Name} đã tiếp nhận hồ sơ \"{version.Name}\" của Ông/Bà lúc {Describe(receivedAt)}. Hẹn trả kết quả: {Describe(due.DueAt)}. Tra cứu bằng mã hồ sơ {code} và mã tra cứu {TrackingKeys.Display(dossier.TrackingKey)}.",
            links.Track(code, dossier.TrackingKey), now);
        if (idempotencyKey is { Length: > 0 } k)
        {
            db.Add(new IdempotencyRecord { AccountId = accountId, Key = k, DossierId = dossier.Id, RequestHash = requestHash, CreatedAt = now });
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is { Length: > 0 })
        {
            // The same key raced in from another request (a double click): that one won; answer with its dossier.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            events.RolledBack();
            if (await RepeatAsync(accountId, idempotencyKey, requestHash, ct) is { } winner)
            {
                return winner;
            }

            throw;
        }

        await events.CommittedAsync(ct);
        return dossier;
    }

    private async Task<Result<IDossier>?> RepeatAsync(Guid accountId, string key, string requestHash, CancellationToken ct)
    {
        var record = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.AccountId == accountId && r.Key == key, ct);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != requestHash)
        {
            return Failure.Conflict(Texts.Get("Intake.KeyReused"), Texts.Get("Intake.KeyReusedTitle"), "Idempotency-Key");
        }

        return await db.Set<Dossier>().AsNoTracking().SingleAsync(d => d.Id == record.DossierId, ct);
    }

    private async Task<UnitInfo?> OfficeAsync(string? code, ClaimsPrincipal user, CancellationToken ct)
    {
        if (code is { Length: > 0 })
        {
            var unit = await units.FindByCodeAsync(code.Trim(), ct);
            var today = VietnamTime.Today(clock);
            return unit is { ReceivesDossiers: true } && unit.IsValidOn(today) && (await scope.VisibleUnitIdsAsync(user, ct)).Contains(unit.Id)
                ? unit
                : null;
        }

        return await scope.CurrentOfficeAsync(user, ct);
    }

    public const int MaxDocuments = 100;

    private static IEnumerable<ReceivedDocument> DefaultDocuments(ProcedureVersion version) =>
        version.Documents.Where(d => d.Required).Select(d => new ReceivedDocument { Name = d.Name, DocumentType = d.DocumentType, Originals = d.Originals, Copies = d.Copies, How = "paper" });

    public static string Describe(DateTimeOffset instant) => VietnamTime.Describe(instant);

    /// <summary>How a dossier came, as an argument of its first event's detail.</summary>
    private static string ChannelText(DossierChannel channel) => EventDetail.Text("Event.Channel." + EnumNames.Of(channel));
}
