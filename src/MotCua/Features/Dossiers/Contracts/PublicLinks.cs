using Microsoft.Extensions.Options;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>Addresses citizens and officers open from outside (messages, QR codes), on the configured public address.</summary>
public sealed class PublicLinks(IOptions<AppOptions> options)
{
    public string Track(string code) => new Uri(options.Value.PublicUrl, "/tra-cuu/" + Uri.EscapeDataString(code)).ToString();
}
