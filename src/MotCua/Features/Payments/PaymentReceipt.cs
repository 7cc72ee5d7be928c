using System.Globalization;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Payments;

/// <summary>
/// The electronic receipt (biên lai) of a settled payment: the collecting agency, the receipt's number, who paid what
/// for which dossier, how, and when. Made from the stored payment, the same every time it is asked for.
/// </summary>
public static class PaymentReceipt
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Render(Payment payment, IReadOnlyList<DossierFee> lines, string procedureName, FormHeader header)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(header);
        var at = VietnamTime.ToVietnam(payment.SettledAt ?? payment.CreatedAt);
        return FormWriter.Render(form =>
        {
            form.FormNumber("Biên lai thu phí, lệ phí (Nghị định 11/2020/NĐ-CP)");
            form.NationalHeader(header.Issuer, header.Agency, header.Place, at);
            form.Line("BIÊN LAI THU PHÍ, LỆ PHÍ", FormWriter.Title, center: true);
            form.Line($"Số: {payment.ReceiptNumber}", FormWriter.Bold, center: true);
            form.Y += 6;
            form.Line($"Tên người nộp: {payment.PayerName}");
            form.Line($"Mã hồ sơ: {payment.DossierCode}");
            form.Line($"Thủ tục: {procedureName}");
            foreach (var line in lines)
            {
                form.Line(string.Create(Vietnamese, $"  • {line.Name}: {line.Quantity} {line.Unit} — {line.Amount:N0} đồng"));
            }

            form.Line(string.Create(Vietnamese, $"Tổng số tiền: {payment.Amount:N0} đồng"), FormWriter.Bold);
            form.Line(payment.Provider switch
            {
                "cash" => "Hình thức nộp: tiền mặt tại Bộ phận Một cửa",
                "vnpay" => $"Hình thức nộp: trực tuyến qua cổng thanh toán VNPay, mã giao dịch {payment.TransactionNo}, ngân hàng {payment.BankCode}",
                var other => $"Hình thức nộp: trực tuyến ({other}), mã giao dịch {payment.TransactionNo}",
            });
            form.Line($"Thời điểm nộp: {at:HH:mm} ngày {at:dd/MM/yyyy}");
            if (payment.Status == PaymentStatus.Refunded && payment.RefundedAt is { } refunded)
            {
                form.Line($"ĐÃ HOÀN TRẢ ngày {VietnamTime.ToVietnam(refunded):dd/MM/yyyy}", FormWriter.Bold);
            }

            form.Y += 10;
            // Paid at the counter, both sign; paid online, the receipt is the collecting agency's alone.
            form.Signatures(payment.Provider == "cash" ? ("NGƯỜI NỘP TIỀN", payment.PayerName ?? "") : null, ("ĐƠN VỊ THU", header.Agency));
        });
    }
}
