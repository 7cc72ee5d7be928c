using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MotCua.Features.Feedback.Contracts;

namespace MotCua.Features.Feedback;

/// <summary>
/// The credential a counter's citizen-facing screen holds for one transaction: it names the dossier and the officer,
/// is signed and encrypted with the app's data-protection keys (shared by every node through the database), and
/// expires with the prompt. Only a screen signed in as the officer who finished the transaction gets one.
/// </summary>
public sealed class CounterRatingTokens(IDataProtectionProvider protection, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    // The expiry travels inside the token and is checked against the app's clock (not the data protector's own).
    private readonly IDataProtector protector = protection.CreateProtector("MotCua.Feedback.CounterRating.v2");

    public string Issue(string dossierCode, string officer) =>
        protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{dossierCode}\n{officer}\n{(clock.GetUtcNow() + options.Value.CounterPromptFor).ToUnixTimeMilliseconds()}"));

    /// <summary>The officer the token was issued to, when it is valid for <paramref name="dossierCode"/>; otherwise null.</summary>
    public string? Verify(string? token, string dossierCode)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split('\n');
            return parts.Length == 3 && parts[0] == dossierCode && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && DateTimeOffset.FromUnixTimeMilliseconds(expires) > clock.GetUtcNow() ? parts[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
