using MotCua.Infrastructure;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Forms.Contracts;

public sealed record MissingItem(string Name, int Originals, int Copies, string? Reason);

/// <summary>What a request to supplement (form 02) or a refusal (form 03) shows.</summary>
public sealed record GuidanceData(
    bool Refusal, string Number, string ParentUnitName, string OfficeName, string ApplicantName, string ProcedureName,
    IReadOnlyList<MissingItem> Missing, string? Reason, string Officer, DateTimeOffset At, string Place);

/// <summary>
/// Form 02 "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" (one complete list of everything missing, given once) and
/// form 03 "Phiếu từ chối tiếp nhận giải quyết hồ sơ" (with the reason), from the set in force on the date.
/// </summary>
public static class GuidancePdf
{
    public static byte[] Render(GuidanceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var set = FormSets.On(DateOnly.FromDateTime(data.At.ToOffset(VietnamTime.Offset).DateTime));
        return FormWriter.Render(form =>
        {
            form.FormNumber($"{set.Number(data.Refusal ? "refusal" : "supplement")} ({set.Basis})");
            form.NationalHeader(data.ParentUnitName, data.OfficeName, data.Place, data.At);
            form.Line(data.Refusal ? "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" : "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", FormWriter.Title, center: true);
            form.Line($"Số: {data.Number}", FormWriter.Bold, center: true);
            form.Y += 4;
            form.Line($"{data.OfficeName} tiếp nhận hồ sơ của: {data.ApplicantName}");
            form.Line($"Nội dung yêu cầu giải quyết: {data.ProcedureName}");
            if (data.Refusal)
            {
                form.Line("Qua xem xét, cơ quan, đơn vị tiếp nhận hồ sơ thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
                form.Line(data.Reason ?? "");
                form.Line("Xin thông báo để Ông/Bà được biết và thực hiện.");
            }
            else
            {
                form.Line("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau (hướng dẫn một lần, đầy đủ):");
                for (var i = 0; i < data.Missing.Count; i++)
                {
                    var m = data.Missing[i];
                    form.Line($"    {i + 1}) {m.Name} ({m.Originals} bản chính, {m.Copies} bản sao){(m.Reason is { Length: > 0 } r ? ": " + r : "")}");
                }

                if (data.Reason is { Length: > 0 } note)
                {
                    form.Line($"Ghi chú: {note}");
                }

                form.Line("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với cán bộ tiếp nhận dưới đây để được hướng dẫn.");
            }

            form.Y += 10;
            form.Signatures(null, ("NGƯỜI HƯỚNG DẪN", data.Officer));
        });
    }
}
