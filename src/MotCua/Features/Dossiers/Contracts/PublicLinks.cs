using Microsoft.Extensions.Options;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>Addresses citizens and officers open from outside (messages, QR codes), on the configured public address.</summary>
public sealed class PublicLinks(IOptions<AppOptions> options)
{
    /// <summary>The tracking page of a dossier, with its key (what the receipt's QR code and the citizen's messages carry).</summary>
    public string Track(string code, string key) =>
        new Uri(options.Value.PublicUrl, "/tra-cuu/" + Uri.EscapeDataString(code) + "?key=" + Uri.EscapeDataString(TrackingKeys.Display(key))).ToString();
}

/// <summary>The staff's pages of a dossier, relative, with the code escaped once here.</summary>
public static class DossierLinks
{
    public static string Page(string code) => "/Workflow/Dossier/" + Uri.EscapeDataString(code);

    public static string Return(string code) => "/Dossiers/Return?code=" + Uri.EscapeDataString(code);
}
