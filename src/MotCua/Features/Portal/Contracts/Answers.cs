using System.Globalization;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Portal.Contracts;

/// <summary>An application form's answers as people read them.</summary>
public static class Answers
{
    /// <summary>A date as dd/MM/yyyy, a sex in words; anything else as written.</summary>
    public static string Display(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.EndsWith("dateOfBirth", StringComparison.Ordinal) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        return key.EndsWith(".sex", StringComparison.Ordinal) ? Texts.Find("Sex." + value) ?? value : value;
    }
}
