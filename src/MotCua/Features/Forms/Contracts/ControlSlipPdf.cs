using MotCua.Infrastructure;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Forms.Contracts;

/// <summary>
/// One hand-over on the control slip: from which step, to the next step or (<see cref="To"/> null) how the dossier
/// left the process (<see cref="Ending"/>: consultReply, returnResult, refuse, stop), when, how that stage ended, by
/// which action and whom, with the note written then (the reason typed, what was handed over). Words are the reader's:
/// the page translates the names, the form writes them in Vietnamese.
/// </summary>
public sealed record HandOver(string From, string? To, string? Ending, DateTimeOffset At, string Outcome, string? Action, string? By, string? Note = null);

public sealed record ControlSlipData(
    string ParentUnitName, string OfficeName, string Code, string ApplicantName, string ProcedureName, string HandlingAgencies,
    DateTimeOffset ReceivedAt, DateTimeOffset DueAt, IReadOnlyList<HandOver> Rows, DateTimeOffset PrintedAt, string Place);

/// <summary>"Phiếu kiểm soát quá trình giải quyết hồ sơ": form 05 of Circular 01/2018, form 06 of Circular 03/2025.</summary>
public static class ControlSlipPdf
{
    private const int NoteOnSlip = 300;

    public static string OutcomeText(string outcome) => outcome switch
    {
        "early" => "Trước hạn",
        "late" => "Quá hạn",
        "onTime" => "Đúng hạn",
        _ => "Đang xử lý",
    };

    /// <summary>Where a dossier went when no step followed, in the form's words.</summary>
    public static string EndingText(string? ending) => ending switch
    {
        "consultReply" => "Trả lời xin ý kiến",
        "returnResult" => "Công dân nhận kết quả",
        "refuse" => "Từ chối giải quyết",
        "stop" => "Dừng xử lý",
        _ => "",
    };

    public static byte[] Render(ControlSlipData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var set = FormSets.On(DateOnly.FromDateTime(data.ReceivedAt.ToOffset(VietnamTime.Offset).DateTime));
        return FormWriter.Render(form =>
        {
            form.FormNumber($"{set.Number("controlSlip")} ({set.Basis})");
            form.NationalHeader(data.ParentUnitName, data.OfficeName, data.Place, data.PrintedAt);
            form.Line("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", FormWriter.Title, center: true);
            form.Line($"Mã hồ sơ: {data.Code}", FormWriter.Bold, center: true);
            form.Y += 4;
            form.Line($"Người nộp: {data.ApplicantName}. Thủ tục: {data.ProcedureName}");
            form.Line($"Cơ quan giải quyết, phối hợp: {data.HandlingAgencies}");
            form.Line($"Tiếp nhận: {VietnamTime.Describe(data.ReceivedAt)}. Hẹn trả: {VietnamTime.Describe(data.DueAt)}");
            form.Y += 6;
            double[] columns = [0, 150, 300, 390];
            double[] widths = [145, 145, 85, form.Width - 390];
            void Row(string[] cells, PdfSharp.Drawing.XFont font)
            {
                var top = form.Y;
                var bottom = top;
                for (var i = 0; i < cells.Length; i++)
                {
                    form.Y = top;
                    form.Line(cells[i], font, x: FormWriter.Left + columns[i], columnWidth: widths[i]);
                    bottom = Math.Max(bottom, form.Y);
                }

                form.Y = bottom + 2;
            }

            Row(["Bàn giao từ", "Đến", "Thời điểm", "Kết quả (trước/đúng/quá hạn), ghi chú"], FormWriter.Bold);
            foreach (var r in data.Rows)
            {
                // A long note is cut on the slip (the dossier's page keeps it whole), so that a row and its signatures fit on a page.
                var note = r.Note is { Length: > NoteOnSlip } n ? n[..NoteOnSlip] + "…" : r.Note;
                string[] cells = [r.From, r.To ?? EndingText(r.Ending), VietnamTime.Describe(r.At), string.Join(". ", new[] { OutcomeText(r.Outcome), note, r.By }.Where(s => s is { Length: > 0 }))];
                form.EnsureRoom(cells.Select((c, i) => form.HeightOf(c, FormWriter.Small, widths[i])).Max() + 40);
                Row(cells, FormWriter.Small);
                // Each hand-over is signed by who gives and who takes the dossier, as the form lays out.
                var top = form.Y;
                form.Line("Người giao (ký, ghi rõ họ tên): " + (r.By ?? ""), FormWriter.Small, x: FormWriter.Left, columnWidth: form.Width / 2);
                form.Y = top;
                form.Line("Người nhận (ký, ghi rõ họ tên):", FormWriter.Small, x: FormWriter.Left + form.Width / 2, columnWidth: form.Width / 2);
                form.Y += 22;
            }
        });
    }
}
