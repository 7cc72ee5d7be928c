using System.Globalization;
using System.Text;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens.Contracts;

/// <summary>
/// What the QR code of a chip ID card says. <see cref="IdentityCard"/>: the card of the Law on Identification
/// (Luật Căn cước số 26/2023/QH15, in force from 1/7/2024), issued from that day; before it, the citizen ID card
/// (căn cước công dân). <see cref="Address"/> may be empty on the new card (the officer takes it from the citizen).
/// </summary>
public sealed record IdCard(
    string IdNumber, string? OldIdNumber, string FullName, DateOnly DateOfBirth, Sex Sex, string Address, DateOnly? IssueDate,
    string BirthProvinceCode, IReadOnlyList<string> Warnings, bool IdentityCard = false);

/// <summary>
/// Parses the one-line text of the chip ID card's QR code: <c>ID|old ID|name|ddMMyyyy|Nam/Nữ|address|issue ddMMyyyy</c>,
/// on the citizen ID card and on the identity card issued from 1/7/2024 (old ID and residence may be empty there,
/// and further fields may follow).
/// Defensive: trims stray whitespace and control characters, repairs UTF-8 read as Latin-1 (as some keyboard-wedge
/// scanners type it), normalises to NFC, ignores extra trailing fields, and names each field it cannot accept.
/// </summary>
public static class IdCardQr
{
    /// <summary>The day the Law on Identification took effect (Luật Căn cước 2023, Điều 46): cards issued from it are the new card.</summary>
    public static readonly DateOnly IdentityLawFrom = new(2024, 7, 1);

    public static (IdCard? Card, Dictionary<string, string[]> Errors) Parse(string? text, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["qr"] = [Texts.Get("IdCard.Empty")];
            return (null, errors);
        }

        var line = Clean(text);
        var fields = line.Split('|').Select(f => f.Trim()).ToArray();
        if (fields.Length < 7)
        {
            errors["qr"] = [Texts.Get("IdCard.Fields", fields.Length)];
            return (null, errors);
        }

        var idNumber = fields[0].Replace(" ", "", StringComparison.Ordinal);
        if (CitizenIdNumber.FormatError(idNumber) is { } idError)
        {
            errors["idNumber"] = [idError];
        }

        var oldId = fields[1].Length == 0 ? null : fields[1];
        if (oldId is not null && (oldId.Length is not (9 or 12) || oldId.Any(c => c is < '0' or > '9')))
        {
            errors["oldIdNumber"] = [Texts.Get("IdCard.OldNumber")];
        }

        var fullName = string.Join(' ', fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (fullName.Length == 0)
        {
            errors["fullName"] = [Texts.Get("IdCard.NameEmpty")];
        }
        else if (fullName.Any(char.IsDigit))
        {
            errors["fullName"] = [Texts.Get("IdCard.NameDigits")];
        }

        var dateOfBirth = ParseDate(fields[3]);
        if (dateOfBirth is null)
        {
            errors["dateOfBirth"] = [Texts.Get("IdCard.BirthFormat", fields[3])];
        }
        else if (dateOfBirth > today)
        {
            errors["dateOfBirth"] = [Texts.Get("IdCard.BirthInFuture")];
        }

        Sex? sex = Fold(fields[4]) switch
        {
            "nam" or "male" or "m" => Sex.Male,
            "nu" or "female" or "f" => Sex.Female,
            _ => null,
        };
        if (sex is null)
        {
            errors["sex"] = [Texts.Get("IdCard.Sex", fields[4])];
        }

        var address = fields[5];
        DateOnly? issueDate = null;
        if (fields[6].Length > 0)
        {
            issueDate = ParseDate(fields[6]);
            if (issueDate is null)
            {
                errors["issueDate"] = [Texts.Get("IdCard.IssueFormat", fields[6])];
            }
            else if (issueDate > today || (dateOfBirth is { } born && issueDate < born))
            {
                errors["issueDate"] = [Texts.Get("IdCard.IssueRange")];
            }
        }

        // The new card may leave the residence out of its code, and may carry more fields after the seventh.
        var identityCard = issueDate >= IdentityLawFrom;
        if (address.Length == 0 && !identityCard)
        {
            errors["address"] = [Texts.Get("IdCard.AddressEmpty")];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var warnings = CitizenIdNumber.Inconsistencies(idNumber, dateOfBirth, sex);
        if (address.Length == 0)
        {
            warnings.Add(Texts.Get("IdCard.AddressNotInCode"));
        }

        if (fields.Length > 7 && !identityCard)
        {
            warnings.Add(Texts.Get("IdCard.ExtraFields", fields.Length - 7));
        }

        return (new IdCard(idNumber, oldId, fullName, dateOfBirth!.Value, sex!.Value, address, issueDate, idNumber[..3], warnings, identityCard), errors);
    }

    /// <summary>Undo the usual damage between the card and the text box: mojibake, control characters, decomposed accents.</summary>
    internal static string Clean(string text)
    {
        // C0 controls (a scanner's CR/LF, stray escape codes) go first; C1 controls may be bytes of mojibake.
        var trimmed = new string([.. text.Where(c => c >= ' ' || c == '\t')]).Trim().Trim('\uFEFF');
        if (LooksLikeMojibake(trimmed))
        {
            var bytes = trimmed.Select(c => c <= 0xFF ? (byte)c : (byte)'?').ToArray();
            var repaired = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes);
            if (!repaired.Contains('\uFFFD', StringComparison.Ordinal))
            {
                trimmed = repaired;
            }
        }

        return new string([.. trimmed.Where(c => !char.IsControl(c) || c == '\t')]).Normalize(NormalizationForm.FormC);
    }

    private static bool LooksLikeMojibake(string s) =>
        s.All(c => c <= 0xFF) && (s.Contains('Ã', StringComparison.Ordinal) || s.Contains('Æ', StringComparison.Ordinal) || s.Contains('Ä', StringComparison.Ordinal) || s.Contains('á', StringComparison.Ordinal) && s.Contains('»', StringComparison.Ordinal));

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1900 ? d : null;

    private static string Fold(string text) => Infrastructure.Text.SearchText.Fold(text);
}
