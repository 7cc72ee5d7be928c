using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens.Contracts;

/// <summary>A citizen as a list shows them: the ID number masked, no contact data.</summary>
public sealed record CitizenListItem(Guid Id, string MaskedIdNumber, string FullName, int? BirthYear, string? MaskedPhone, int OpenConflicts);

public sealed record ProfileValueView(Guid Id, string Field, string? Value, string Source, DateTimeOffset ObservedAt, string? ObservedBy, string? DossierCode, string State);

public sealed record AccessView(DateTimeOffset At, string Username, string What, string Purpose, string? DossierCode, Guid? UnitId);

/// <summary>The full record: only for staff of a unit that has business with the citizen, or with a stated reason; every opening is logged.</summary>
public sealed record CitizenRecord(
    Guid Id, string IdNumber, string? OldIdNumber, string FullName, DateOnly? DateOfBirth, Sex? Sex, string? Address, string? Phone, string? Email,
    DateOnly? IdIssueDate, int OpenConflicts, IReadOnlyList<ProfileValueView> Values, IReadOnlyList<AccessView> AccessLog);

/// <summary>
/// Reads the citizen store for staff. Search is city-wide (a citizen may apply at any office) but lists mask the
/// ID number and show no contact data. Opening the full record needs a unit that has business with the
/// citizen, or an explicit reason; each opening writes an access-log entry in the same transaction.
/// </summary>
public sealed class CitizenRecords(AppDbContext db, UnitScope scope, TimeProvider clock, RecentReads recent)
{
    public async Task<(IReadOnlyList<CitizenListItem> Items, bool More)> SearchAsync(string? query, int offset, int limit, CancellationToken ct = default)
    {
        var text = query?.Trim() ?? "";
        IQueryable<Citizen> citizens = db.Set<Citizen>().AsNoTracking();
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (text.Length == 0)
        {
            return ([], false);
        }

        if (digits.Length == 12 && digits.Length == text.Replace(" ", "", StringComparison.Ordinal).Length)
        {
            citizens = citizens.Where(c => c.IdNumber == digits);
        }
        else if (digits.Length >= 9 && text.TrimStart('+').All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-'))
        {
            var phone = Citizens.CitizenStore.NormalizePhone(text);
            citizens = citizens.Where(c => c.Phone == phone);
        }
        else
        {
            var folded = SearchText.Fold(text);
            var end = folded + "\uffff";
            citizens = citizens.Where(c => c.NameFolded.CompareTo(folded) >= 0 && c.NameFolded.CompareTo(end) < 0).OrderBy(c => c.NameFolded).ThenBy(c => c.IdNumber);
        }

        var rows = await citizens.Skip(offset).Take(limit + 1)
            .Select(c => new { c.Id, c.IdNumber, c.FullName, c.DateOfBirth, c.Phone, c.OpenConflicts })
            .ToListAsync(ct);
        return ([.. rows.Take(limit).Select(c => new CitizenListItem(c.Id, CitizenIdNumber.Mask(c.IdNumber), c.FullName, c.DateOfBirth?.Year, MaskPhone(c.Phone), c.OpenConflicts))], rows.Count > limit);
    }

    public Task<string?> FindIdNumberAsync(Guid id, CancellationToken ct = default) =>
        db.Set<Citizen>().AsNoTracking().Where(c => c.Id == id).Select(c => c.IdNumber).FirstOrDefaultAsync(ct);

    public Task<Guid?> FindIdAsync(string idNumber, CancellationToken ct = default) =>
        db.Set<Citizen>().AsNoTracking().Where(c => c.IdNumber == idNumber).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>Whether one of the caller's units holds a dossier of the citizen (nothing else gives business).</summary>
    public async Task<bool> HasBusinessAsync(ClaimsPrincipal user, Guid citizenId, CancellationToken ct = default) =>
        await BusinessDossierAsync(user, citizenId, ct) is not null;

    /// <summary>The latest dossier of the citizen that one of the caller's units holds, or null.</summary>
    public async Task<string?> BusinessDossierAsync(ClaimsPrincipal user, Guid citizenId, CancellationToken ct = default)
    {
        var visible = (await scope.VisibleUnitIdsAsync(user, ct)).ToArray();
        return await db.Set<CitizenUnitLink>().AsNoTracking()
            .Where(l => l.CitizenId == citizenId && l.DossierCode != null && visible.Contains(l.UnitId))
            .OrderByDescending(l => l.DossierCode).Select(l => l.DossierCode).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Whether the caller may read or write the citizen's store: a unit holding a dossier of theirs, or a stated
    /// purpose. Returns the purpose to log (the stated one, or the dossier that gives business), or null when refused.
    /// </summary>
    public async Task<(string Purpose, string? DossierCode)?> AccessAsync(ClaimsPrincipal user, Guid citizenId, string? purpose, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(purpose))
        {
            return (purpose.Trim(), null);
        }

        return await BusinessDossierAsync(user, citizenId, ct) is { } dossier ? ($"Đơn vị đang giải quyết hồ sơ {dossier}", dossier) : null;
    }

    /// <summary>Opens the full record for <paramref name="what"/>, logging the read; without business and without a reason, asks for one.</summary>
    public async Task<Result<CitizenRecord>> OpenAsync(ClaimsPrincipal user, Guid citizenId, string? purpose, string? dossierCode = null, string what = "profile", CancellationToken ct = default)
    {
        var citizen = await db.Set<Citizen>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == citizenId, ct);
        if (citizen is null)
        {
            return Failure.NotFound();
        }

        if (await AccessAsync(user, citizenId, purpose, ct) is not { } access)
        {
            return Failure.Forbidden(Texts.Get("Citizens.PurposeRequiredRecord"), Texts.Get("Citizens.PurposeRequiredTitle"), "purpose");
        }

        await LogAsync(user, citizenId, what, access.Purpose, dossierCode ?? access.DossierCode, ct);
        var values = await db.Set<ProfileFieldValue>().AsNoTracking().Where(v => v.CitizenId == citizenId).OrderByDescending(v => v.ObservedAt).Take(200)
            .Select(v => new ProfileValueView(v.Id, v.Field, v.Value, v.Source.ToString(), v.ObservedAt, v.ObservedBy, v.DossierCode, v.State.ToString()))
            .ToListAsync(ct);
        var log = await db.Set<AccessLogEntry>().AsNoTracking().Where(a => a.CitizenId == citizenId).OrderByDescending(a => a.At).Take(200)
            .Select(a => new AccessView(a.At, a.Username, a.What, a.Purpose, a.DossierCode, a.UnitId))
            .ToListAsync(ct);
        return new CitizenRecord(
            citizen.Id, citizen.IdNumber, citizen.OldIdNumber, citizen.FullName, citizen.DateOfBirth, citizen.Sex, citizen.Address, citizen.Phone, citizen.Email,
            citizen.IdIssueDate, citizen.OpenConflicts, values, log);
    }

    /// <summary>The citizen's own record, for the citizen (the portal): the current value of each field, where it came from and when.</summary>
    public async Task<(Guid Id, string FullName, IReadOnlyList<ProfileValueView> Fields)?> OwnAsync(string idNumber, CancellationToken ct = default)
    {
        if (await db.Set<Citizen>().AsNoTracking().Where(c => c.IdNumber == idNumber).Select(c => new { c.Id, c.FullName }).FirstOrDefaultAsync(ct) is not { } citizen)
        {
            return null;
        }

        var values = await db.Set<ProfileFieldValue>().AsNoTracking().Where(v => v.CitizenId == citizen.Id && v.State == ProfileValueState.Current).OrderBy(v => v.Field)
            .Select(v => new ProfileValueView(v.Id, v.Field, v.Value, v.Source.ToString(), v.ObservedAt, v.ObservedBy, v.DossierCode, v.State.ToString()))
            .ToListAsync(ct);
        return (citizen.Id, citizen.FullName, values);
    }

    /// <summary>Who read the citizen's data, newest first: what the citizen sees of their access log.</summary>
    public async Task<IReadOnlyList<AccessView>> OwnAccessLogAsync(Guid citizenId, int limit, CancellationToken ct = default) =>
        await db.Set<AccessLogEntry>().AsNoTracking().Where(a => a.CitizenId == citizenId).OrderByDescending(a => a.At).Take(limit)
            .Select(a => new AccessView(a.At, a.Username, a.What, a.Purpose, a.DossierCode, a.UnitId))
            .ToListAsync(ct);

    /// <summary>A profile field's name as people read it.</summary>
    public static string FieldText(string field) => Texts.Find("Citizens.Field." + field) ?? Texts.Get("Citizens.Field.other");

    /// <summary>A profile value as people read it: dates as dd/MM/yyyy, the sex in words.</summary>
    public static string ValueText(string field, string? value) => (field, value) switch
    {
        (_, null) => "",
        ("dateOfBirth" or "idIssueDate", _) when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ("sex", _) => Texts.Get("Sex." + value),
        _ => value,
    };

    /// <summary>What a read of the record was, in words ("document:…" reads one document).</summary>
    public static string WhatText(string what) => Texts.Find("Citizens.What." + what.Split(':')[0]) ?? Texts.Get("Citizens.What.other");

    /// <summary>
    /// Writes one access-log entry: who, from which unit, what, why (reads of dossiers, documents and files log through
    /// here too). The same reader opening the same view again within <see cref="SameView"/> (a reload) writes nothing new.
    /// </summary>
    public async Task LogAsync(ClaimsPrincipal user, Guid citizenId, string what, string purpose, string? dossierCode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var accountId = AccountClaims.AccountId(user);
        what = Cut(what, 200);
        purpose = Cut(purpose.Trim(), 500);
        var since = now - SameView;
        if (recent.Logged(citizenId, accountId, what, purpose, dossierCode, since))
        {
            return;
        }

        var earlier = await db.Set<AccessLogEntry>().AsNoTracking()
            .Where(a => a.CitizenId == citizenId && a.At >= since && a.AccountId == accountId && a.What == what && a.Purpose == purpose && a.DossierCode == dossierCode)
            .Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct);
        if (earlier is { } at)
        {
            recent.Remember(citizenId, accountId, what, purpose, dossierCode, at);
            return;
        }

        db.Add(Entry(user, accountId, await LogUnitAsync(user, accountId, ct), now, citizenId, what, purpose, dossierCode));
        await db.SaveChangesAsync(ct);
        recent.Remember(citizenId, accountId, what, purpose, dossierCode, now);
    }

    /// <summary>
    /// Writes one access-log entry per citizen a list shows (the log book, the inbox, the same-day list),
    /// in one round trip: <paramref name="what"/> names the list, <paramref name="purpose"/> why it is read. Rows already
    /// logged for the same reader, list and dossier within <see cref="SameView"/> write nothing new.
    /// </summary>
    public async Task LogListAsync(ClaimsPrincipal user, IEnumerable<(Guid? CitizenId, string DossierCode)> rows, string what, string purpose, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var shown = rows.Where(r => r.CitizenId is not null).Select(r => (CitizenId: r.CitizenId!.Value, r.DossierCode)).Distinct().ToList();
        if (shown.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var accountId = AccountClaims.AccountId(user);
        var since = now - SameView;
        var citizenIds = shown.Select(r => r.CitizenId).Distinct().ToArray();
        var logged = (await db.Set<AccessLogEntry>().AsNoTracking()
                .Where(a => citizenIds.Contains(a.CitizenId) && a.At >= since && a.AccountId == accountId && a.What == what)
                .Select(a => new { a.CitizenId, a.DossierCode })
                .ToListAsync(ct))
            .Select(a => (a.CitizenId, a.DossierCode ?? "")).ToHashSet();
        var unseen = shown.Where(r => !logged.Contains(r)).ToList();
        if (unseen.Count == 0)
        {
            return; // a reload: every row is logged already
        }

        var unit = await LogUnitAsync(user, accountId, ct);
        db.AddRange(unseen.Select(r => Entry(user, accountId, unit, now, r.CitizenId, what, purpose, r.DossierCode)));
        await db.SaveChangesAsync(ct);
    }

    private static AccessLogEntry Entry(ClaimsPrincipal user, Guid? accountId, Guid? unit, DateTimeOffset at, Guid citizenId, string what, string purpose, string? dossierCode) => new()
    {
        CitizenId = citizenId, At = at, AccountId = accountId, Username = user.Identity?.Name ?? "",
        UnitId = unit, What = what, Purpose = purpose, DossierCode = dossierCode,
    };

    /// <summary>The unit a read is made from: the caller's office, else the first unit they work at.</summary>
    private async Task<Guid?> LogUnitAsync(ClaimsPrincipal user, Guid? accountId, CancellationToken ct) =>
        (await scope.CurrentOfficeAsync(user, ct))?.Id
        ?? (accountId is { } id && await scope.CurrentUnitIdsAsync(id, ct) is [var first, ..] ? first : null);

    /// <summary>How long a reload of the same view by the same reader counts as the same read.</summary>
    public static readonly TimeSpan SameView = TimeSpan.FromMinutes(10);

    /// <summary>A stated purpose longer than the log's column is kept to its length (the log is never refused).</summary>
    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string? MaskPhone(string? phone) => phone is { Length: > 4 } ? new string('•', phone.Length - 3) + phone[^3..] : null;
}
