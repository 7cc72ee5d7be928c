using System.Globalization;
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

public sealed record ApplicantData(string? IdNumber, string? FullName, DateOnly? DateOfBirth, string? Address, string? Phone, string? Email);

public sealed record AcceptDossier(
    string? ProcedureCode, DossierChannel Channel, ApplicantData? Applicant, DateTimeOffset? ReceivedAt, string? Office = null,
    IReadOnlyList<ReceivedDocument>? Documents = null);

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

    public async Task<Result<IDossier>> AcceptAsync(AcceptDossier request, ClaimsPrincipal user, string? idempotencyKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accountId = AccountClaims.AccountId(user) ?? Guid.Empty;
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonDefaults.Web)));
        if (idempotencyKey is { Length: > 0 } key && await RepeatAsync(accountId, key, requestHash, ct) is { } repeated)
        {
            return repeated;
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var applicant = request.Applicant;
        if (applicant is null)
        {
            errors["applicant"] = [Texts.Get("Intake.ApplicantRequired")];
        }
        else
        {
            if (CitizenIdNumber.FormatError(applicant.IdNumber?.Trim()) is { } idError)
            {
                errors["applicant.idNumber"] = [idError];
            }

            if (string.IsNullOrWhiteSpace(applicant.FullName))
            {
                errors["applicant.fullName"] = [Texts.Get("Intake.FullNameRequired")];
            }
            else if (applicant.FullName.Trim().Length > 200)
            {
                errors["applicant.fullName"] = [Texts.Get("Intake.FullNameTooLong")];
            }

            if (applicant.Address is { Length: > 500 })
            {
                errors["applicant.address"] = [Texts.Get("Intake.AddressTooLong")];
            }

            if (applicant.Phone is { Length: > 0 } phone && (phone.Trim().Length > 20 || !phone.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.' or '-')))
            {
                errors["applicant.phone"] = [Texts.Get("Intake.PhoneInvalid")];
            }

            if (applicant.DateOfBirth is { } dob && DateOnly.FromDateTime(now.DateTime) < dob)
            {
                errors["applicant.dateOfBirth"] = [Texts.Get("Intake.BirthInFuture")];
            }

            if (EmailAddress.Error(applicant.Email) is { } emailError)
            {
                errors["applicant.email"] = [emailError];
            }
        }

        if (!Enum.IsDefined(request.Channel))
        {
            errors["channel"] = [Texts.Get("Intake.ChannelInvalid")];
        }

        if (request.Documents is { } listed)
        {
            if (listed.Count > MaxDocuments)
            {
                errors["documents"] = [Texts.Get("Intake.TooManyDocuments", MaxDocuments)];
            }
            else
            {
                for (var i = 0; i < listed.Count; i++)
                {
                    if (DocumentError(listed[i]) is { } documentError)
                    {
                        errors[$"documents[{i}]"] = [documentError];
                    }
                }
            }
        }

        var receivedAt = request.ReceivedAt ?? now;
        var backdated = receivedAt < now - AllowedClockSkew;
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

        if (string.IsNullOrWhiteSpace(request.ProcedureCode))
        {
            errors["procedureCode"] = [Texts.Get("Intake.ProcedureRequired")];
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
        var received = DossierEvents.Append(db, dossier.Id, 0, DossierEvents.Genesis, now, "receive", user.Identity?.Name, null, (version.Steps.Count > 0 ? version.Steps[0].Name : null),
            $"Tiếp nhận qua {request.Channel.ToString().ToLowerInvariant()}; hẹn trả {due.DueAt:HH:mm dd/MM/yyyy}."
            + (backdated ? $" Ghi lùi: tiếp nhận lúc {Describe(receivedAt)}, nhập vào hệ thống lúc {Describe(now)} bởi {user.Identity?.Name}." : ""));
        await events.RaiseAsync(new DossierReceived(dossier.Id, code, dossier.Channel, dossier.ProcedureName, dossier.ReceivedBy, received), ct);
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

    private static readonly string[] Hows = ["store", "scanned", "paper", "form"];

    private static string? DocumentError(ReceivedDocument? d) =>
        d is null ? Texts.Get("Intake.DocumentEmpty")
        : string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 500 ? Texts.Get("Intake.DocumentName")
        : d.DocumentType.Length > 60 ? Texts.Get("Intake.DocumentType")
        : d.Originals is < 0 or > 50 || d.Copies is < 0 or > 50 ? Texts.Get("Intake.DocumentCopies")
        : !Hows.Contains(d.How) ? Texts.Get("Intake.DocumentHow")
        : null;

    private static IEnumerable<ReceivedDocument> DefaultDocuments(ProcedureVersion version) =>
        version.Documents.Where(d => d.Required).Select(d => new ReceivedDocument { Name = d.Name, DocumentType = d.DocumentType, Originals = d.Originals, Copies = d.Copies, How = "paper" });

    public static string Describe(DateTimeOffset instant) => VietnamTime.ToVietnam(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
