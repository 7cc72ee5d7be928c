using System.Globalization;
using System.Text;
using MotCua.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace MotCua.Features.Forms.Contracts;

public sealed record FormFieldValue(string Label, string? Value);

/// <summary>What a pre-filled application form shows.</summary>
public sealed record ApplicationForm(string OfficeName, string ProcedureCode, string ProcedureName, IReadOnlyList<FormFieldValue> Fields, string ApplicantName, DateOnly Date);

/// <summary>
/// Renders a procedure's application form (tờ khai) as an A4 PDF, every field the system knows already written
/// in ("ngày không viết"), the rest left as dotted lines, for the citizen to check and sign. Text is NFC and
/// extractable.
/// </summary>
public static class ApplicationFormPdf
{
    public static byte[] Render(ApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = Nfc($"Tờ khai – {form.ProcedureName}");
        document.Info.Creator = "MotCua";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var g = XGraphics.FromPdfPage(page);
        var regular = PdfFonts.Font(11);
        var bold = PdfFonts.Font(11, bold: true);
        var title = PdfFonts.Font(14, bold: true);
        var left = 56.0;
        var width = page.Width.Point - (2 * left);
        var y = 50.0;

        void Center(string text, XFont font)
        {
            g.DrawString(Nfc(text), font, XBrushes.Black, new XRect(left, y, width, 18), XStringFormats.TopCenter);
            y += font.Size + 8;
        }

        Center("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold);
        Center("Độc lập – Tự do – Hạnh phúc", bold);
        y += 14;
        Center("TỜ KHAI", title);
        Center(form.ProcedureName, bold);
        Center($"(Mã thủ tục {form.ProcedureCode})", regular);
        y += 6;
        g.DrawString(Nfc($"Kính gửi: {form.OfficeName}"), regular, XBrushes.Black, left, y + 11);
        y += 30;

        var formatter = new XTextFormatter(g);
        foreach (var field in form.Fields)
        {
            var value = string.IsNullOrWhiteSpace(field.Value) ? new string('.', 60) : field.Value;
            var text = Nfc($"{field.Label}: {value}");
            var lines = Math.Max(1, (int)Math.Ceiling(g.MeasureString(text, regular).Width / width));
            var height = lines * 15.0;
            formatter.DrawString(text, regular, XBrushes.Black, new XRect(left, y, width, height + 2), XStringFormats.TopLeft);
            y += height + 8;
        }

        y += 10;
        formatter.DrawString(Nfc("Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình."),
            regular, XBrushes.Black, new XRect(left, y, width, 32), XStringFormats.TopLeft);
        y += 50;
        var right = new XRect(left + (width / 2), y, width / 2, 16);
        g.DrawString(Nfc($"Hà Nội, ngày {form.Date:dd} tháng {form.Date:MM} năm {form.Date:yyyy}"), regular, XBrushes.Black, right, XStringFormats.TopCenter);
        right.Y += 18;
        g.DrawString(Nfc("Người yêu cầu"), bold, XBrushes.Black, right, XStringFormats.TopCenter);
        right.Y += 16;
        g.DrawString(Nfc("(ký, ghi rõ họ tên)"), regular, XBrushes.Black, right, XStringFormats.TopCenter);
        right.Y += 60;
        g.DrawString(Nfc(form.ApplicantName), bold, XBrushes.Black, right, XStringFormats.TopCenter);

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public static string Format(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
