using System.Globalization;
using System.Text;

namespace MotCua.Features.Citizens.Contracts;

/// <summary>What the QR code of a chip ID card says.</summary>
public sealed record IdCard(
    string IdNumber, string? OldIdNumber, string FullName, DateOnly DateOfBirth, Sex Sex, string Address, DateOnly? IssueDate,
    string BirthProvinceCode, IReadOnlyList<string> Warnings);

/// <summary>
/// Parses the one-line text of the chip ID card's QR code: <c>ID|old ID|name|ddMMyyyy|Nam/Nữ|address|issue ddMMyyyy</c>.
/// Defensive: trims stray whitespace and control characters, repairs UTF-8 read as Latin-1 (as some keyboard-wedge
/// scanners type it), normalises to NFC, ignores extra trailing fields, and names each field it cannot accept.
/// </summary>
public static class IdCardQr
{
    public static (IdCard? Card, Dictionary<string, string[]> Errors) Parse(string? text, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["qr"] = ["Chưa có nội dung mã QR (the QR text is empty)."];
            return (null, errors);
        }

        var line = Clean(text);
        var fields = line.Split('|').Select(f => f.Trim()).ToArray();
        if (fields.Length < 7)
        {
            errors["qr"] = [$"Mã QR của thẻ căn cước có 7 trường ngăn cách bởi '|', nhận được {fields.Length} (expected 7 fields separated by '|')."];
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
            errors["oldIdNumber"] = ["Số CMND cũ phải có 9 hoặc 12 chữ số (old ID number must have 9 or 12 digits)."];
        }

        var fullName = string.Join(' ', fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (fullName.Length == 0)
        {
            errors["fullName"] = ["Thiếu họ và tên (full name is empty)."];
        }
        else if (fullName.Any(char.IsDigit))
        {
            errors["fullName"] = ["Họ và tên không chứa chữ số (full name contains digits)."];
        }

        var dateOfBirth = ParseDate(fields[3]);
        if (dateOfBirth is null)
        {
            errors["dateOfBirth"] = [$"Ngày sinh '{fields[3]}' không hợp lệ; cần dạng ddMMyyyy (date of birth must be ddMMyyyy)."];
        }
        else if (dateOfBirth > today)
        {
            errors["dateOfBirth"] = ["Ngày sinh ở tương lai (date of birth is in the future)."];
        }

        Sex? sex = Fold(fields[4]) switch
        {
            "nam" or "male" or "m" => Sex.Male,
            "nu" or "female" or "f" => Sex.Female,
            _ => null,
        };
        if (sex is null)
        {
            errors["sex"] = [$"Giới tính '{fields[4]}' không hợp lệ; cần 'Nam' hoặc 'Nữ' (sex must be Nam or Nữ)."];
        }

        var address = fields[5];
        if (address.Length == 0)
        {
            errors["address"] = ["Thiếu nơi thường trú (address is empty)."];
        }

        DateOnly? issueDate = null;
        if (fields[6].Length > 0)
        {
            issueDate = ParseDate(fields[6]);
            if (issueDate is null)
            {
                errors["issueDate"] = [$"Ngày cấp '{fields[6]}' không hợp lệ; cần dạng ddMMyyyy (issue date must be ddMMyyyy)."];
            }
            else if (issueDate > today || (dateOfBirth is { } born && issueDate < born))
            {
                errors["issueDate"] = ["Ngày cấp phải sau ngày sinh và không ở tương lai (issue date out of range)."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var warnings = CitizenIdNumber.Inconsistencies(idNumber, dateOfBirth, sex);
        if (fields.Length > 7)
        {
            warnings.Add($"Mã QR có {fields.Length - 7} trường thừa ở cuối, đã bỏ qua (extra trailing fields ignored).");
        }

        return (new IdCard(idNumber, oldId, fullName, dateOfBirth!.Value, sex!.Value, address, issueDate, idNumber[..3], warnings), errors);
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
