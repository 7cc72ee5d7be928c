using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Citizens.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens;

/// <summary>
/// Keeps the once-only store. An observation (from an ID card, an officer, an online account, a dossier) fills
/// what is empty and updates contact data with history; a different name, birth date or sex for the same ID
/// number is never written over: it is kept as a conflict for an officer to settle.
/// </summary>
public sealed class CitizenStore(AppDbContext db, TimeProvider clock)
{
    public static readonly string[] IdentityFields = ["fullName", "dateOfBirth", "sex"];

    public async Task<ObserveResult> ObserveAsync(CitizenObservation o, ProfileSource source, string? by, Guid? unitId, string? dossierCode = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var citizen = await db.Set<Citizen>().FirstOrDefaultAsync(c => c.IdNumber == o.IdNumber, ct);
        var created = false;
        if (citizen is null)
        {
            // Several counters may add the same new citizen at once: one inserts, the others find the row.
            created = await InsertIfAbsent.RunAsync(db, new Citizen { IdNumber = o.IdNumber, CreatedAt = now, UpdatedAt = now }, [nameof(Citizen.IdNumber)], ct: ct);
            citizen = await db.Set<Citizen>().FirstAsync(c => c.IdNumber == o.IdNumber, ct);
        }

        var current = created
            ? []
            : await db.Set<ProfileFieldValue>().Where(v => v.CitizenId == citizen.Id && v.State == ProfileValueState.Current).ToListAsync(ct);
        var conflicts = new List<string>();

        void Observe(string field, string? value, Func<string?> read, Action<string?> write)
        {
            value = string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(NormalizationForm.FormC);
            if (value is null)
            {
                return;
            }

            var existing = read();
            if (existing is not null && Same(field, existing, value))
            {
                return;
            }

            var record = new ProfileFieldValue
            {
                CitizenId = citizen.Id, Field = field, Value = value, Source = source, ObservedAt = now, ObservedBy = by, DossierCode = dossierCode,
                State = ProfileValueState.Current,
            };
            if (existing is not null && IdentityFields.Contains(field))
            {
                record.State = ProfileValueState.Conflicting;
                conflicts.Add(field);
            }
            else
            {
                foreach (var old in current.Where(v => v.Field == field))
                {
                    old.State = ProfileValueState.Superseded;
                }

                write(value);
            }

            db.Add(record);
        }

        Observe("fullName", o.FullName, () => NullIfEmpty(citizen.FullName), v => { citizen.FullName = v!; citizen.NameFolded = SearchText.Fold(v); });
        Observe("dateOfBirth", o.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), () => citizen.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v => citizen.DateOfBirth = DateOnly.ParseExact(v!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        Observe("sex", o.Sex?.ToString(), () => citizen.Sex?.ToString(), v => citizen.Sex = Enum.Parse<Sex>(v!));
        Observe("address", o.Address, () => citizen.Address, v => citizen.Address = v);
        Observe("phone", NormalizePhone(o.Phone), () => citizen.Phone, v => citizen.Phone = v);
        Observe("email", o.Email?.ToLowerInvariant(), () => citizen.Email, v => citizen.Email = v);
        Observe("oldIdNumber", o.OldIdNumber, () => citizen.OldIdNumber, v => citizen.OldIdNumber = v);
        Observe("idIssueDate", o.IdIssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), () => citizen.IdIssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v => citizen.IdIssueDate = DateOnly.ParseExact(v!, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        citizen.OpenConflicts += conflicts.Count;
        citizen.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        if (unitId is { } unit && dossierCode is not null)
        {
            await HoldsDossierAsync(citizen.Id, unit, dossierCode, ct);
        }

        return new ObserveResult(citizen.Id, created, conflicts);
    }

    /// <summary>
    /// The unit holds a dossier of the citizen, so its staff have business with the citizen's record (the latest
    /// dossier is named in the access log). Nothing else gives business: not a scan, not a document stored.
    /// </summary>
    public Task HoldsDossierAsync(Guid citizenId, Guid unitId, string dossierCode, CancellationToken ct = default) =>
        InsertIfAbsent.RunAsync(
            db, new CitizenUnitLink { CitizenId = citizenId, UnitId = unitId, Since = clock.GetUtcNow(), Reason = $"Hồ sơ {dossierCode}", DossierCode = dossierCode },
            [nameof(CitizenUnitLink.CitizenId), nameof(CitizenUnitLink.UnitId)], [nameof(CitizenUnitLink.DossierCode), nameof(CitizenUnitLink.Reason)], ct);

    /// <summary>An officer settles a conflict: accept the new value (the old one is kept as superseded) or reject it.</summary>
    public async Task<bool> SettleAsync(Guid citizenId, Guid valueId, bool accept, string? by, CancellationToken ct = default)
    {
        var conflict = await db.Set<ProfileFieldValue>().FirstOrDefaultAsync(v => v.Id == valueId && v.CitizenId == citizenId && v.State == ProfileValueState.Conflicting, ct);
        var citizen = await db.Set<Citizen>().FirstOrDefaultAsync(c => c.Id == citizenId, ct);
        if (conflict is null || citizen is null)
        {
            return false;
        }

        if (accept)
        {
            foreach (var old in await db.Set<ProfileFieldValue>().Where(v => v.CitizenId == citizenId && v.Field == conflict.Field && v.State == ProfileValueState.Current).ToListAsync(ct))
            {
                old.State = ProfileValueState.Superseded;
            }

            conflict.State = ProfileValueState.Current;
            switch (conflict.Field)
            {
                case "fullName":
                    citizen.FullName = conflict.Value!;
                    citizen.NameFolded = SearchText.Fold(conflict.Value);
                    break;
                case "dateOfBirth":
                    citizen.DateOfBirth = DateOnly.ParseExact(conflict.Value!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case "sex":
                    citizen.Sex = Enum.Parse<Sex>(conflict.Value!);
                    break;
                default:
                    break;
            }
        }
        else
        {
            conflict.State = ProfileValueState.Rejected;
        }

        db.Add(new ProfileFieldValue
        {
            CitizenId = citizenId, Field = conflict.Field + ".settled", Value = accept ? "accepted" : "rejected", Source = ProfileSource.Officer,
            ObservedAt = clock.GetUtcNow(), ObservedBy = by, State = ProfileValueState.Superseded,
        });
        citizen.OpenConflicts = Math.Max(0, citizen.OpenConflicts - 1);
        citizen.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Phone numbers kept as digits in national form: "+84 912 345 678" → "0912345678".</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11 ? "0" + digits[2..] : digits;
    }

    private static bool Same(string field, string a, string b) => field switch
    {
        "fullName" or "address" => string.Equals(Collapse(a), Collapse(b), StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(a, b, StringComparison.Ordinal),
    };

    private static string Collapse(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
