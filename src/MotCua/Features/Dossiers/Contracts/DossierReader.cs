using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>
/// What anyone holding a dossier's code and key may see: no personal data beyond the masked name. <c>DueAt</c> is the
/// appointed time of the result; <c>ResolvedAt</c> when it was decided; the history names what happened, never who or
/// the officers' notes.
/// </summary>
public sealed record PublicDossier(
    string Code, string ProcedureName, string Status, DateTimeOffset ReceivedAt, DateOnly DueDate, string ApplicantName,
    DateTimeOffset DueAt, DateTimeOffset? ResolvedAt, IReadOnlyList<PublicEvent> History, string Channel);

/// <summary>A step of a dossier's public history: the action's code and the step it went to, if any.</summary>
public sealed record PublicEvent(DateTimeOffset At, string Action, string? Step)
{
    /// <summary>The event as the citizen reads it, in the current language.</summary>
    public string Text => Step is { Length: > 0 } step && Action is "forward" or "sendBack"
        ? Texts.Get("Track.Event." + Action, DossierReader.StepText(step))
        : Texts.Get("Track.Event." + Action);
}

public sealed record ApplicantView(string IdNumber, string FullName, DateOnly? DateOfBirth, string? Address, string? Phone, string? Email);

/// <summary>An event of the history: <see cref="Note"/> as typed, <see cref="Detail"/> as stored (<see cref="EventDetail"/>), shown in JSON as words.</summary>
public sealed record EventView(DateTimeOffset At, string Action, string? Actor, string? FromStep, string? ToStep, string? Note, [property: JsonIgnore] string? Detail)
{
    /// <summary>What MotCua wrote beside the event, in the request's language (people by username, as <see cref="Actor"/>).</summary>
    [JsonPropertyName("detail")]
    public string? DetailText => EventDetail.Render(Detail, username => username) is { Length: > 0 } text ? text : null;
}

public sealed record DossierView(
    string Code, string ProcedureCode, string ProcedureName, string Status, string Channel, DateTimeOffset ReceivedAt, DateOnly DueDate, DateTimeOffset DueAt,
    ApplicantView Applicant, int Version, string OfficeCode, IReadOnlyList<ReceivedDocument> Documents, IReadOnlyList<EventView> Events, string TrackingKey);

/// <summary>Reads dossiers within the caller's units (a dossier outside them reads as missing).</summary>
public sealed class DossierReader(AppDbContext db, UnitScope scope, CitizenRecords citizens, IDossierHolders holders)
{
    public async Task<IDossier?> FindAsync(string code, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = (await scope.VisibleUnitIdsAsync(user, ct)).ToArray();
        var held = holders.DossiersHeldBy(visible);
        // A dossier belongs to the office that received it and to every agency that handled part of it
        // (the inter-agency one-stop): the police and social insurance see the dossiers that reached them.
        return await db.Set<Dossier>().AsNoTracking().FirstOrDefaultAsync(
            d => d.Code == code && (visible.Contains(d.OfficeId) || held.Any(id => id == d.Id)), ct);
    }

    /// <summary>The dossier with its applicant's data, for the caller: the read is written in the citizen's access log.</summary>
    public async Task<DossierView?> ViewAsync(string code, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await FindAsync(code, user, ct) is not { } dossier)
        {
            return null;
        }

        await LogReadAsync(dossier, user, "dossier", ct);
        return await ViewAsync(dossier, ct);
    }

    /// <summary><see cref="FindAsync"/> for a read that shows the applicant's data (a page, a PDF): the read is logged as <paramref name="what"/>.</summary>
    public async Task<IDossier?> ReadAsync(string code, ClaimsPrincipal user, string what, CancellationToken ct = default)
    {
        var dossier = await FindAsync(code, user, ct);
        if (dossier is not null)
        {
            await LogReadAsync(dossier, user, what, ct);
        }

        return dossier;
    }

    /// <summary>
    /// Writes in the applicant's access log that the caller read their data through the dossier (its page, the
    /// receipt, the control slip…): who, from which unit, for which dossier. A reload within minutes writes nothing new.
    /// </summary>
    public async Task LogReadAsync(IDossier dossier, ClaimsPrincipal user, string what, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (dossier.CitizenId is { } citizenId)
        {
            await citizens.LogAsync(user, citizenId, what, $"Giải quyết hồ sơ {dossier.Code}", dossier.Code, ct);
        }
    }

    public async Task<DossierView> ViewAsync(IDossier d, CancellationToken ct = default)
    {
        var events = await db.Set<DossierEvent>().AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Seq)
            .Select(e => new EventView(e.At, e.Action, e.Actor, e.FromStep, e.ToStep, e.Note, e.Detail)).ToListAsync(ct);
        return new DossierView(
            d.Code, d.ProcedureCode, d.ProcedureName, Status(d.Status), d.Channel.ToString().ToLowerInvariant(), Vn(d.ReceivedAt), d.DueDate, Vn(d.DueAt),
            new ApplicantView(d.ApplicantIdNumber, d.ApplicantName, d.ApplicantDateOfBirth, d.ApplicantAddress, d.ApplicantPhone, d.ApplicantEmail),
            d.Version, d.OfficeCode, d.Documents, [.. events.Select(e => e with { At = Vn(e.At) })], TrackingKeys.Display(d.TrackingKey));
    }

    /// <summary>What anyone with the code and its tracking key may see: no ID number, address, phone or email; the name masked.</summary>
    public async Task<PublicDossier?> PublicAsync(string code, string? key, CancellationToken ct = default)
    {
        if (!DossierCode.LooksValid(code) || TrackingKeys.Normalize(key) is not { } normalized)
        {
            return null;
        }

        var d = await db.Set<Dossier>().AsNoTracking().Where(x => x.Code == code && x.TrackingKey == normalized)
            .Select(x => new { x.Id, x.Code, x.ProcedureName, x.Status, x.ReceivedAt, x.DueDate, x.DueAt, x.ResolvedAt, x.ApplicantName, x.Channel }).FirstOrDefaultAsync(ct);
        if (d is null)
        {
            return null;
        }

        var events = await db.Set<DossierEvent>().AsNoTracking().Where(e => e.DossierId == d.Id && PublicEvents.Contains(e.Action)).OrderBy(e => e.Seq)
            .Select(e => new { e.At, e.Action, e.ToStep }).ToListAsync(ct);
        return new PublicDossier(d.Code, d.ProcedureName, Status(d.Status), Vn(d.ReceivedAt), d.DueDate, MaskName(d.ApplicantName), Vn(d.DueAt),
            d.ResolvedAt is { } resolved ? Vn(resolved) : null, [.. events.Select(e => new PublicEvent(Vn(e.At), e.Action, e.Action is "forward" or "sendBack" ? e.ToStep : null))], EnumNames.Of(d.Channel));
    }

    /// <summary>The events the public history shows (an assignment inside the office is not one of them).</summary>
    private static readonly string[] PublicEvents =
        ["receive", "forward", "sendBack", "consult", "consultReply", "requestSupplement", "supplementReceived", "approve", "refuse", "stop", "issueResult", "returnResult", "apologise", "overdue"];

    public static string Status(DossierStatus status) => EnumNames.Of(status);

    /// <summary>The status as people read it, in the current language.</summary>
    public static string StatusText(DossierStatus status) => Texts.Get("Status." + Status(status));

    /// <summary>A step named in the history as people read it: a step's own name, or the status a dossier ended in (stored by its code).</summary>
    public static string StepText(string step) => Enum.TryParse<DossierStatus>(step, ignoreCase: true, out var status) && !int.TryParse(step, out _) ? StatusText(status) : step;

    /// <summary>A name as public pages may show it: "Nguyễn Văn An" → "Nguyễn V. A.".</summary>
    public static string MaskName(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 1 ? (parts.FirstOrDefault() is { Length: > 0 } p ? p[..1] + "." : "") : parts[0] + " " + string.Join(' ', parts.Skip(1).Select(w => w[..1] + "."));
    }

    private static DateTimeOffset Vn(DateTimeOffset instant) => instant.ToOffset(VietnamTime.Offset);
}
