using MotCua.Infrastructure;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Forms.Contracts;

public sealed record ResultData(
    string ParentUnitName, string AgencyName, string Place, string ApplicantName, string ApplicantIdNumber, string Code, string ProcedureName,
    string ResultDocument, DateTimeOffset ReceivedAt, DateTimeOffset At);

/// <summary>
/// The electronic result of a dossier filed online: what was decided, for whom, by which agency, signed digitally by
/// the agency (the signature is added by <see cref="PdfSigner"/>), and kept in the citizen's store.
/// </summary>
public static class ResultPdf
{
    public static byte[] Render(ResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FormWriter.Render(form =>
        {
            form.NationalHeader(data.ParentUnitName, data.AgencyName, data.Place, data.At);
            form.Line("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (BẢN ĐIỆN TỬ)", FormWriter.Title, center: true);
            form.Y += 4;
            form.Line($"Kính gửi: Ông/Bà {data.ApplicantName} (số định danh cá nhân {data.ApplicantIdNumber}).");
            form.Line($"{data.AgencyName} đã giải quyết xong hồ sơ \"{data.ProcedureName}\", mã hồ sơ {data.Code}, tiếp nhận ngày {VietnamTime.DescribeDay(data.ReceivedAt)}.");
            form.Line($"Kết quả: {data.ResultDocument}.");
            form.Line("Văn bản này được ký số bởi cơ quan giải quyết; chữ ký số có thể kiểm tra bằng phần mềm đọc PDF. Bản giấy (nếu có) nhận tại nơi nộp hồ sơ theo giấy hẹn.");
            form.Y += 10;
            form.Signatures(null, ("CƠ QUAN GIẢI QUYẾT", data.AgencyName));
        });
    }
}
