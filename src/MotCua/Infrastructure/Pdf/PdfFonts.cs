using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace MotCua.Infrastructure.Pdf;

/// <summary>
/// Gives PDFsharp the DejaVu Sans faces shipped inside MotCua (the Debian fonts that cover Vietnamese), so that
/// forms render the same on every machine and their text can be extracted.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();
    private static bool registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (!registered)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
                registered = true;
            }
        }
    }

    /// <summary>A font that embeds its glyphs as Unicode (Identity-H): Vietnamese letters outside WinAnsi render and extract.</summary>
    /// <remarks>
    /// REVIEW: the whole font file is embedded (about 700 KB a PDF): PDFsharp's subsetting leaves out the component
    /// glyphs of DejaVu's composite letters, so "ễ", "ấ", "ồ"… printed as bare "e", "a", "o". Revisit when the
    /// subsetter keeps components, or ship a font whose Vietnamese letters are not composites.
    /// </remarks>
    public static XFont Font(double size, bool bold = false)
    {
        EnsureRegistered();
        return new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile));
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"MotCua.Resources.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
