using System.Text.RegularExpressions;
using MimeKit;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Notifications.Contracts;

/// <summary>
/// Whether a typed e-mail address is one the mailer can send to: parsed by MimeKit, as the mailer parses it, and
/// plain (no display name, no quoted or bracketed parts, a domain with a dot), at most 200 characters (the column).
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 200;

    /// <summary>Why the address is refused (Vietnamese and English), or null when it is a plain, sendable address.</summary>
    public static string? Error(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var trimmed = email.Trim();
        return trimmed.Length <= MaxLength && Plain().IsMatch(trimmed)
            && MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var parsed) && parsed.Address == trimmed && string.IsNullOrEmpty(parsed.Name)
            ? null
            : Texts.Get("Common.EmailInvalid");
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")]
    private static partial Regex Plain();
}
