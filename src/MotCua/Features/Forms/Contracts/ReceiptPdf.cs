using System.Text;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace MotCua.Features.Forms.Contracts;

/// <summary>Everything the receipt and appointment slip (form 01) shows.</summary>
public sealed record ReceiptData(
    string ParentUnitName, string OfficeName, string DossierCode, string ApplicantName, string? Address, string? Phone, string? Email,
    string ProcedureName, IReadOnlyList<string> Documents, int Sets, int LegalWorkingDays, bool SameDay,
    DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string ReturnAt, string LogBook, int LogEntry, string Officer, Uri TrackingLink, string TrackingKey, string Place);

/// <summary>
/// Renders form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", in two copies (one for the applicant, one kept),
/// from the form set in force on the receipt date, with a QR code of the public tracking link.
/// </summary>
public static class ReceiptPdf
{
    public static byte[] Render(ReceiptData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var received = data.ReceivedAt.ToOffset(VietnamTime.Offset);
        var due = data.DueAt.ToOffset(VietnamTime.Offset);
        var set = FormSets.On(DateOnly.FromDateTime(received.DateTime));
        var qr = QrBmp(data.TrackingLink.ToString());
        using var document = new PdfDocument();
        document.Info.Title = Nfc($"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {data.DossierCode}");
        document.Info.Creator = "MotCua";
        foreach (var copy in new[] { "Liên 1: giao người nộp hồ sơ", "Liên 2: lưu tại Bộ phận Một cửa" })
        {
            using var form = new FormWriter(document);
            form.FormNumber($"{set.Number("receipt")} ({set.Basis})");
            form.NationalHeader(data.ParentUnitName, data.OfficeName, data.Place, received);
            form.Line("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", FormWriter.Title, center: true);
            form.Line($"Mã hồ sơ: {data.DossierCode}", FormWriter.Bold, center: true);
            form.Y += 4;
            form.Line($"{data.OfficeName} tiếp nhận hồ sơ của: {data.ApplicantName}");
            form.Line($"Địa chỉ: {data.Address}");
            form.Line($"Số điện thoại: {data.Phone}    Thư điện tử: {data.Email}");
            form.Line($"Nội dung yêu cầu giải quyết: {data.ProcedureName}");
            form.Line("1. Thành phần hồ sơ nộp gồm:");
            for (var i = 0; i < data.Documents.Count; i++)
            {
                form.Line($"    {i + 1}) {data.Documents[i]}");
            }

            form.Line($"2. Số lượng hồ sơ: {data.Sets:00} bộ");
            form.Line(data.SameDay
                ? "3. Thời gian giải quyết hồ sơ theo quy định là: trong ngày làm việc"
                : $"3. Thời gian giải quyết hồ sơ theo quy định là: {data.LegalWorkingDays} ngày làm việc");
            form.Line($"4. Thời gian nhận hồ sơ: {received:HH} giờ {received:mm} phút, ngày {received:dd/MM/yyyy}");
            form.Line($"5. Thời gian trả kết quả giải quyết hồ sơ: {due:HH} giờ {due:mm} phút, ngày {due:dd/MM/yyyy}", FormWriter.Bold);
            form.Line($"6. Đăng ký nhận kết quả tại: {data.ReturnAt}");
            form.Line($"Vào Sổ theo dõi hồ sơ, Quyển số: {data.LogBook}, Số thứ tự: {data.LogEntry}");
            form.Y += 10;
            form.Signatures(("NGƯỜI NỘP HỒ SƠ", data.ApplicantName), ("NGƯỜI TIẾP NHẬN HỒ SƠ", data.Officer));
            using (var image = XImage.FromStream(new MemoryStream(qr)))
            {
                form.Graphics.DrawImage(image, FormWriter.Left, form.Y, 80, 80);
            }

            form.Y += 8;
            var beside = FormWriter.Left + 90;
            form.Line($"Mã hồ sơ: {data.DossierCode}   Mã tra cứu (giữ riêng): {data.TrackingKey}", FormWriter.Bold, x: beside, columnWidth: form.Width - 90);
            form.Line("Tra cứu tình trạng hồ sơ: quét mã QR hoặc mở", FormWriter.Small, x: beside, columnWidth: form.Width - 90);
            form.Line(data.TrackingLink.ToString(), FormWriter.Small, x: beside, columnWidth: form.Width - 90);
            form.Line(copy, FormWriter.Small, x: beside, columnWidth: form.Width - 90);
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
