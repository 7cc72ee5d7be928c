using System.Collections.Frozen;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens.Contracts;

public enum Sex
{
    Male,
    Female,
}

/// <summary>
/// The 12-digit personal identification number (Circular 07/2016/TT-BCA and successors): digits 1–3 the province
/// of birth registration (a code not starting with 0 is a birth registered abroad), digit 4 the sex and century
/// (even male, odd female; 0/1 the 1900s, 2/3 the 2000s, 4/5 the 2100s, 6/7 the 2200s, 8/9 the 2300s), digits
/// 5–6 the last two digits of the birth year, digits 7–12 random.
/// </summary>
public static class CitizenIdNumber
{
    /// <summary>The 63 province codes of birth registration (Circular 07/2016/TT-BCA, annex); 001 is Hà Nội.</summary>
    public static readonly FrozenSet<string> ProvinceCodes = FrozenSet.ToFrozenSet(
    [
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    ]);

    /// <summary>Why the number cannot be an ID number, or null when its form is valid.</summary>
    public static string? FormatError(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return Texts.Get("IdNumber.Required");
        }

        if (number.Any(c => c is < '0' or > '9'))
        {
            return Texts.Get("IdNumber.Digits");
        }

        if (number.Length != 12)
        {
            return Texts.Get("IdNumber.Length", number.Length);
        }

        if (number[0] == '0' && !ProvinceCodes.Contains(number[..3]))
        {
            return Texts.Get("IdNumber.Province", number[..3]);
        }

        return null;
    }

    public static bool IsValid(string? number) => FormatError(number) is null;

    /// <summary>The sex and the possible birth years (a century's range) that the number encodes.</summary>
    public static (Sex Sex, int CenturyStart, int YearInCentury) Decode(string number)
    {
        var code = number[3] - '0';
        return ((code % 2) == 0 ? Sex.Male : Sex.Female, 1900 + (code / 2 * 100), int.Parse(number.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Inconsistencies between the number and the person (not errors: cards exist with them).</summary>
    public static List<string> Inconsistencies(string number, DateOnly? dateOfBirth, Sex? sex)
    {
        var warnings = new List<string>();
        if (!IsValid(number))
        {
            return warnings;
        }

        var (encodedSex, century, yy) = Decode(number);
        if (dateOfBirth is { } dob && (dob.Year < century || dob.Year >= century + 100 || dob.Year % 100 != yy))
        {
            warnings.Add(Texts.Get("IdNumber.Year", century + yy, dob));
        }

        if (sex is { } s && s != encodedSex)
        {
            warnings.Add(Texts.Get("IdNumber.Sex", Texts.Get("Sex." + encodedSex), Texts.Get("Sex." + s)));
        }

        return warnings;
    }

    /// <summary>The number as lists and public screens show it: only the last three digits.</summary>
    public static string Mask(string? number) =>
        string.IsNullOrEmpty(number) || number.Length < 4 ? "***" : new string('•', number.Length - 3) + number[^3..];
}
