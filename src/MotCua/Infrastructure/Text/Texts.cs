using System.Globalization;
using System.Resources;

namespace MotCua.Infrastructure.Text;

/// <summary>
/// The interface's words outside views (errors, messages, file headers): one resource each in
/// <c>Resources/SharedResource.resx</c> (Vietnamese) and <c>SharedResource.en.resx</c>, in the request's culture, as
/// the views' localizer reads them. What is stored or official (a dossier's history, a message to a citizen, a
/// form) stays in Vietnamese and does not come from here.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("MotCua.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The text of a key that may have none (a value recorded by a newer version): null then.</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    /// <summary>The Vietnamese text of a key, whatever the reader's language (what is stored or sent to officials).</summary>
    public static string InVietnamese(string key) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo("vi-VN")) ?? throw new InvalidOperationException($"No text '{key}' in the resources.");

    /// <summary>
    /// Until disposed, texts are read in Vietnamese whatever the reader's language: for an official form built from
    /// the same views as the page (the culture flows with the async context, so only this work is affected).
    /// </summary>
    public static IDisposable InVietnameseScope() => new CultureScope(CultureInfo.GetCultureInfo("vi-VN"));

    public static string Get(string key, params object?[] args)
    {
        var format = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No text '{key}' in the resources.");
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo to) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (to, to);

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
    }
}
