using MotCua.Infrastructure;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Forms.Contracts;

public sealed record ApologyData(
    string ParentUnitName, string AgencyName, string ApplicantName, string Code, string ProcedureName, DateTimeOffset ReceivedAt,
    DateTimeOffset PreviousDueAt, string Reason, DateTimeOffset NewDueAt, string SignedBy, DateTimeOffset At, string Place);

/// <summary>"Phiếu xin lỗi và hẹn lại ngày trả kết quả" (form 04; in the 2025 set also the request to extend the time).</summary>
public static class ApologyPdf
{
    public static byte[] Render(ApologyData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var set = FormSets.On(DateOnly.FromDateTime(data.At.ToOffset(VietnamTime.Offset).DateTime));
        return FormWriter.Render(form =>
        {
            form.FormNumber($"{set.Number("apology")} ({set.Basis})");
            form.NationalHeader(data.ParentUnitName, data.AgencyName, data.Place, data.At);
            form.Line(set.Title("apology", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"), FormWriter.Title, center: true);
            form.Y += 4;
            form.Line($"Kính gửi: Ông/Bà {data.ApplicantName}");
            form.Line($"Ngày {VietnamTime.DescribeDay(data.ReceivedAt)}, {data.AgencyName} tiếp nhận giải quyết hồ sơ của Ông/Bà: {data.ProcedureName}.");
            form.Line($"Mã hồ sơ: {data.Code}. Thời gian hẹn trả kết quả giải quyết hồ sơ: {VietnamTime.Describe(data.PreviousDueAt)}.");
            form.Line($"Tuy nhiên đến nay, cơ quan giải quyết chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hạn. Lý do: {data.Reason}");
            form.Line($"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi xin lỗi Ông/Bà và {set.Title("apology.ask", "hẹn lại thời gian trả kết quả vào")} {VietnamTime.Describe(data.NewDueAt)}.");
            form.Line("Mong nhận được sự thông cảm của Ông/Bà.");
            form.Y += 10;
            form.Signatures(null, ("THỦ TRƯỞNG CƠ QUAN", data.SignedBy));
        });
    }
}
