using MotCua.Infrastructure;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Forms.Contracts;

public sealed record StopNoticeData(
    string ParentUnitName, string AgencyName, string ApplicantName, string ApplicantAddress, string Code, string ProcedureName,
    DateTimeOffset ReceivedAt, string Reason, string SignedBy, DateTimeOffset At, string Place);

/// <summary>
/// The notice that a dossier's handling stops, with the reason: form 05 of Circular 03/2025 (from 15/9/2025; the
/// 2018 set has no such form, so <see cref="Render"/> answers null for a stop before it).
/// </summary>
public static class StopNoticePdf
{
    public static byte[]? Render(StopNoticeData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var set = FormSets.On(DateOnly.FromDateTime(data.At.ToOffset(VietnamTime.Offset).DateTime));
        if (set.Number("stop") is not { } number)
        {
            return null;
        }

        return FormWriter.Render(form =>
        {
            form.FormNumber($"{number} ({set.Basis})");
            form.NationalHeader(data.ParentUnitName, data.AgencyName, data.Place, data.At);
            form.Line("THÔNG BÁO", FormWriter.Title, center: true);
            form.Line("Về việc dừng giải quyết hồ sơ thủ tục hành chính", FormWriter.Bold, center: true);
            form.Y += 4;
            form.Line($"Kính gửi: Ông/Bà {data.ApplicantName}");
            if (data.ApplicantAddress.Length > 0)
            {
                form.Line($"Địa chỉ: {data.ApplicantAddress}");
            }

            form.Line($"Ngày {VietnamTime.DescribeDay(data.ReceivedAt)}, {data.AgencyName} tiếp nhận hồ sơ của Ông/Bà: {data.ProcedureName}. Mã hồ sơ: {data.Code}.");
            form.Line($"{data.AgencyName} thông báo dừng giải quyết hồ sơ nêu trên kể từ {VietnamTime.Describe(data.At)}.");
            form.Line($"Lý do: {data.Reason}");
            form.Line("Mọi thắc mắc, đề nghị Ông/Bà liên hệ Bộ phận Một cửa nơi đã nộp hồ sơ để được hướng dẫn.");
            form.Y += 10;
            form.Signatures(null, ("THỦ TRƯỞNG CƠ QUAN", data.SignedBy));
        });
    }
}
