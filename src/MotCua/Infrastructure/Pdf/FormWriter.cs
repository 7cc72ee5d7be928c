using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace MotCua.Infrastructure.Pdf;

/// <summary>
/// Writes an official form on an A4 page, top to bottom: the two-column national header, centred titles, wrapped
/// lines, signature blocks. Text is NFC and set in the embedded DejaVu Sans, so it prints and extracts exactly.
/// </summary>
public sealed class FormWriter : IDisposable
{
    public const double Left = 50;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private readonly PdfDocument document;
    private readonly double width;
    private readonly double height;
    private XGraphics graphics;
    private XTextFormatter text;

    public FormWriter(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        this.document = document;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        text = new XTextFormatter(graphics);
        width = page.Width.Point - (2 * Left);
        height = page.Height.Point;
    }

    /// <summary>Goes on to a new page unless <paramref name="points"/> more fit on this one (a row is never split).</summary>
    public void EnsureRoom(double points)
    {
        if (Y + points <= height - 40)
        {
            return;
        }

        graphics.Dispose();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        text = new XTextFormatter(graphics);
        Y = 36;
    }

    /// <summary>A form (one page unless it asks for more with <see cref="EnsureRoom"/>): <paramref name="draw"/> writes it; the answer is the PDF's bytes.</summary>
    public static byte[] Render(Action<FormWriter> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        using var document = new PdfDocument();
        document.Info.Creator = "MotCua";
        using (var form = new FormWriter(document))
        {
            draw(form);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public static XFont Regular { get; } = PdfFonts.Font(10.5);

    public static XFont Bold { get; } = PdfFonts.Font(10.5, bold: true);

    public static XFont Title { get; } = PdfFonts.Font(13, bold: true);

    public static XFont Small { get; } = PdfFonts.Font(8.5);

    public double Y { get; set; } = 36;

    public XGraphics Graphics => graphics;

    public double Width => width;

    /// <summary>One paragraph, wrapped to the column, advancing the pen.</summary>
    public void Line(string s, XFont? font = null, bool center = false, double? x = null, double? columnWidth = null)
    {
        font ??= Regular;
        var content = s.Normalize(NormalizationForm.FormC);
        var w = columnWidth ?? width;
        var lines = LinesOf(content, font, w);
        text.Alignment = center ? XParagraphAlignment.Center : XParagraphAlignment.Left;
        text.DrawString(content, font, XBrushes.Black, new XRect(x ?? Left, Y, w, (lines * (font.Size + 4)) + 2), XStringFormats.TopLeft);
        Y += (lines * (font.Size + 4)) + 4;
    }

    /// <summary>The height <see cref="Line"/> gives the text in a column of that width.</summary>
    public double HeightOf(string s, XFont font, double columnWidth) => (LinesOf(s.Normalize(NormalizationForm.FormC), font, columnWidth) * (font.Size + 4)) + 4;

    /// <summary>How many lines the text takes when wrapped at spaces and line breaks, as the formatter wraps it (it never breaks inside a word).</summary>
    private int LinesOf(string content, XFont font, double w)
    {
        var space = graphics.MeasureString(" ", font).Width;
        var lines = 0;
        foreach (var paragraph in content.Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
        {
            lines++;
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wide = graphics.MeasureString(word, font).Width;
                if (used > 0 && used + space + wide > w)
                {
                    lines++;
                    used = 0;
                }

                used += (used > 0 ? space : 0) + wide;
            }
        }

        return Math.Max(1, lines);
    }

    /// <summary>The form number and legal basis in the top right corner.</summary>
    public void FormNumber(string number) =>
        graphics.DrawString(number.Normalize(NormalizationForm.FormC), Small, XBrushes.Black, new XRect(Left, 20, width, 10), XStringFormats.TopRight);

    /// <summary>Issuing agency on the left, the national motto and place (the issuer's province) and date on the right.</summary>
    public void NationalHeader(string parentUnit, string agency, string place, DateTimeOffset date)
    {
        var half = width / 2;
        var top = Y;
        Line(parentUnit.ToUpper(Vietnamese), Bold, true, Left, half);
        Line(agency.ToUpper(Vietnamese), Bold, true, Left, half);
        var afterLeft = Y;
        Y = top;
        Line("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold, true, Left + half, half);
        Line("Độc lập – Tự do – Hạnh phúc", Bold, true, Left + half, half);
        var local = date.ToOffset(TimeSpan.FromHours(7));
        Line($"{(place.Length > 0 ? place + ", " : "")}ngày {local:dd} tháng {local:MM} năm {local:yyyy}", Regular, true, Left + half, half);
        Y = Math.Max(Y, afterLeft) + 8;
    }

    /// <summary>Two signature blocks side by side (the left one may be absent).</summary>
    public void Signatures((string Title, string Name)? left, (string Title, string Name) right)
    {
        var half = width / 2;
        var top = Y;
        var bottom = Y;
        void Block((string Title, string Name) block, double x)
        {
            Y = top;
            Line(block.Title, Bold, true, x, half);
            Line("(Ký và ghi rõ họ tên)", Regular, true, x, half);
            Y += 46;
            Line(block.Name, Bold, true, x, half);
            bottom = Math.Max(bottom, Y);
        }

        if (left is { } l)
        {
            Block(l, Left);
        }

        Block(right, Left + half);
        Y = bottom + 10;
    }

    public void Dispose() => graphics.Dispose();
}
