using Microsoft.Extensions.Options;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>Addresses citizens and officers open from outside (messages, QR codes), on the configured public address.</summary>
public sealed class PublicLinks(IOptions<AppOptions> options)
{
    /// <summary>The tracking page of a dossier, with its key (what the receipt's QR code and the citizen's messages carry).</summary>
    public string Track(string code, string key) =>
        new Uri(options.Value.PublicUrl, "/tra-cuu/" + Uri.EscapeDataString(code) + "?key=" + Uri.EscapeDataString(TrackingKeys.Display(key))).ToString();

    /// <summary>An address of this MotCua on its public address; an absolute <paramref name="pathOrUrl"/> stays as it is.</summary>
    public Uri Absolute(string pathOrUrl) => new(options.Value.PublicUrl, pathOrUrl);
}

/// <summary>The staff's pages of a dossier, relative, with the code escaped once here.</summary>
public static class DossierLinks
{
    public static string Page(string code) => "/Workflow/Dossier/" + Uri.EscapeDataString(code);

    /// <summary>The dossier's fees and payments (the Payments capability's page).</summary>
    public static string Fees(string code) => "/Payments/Dossier/" + Uri.EscapeDataString(code);

    public static string Return(string code) => "/Dossiers/Return?code=" + Uri.EscapeDataString(code);

    /// <summary>The receipt page; with <paramref name="handler"/> "pdf", the printed receipt (form 01).</summary>
    public static string Receipt(string code, string? handler = null) => "/Dossiers/Receipt/" + Uri.EscapeDataString(code) + (handler is null ? "" : "?handler=" + handler);

    /// <summary>The control slip page; with a handler, one of its forms (apology, stopNotice, pdf).</summary>
    public static string ControlSlip(string code, string? handler = null) => "/Workflow/ControlSlip/" + Uri.EscapeDataString(code) + (handler is null ? "" : "?handler=" + handler);
}
