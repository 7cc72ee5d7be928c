using MotCua.Infrastructure.Web;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>
/// Public look-ups of a dossier by code and tracking key (the tracking page, its API, the rating page). A client
/// whose keys keep failing waits longer and longer before its next try, so the codes of a day cannot be walked.
/// </summary>
public sealed class PublicTracking(DossierReader reader, FailureThrottle throttle)
{
    public static readonly ThrottlePolicy Guesses = new(Free: 10, First: TimeSpan.FromSeconds(2), Longest: TimeSpan.FromMinutes(15), Forget: TimeSpan.FromHours(1));

    /// <summary>The dossier, or null (unknown, or the key is wrong); <c>Wait</c> is set when the client must wait before trying again.</summary>
    public async Task<(PublicDossier? Dossier, TimeSpan? Wait)> FindAsync(string code, string? key, HttpContext http, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var client = "track:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (throttle.Wait(client) is { } wait)
        {
            return (null, wait);
        }

        var found = await reader.PublicAsync(code.Trim(), key, ct);
        if (found is null)
        {
            throttle.Fail(client, Guesses);
        }

        return (found, null);
    }
}
