using System.Security.Cryptography;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>
/// A dossier's tracking key: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 49 bits,
/// drawn by the system's cryptographic generator; shown in two groups ("7KQ4M-XP2RD") to be read and typed.
/// </summary>
public static class TrackingKeys
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 10;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The key as typed (any case, spaces or a dash between the groups) in its stored form, or null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var key = new string([.. typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant)]);
        return key.Length is >= 8 and <= 20 && key.All(char.IsAsciiLetterOrDigit) ? key : null;
    }

    public static string Display(string key) => key.Length == Length ? $"{key[..5]}-{key[5..]}" : key;
}
