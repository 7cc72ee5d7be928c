using System.Globalization;
using System.Text;
using MotCua.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;

namespace MotCua.Features.Forms.Contracts;

/// <summary>Everything the receipt and appointment slip (form 01) shows.</summary>
public sealed record ReceiptData(
    string ParentUnitName, string OfficeName, string DossierCode, string ApplicantName, string? Address, string? Phone, string? Email,
    string ProcedureName, IReadOnlyList<string> Documents, int Sets, int LegalWorkingDays, bool SameDay,
    DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string ReturnAt, string LogBook, int LogEntry, string Officer, Uri TrackingLink);

/// <summary>
/// Renders form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", in two copies (one for the applicant, one kept),
/// from the form set in force on the receipt date, with a QR code of the public tracking link.
/// </summary>
public static class ReceiptPdf
{
    public static byte[] Render(ReceiptData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var received = data.ReceivedAt.ToOffset(TimeSpan.FromHours(7));
        var due = data.DueAt.ToOffset(TimeSpan.FromHours(7));
        var set = FormSets.On(DateOnly.FromDateTime(received.DateTime));
        var regular = PdfFonts.Font(10.5);
        var bold = PdfFonts.Font(10.5, bold: true);
        var title = PdfFonts.Font(13, bold: true);
        var small = PdfFonts.Font(8.5);
        var qr = QrBmp(data.TrackingLink.ToString());
        using var document = new PdfDocument();
        document.Info.Title = Nfc($"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {data.DossierCode}");
        document.Info.Creator = "MotCua";
        foreach (var copy in new[] { "Liên 1: giao người nộp hồ sơ", "Liên 2: lưu tại Bộ phận Một cửa" })
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var g = XGraphics.FromPdfPage(page);
            var text = new XTextFormatter(g);
            const double left = 50;
            var width = page.Width.Point - 100;
            var y = 36.0;
            void Line(string s, XFont f, bool center = false, double? x = null, double? w = null)
            {
                var content = Nfc(s);
                var lines = Math.Max(1, (int)Math.Ceiling(g.MeasureString(content, f).Width / (w ?? width)));
                text.Alignment = center ? XParagraphAlignment.Center : XParagraphAlignment.Left;
                text.DrawString(content, f, XBrushes.Black, new XRect(x ?? left, y, w ?? width, (lines * (f.Size + 4)) + 2), XStringFormats.TopLeft);
                y += (lines * (f.Size + 4)) + 4;
            }

            g.DrawString(Nfc($"{set.Number("receipt")} ({set.Basis})"), small, XBrushes.Black, new XRect(left, 20, width, 10), XStringFormats.TopRight);
            var half = width / 2;
            var top = y;
            Line(data.ParentUnitName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), bold, true, left, half);
            Line(data.OfficeName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), bold, true, left, half);
            var afterLeft = y;
            y = top;
            Line("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, true, left + half, half);
            Line("Độc lập – Tự do – Hạnh phúc", bold, true, left + half, half);
            Line($"Hà Nội, ngày {received:dd} tháng {received:MM} năm {received:yyyy}", regular, true, left + half, half);
            y = Math.Max(y, afterLeft) + 8;
            Line("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", title, true);
            Line($"Mã hồ sơ: {data.DossierCode}", bold, true);
            y += 4;
            Line($"{data.OfficeName} tiếp nhận hồ sơ của: {data.ApplicantName}", regular);
            Line($"Địa chỉ: {data.Address}", regular);
            Line($"Số điện thoại: {data.Phone}    Thư điện tử: {data.Email}", regular);
            Line($"Nội dung yêu cầu giải quyết: {data.ProcedureName}", regular);
            Line("1. Thành phần hồ sơ nộp gồm:", regular);
            for (var i = 0; i < data.Documents.Count; i++)
            {
                Line($"    {i + 1}) {data.Documents[i]}", regular);
            }

            Line($"2. Số lượng hồ sơ: {data.Sets:00} bộ", regular);
            Line(data.SameDay
                ? "3. Thời gian giải quyết hồ sơ theo quy định là: trong ngày làm việc"
                : $"3. Thời gian giải quyết hồ sơ theo quy định là: {data.LegalWorkingDays} ngày làm việc", regular);
            Line($"4. Thời gian nhận hồ sơ: {received:HH} giờ {received:mm} phút, ngày {received:dd/MM/yyyy}", regular);
            Line($"5. Thời gian trả kết quả giải quyết hồ sơ: {due:HH} giờ {due:mm} phút, ngày {due:dd/MM/yyyy}", bold);
            Line($"6. Đăng ký nhận kết quả tại: {data.ReturnAt}", regular);
            Line($"Vào Sổ theo dõi hồ sơ, Quyển số: {data.LogBook}, Số thứ tự: {data.LogEntry}", regular);
            y += 10;
            var signTop = y;
            Line("NGƯỜI NỘP HỒ SƠ", bold, true, left, half);
            Line("(Ký và ghi rõ họ tên)", regular, true, left, half);
            y += 46;
            Line(data.ApplicantName, bold, true, left, half);
            var afterSign = y;
            y = signTop;
            Line("NGƯỜI TIẾP NHẬN HỒ SƠ", bold, true, left + half, half);
            Line("(Ký và ghi rõ họ tên)", regular, true, left + half, half);
            y += 46;
            Line(data.Officer, bold, true, left + half, half);
            y = Math.Max(y, afterSign) + 14;
            using (var image = XImage.FromStream(new MemoryStream(qr)))
            {
                g.DrawImage(image, left, y, 80, 80);
            }

            var qrTextWidth = width - 90;
            y += 8;
            Line("Tra cứu tình trạng hồ sơ: quét mã QR hoặc mở", small, false, left + 90, qrTextWidth);
            Line(data.TrackingLink.ToString(), small, false, left + 90, qrTextWidth);
            Line(copy, small, false, left + 90, qrTextWidth);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>A QR code as a 24-bit BMP (PDFsharp refuses 1-bit PNG).</summary>
    internal static byte[] QrBmp(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        return new BitmapByteQRCode(data).GetGraphic(6);
    }

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
