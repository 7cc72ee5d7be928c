using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens.Contracts;

/// <summary>
/// Enterprise / tax codes: 10 digits, or 10 digits, a dash and 3 digits for a dependent unit (branch); the tenth
/// digit is a check digit over the first nine (Circular 105/2020/TT-BTC; weights 31, 29, 23, 19, 17, 13, 7, 5, 3).
/// </summary>
public static class TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public static string? Normalize(string? code) => code?.Trim().Replace(" ", "", StringComparison.Ordinal);

    public static string? FormatError(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return Texts.Get("TaxCode.Required");
        }

        var main = code.Length == 14 && code[10] == '-' ? code[..10] : code;
        if (main.Length != 10 || !main.All(char.IsAsciiDigit) || (code.Length == 14 && !code[11..].All(char.IsAsciiDigit)))
        {
            return Texts.Get("TaxCode.Format");
        }

        var sum = Weights.Select((w, i) => w * (main[i] - '0')).Sum();
        var check = 10 - (sum % 11);
        return check is 10 || main[9] - '0' != check ? Texts.Get("TaxCode.CheckDigit") : null;
    }
}
