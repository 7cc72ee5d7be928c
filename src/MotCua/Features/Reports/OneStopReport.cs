using System.Globalization;
using MiniExcelLibs;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Reports;

/// <summary>
/// The periodic one-stop report from a dashboard: dossiers received, resolved early, on time and late, pending and
/// overdue, by field and by procedure, and satisfaction by officer; as Excel (one sheet each) and as a PDF to sign.
/// </summary>
public static class OneStopReport
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Excel(DashboardView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        static Dictionary<string, object?> Row(string name, Counts c) => new()
        {
            ["Tên"] = name, ["Tiếp nhận"] = c.Received, ["Trực tuyến"] = c.Online, ["Đã giải quyết"] = c.Resolved, ["Trước hạn"] = c.Early, ["Đúng hạn"] = c.OnTime,
            ["Trễ hạn"] = c.Late, ["Đang giải quyết"] = c.InProgress, ["Đang quá hạn"] = c.Overdue, ["Tỷ lệ đúng hạn (%)"] = c.OnTimeShare,
            ["Đánh giá sau kết quả"] = c.Rated, ["Không hài lòng"] = c.Unsatisfied, ["Hài lòng (%)"] = c.Satisfaction,
        };
        var sheets = new Dictionary<string, object>
        {
            ["Theo lĩnh vực"] = v.ByField.Select(b => Row(b.Name, b.Counts)).Append(Row("Tổng cộng", v.Totals)).ToList(),
            ["Theo thủ tục"] = v.ByProcedure.Select(b => Row($"{b.Key} {b.Name}", b.Counts)).ToList(),
            ["Theo nơi tiếp nhận"] = v.ByOffice.Select(b => Row($"{b.Key} {b.Name}", b.Counts)).ToList(),
            ["Hài lòng theo cán bộ"] = v.ByOfficer.Select(b => new Dictionary<string, object?>
            {
                ["Cán bộ"] = b.Name, ["Hồ sơ tiếp nhận"] = b.Counts.Received, ["Đánh giá tại quầy"] = b.Counts.CounterRated,
                ["Điểm trung bình (1–4)"] = b.Counts.CounterAverage, ["Không hài lòng"] = b.Counts.CounterUnsatisfied, ["Hài lòng (%)"] = b.Counts.CounterSatisfaction,
            }).ToList(),
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets);
        return buffer.ToArray();
    }

    public static byte[] Pdf(DashboardView v, FormHeader header)
    {
        ArgumentNullException.ThrowIfNull(v);
        return FormWriter.Render(f =>
        {
            f.NationalHeader(header.Issuer, v.UnitName, header.Place, v.AsOf);
            f.Line("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", FormWriter.Title, center: true);
            f.Line($"Kỳ báo cáo: từ ngày {v.From:dd/MM/yyyy} đến ngày {v.To:dd/MM/yyyy} (số liệu lúc {v.AsOf:HH:mm dd/MM/yyyy})", center: true);
            f.Y += 6;
            var table = new PdfTable(f, [150, 52, 52, 52, 52, 52, 52, 0], ruled: true);
            string[] Cells(string name, Counts c) =>
                [name, N(c.Received), N(c.Resolved), N(c.Early + c.OnTime), N(c.Late), N(c.InProgress), N(c.Overdue), c.Satisfaction is { } s ? s.ToString("0.##", Vi) + " %" : "–"];
            table.Row(["Lĩnh vực", "Tiếp nhận", "Đã giải quyết", "Đúng, trước hạn", "Trễ hạn", "Đang giải quyết", "Quá hạn", "Hài lòng"], FormWriter.Bold);
            const double bottomMargin = 700;
            var shown = 0;
            foreach (var b in v.ByField)
            {
                if (f.Y > bottomMargin)
                {
                    break;
                }

                table.Row(Cells(b.Name, b.Counts), FormWriter.Regular);
                shown++;
            }

            if (shown < v.ByField.Count)
            {
                f.Line($"(và {v.ByField.Count - shown} lĩnh vực khác: xem bản Excel)", FormWriter.Small);
            }

            table.Row(Cells("Tổng cộng", v.Totals), FormWriter.Bold);
            f.Y += 6;
            var t = v.Totals;
            f.Line($"Tỷ lệ giải quyết đúng hạn: {Pct(t.OnTimeShare)}; giải quyết trong ngày: {Pct(t.SameDayShare)}; nộp trực tuyến: {Pct(t.OnlineShare)}; số hoá: {Pct(t.DigitisedShare)}.");
            f.Line($"Đánh giá sau kết quả: {N(t.Rated)} lượt, hài lòng {Pct(t.Satisfaction)}; đánh giá tại quầy: {N(t.CounterRated)} lượt, hài lòng {Pct(t.CounterSatisfaction)}; đánh giá kép lệch nhau: {N(t.Disagreements)}.");
            f.Y += 10;
            f.Signatures(("NGƯỜI LẬP BÁO CÁO", ""), ("THỦ TRƯỞNG ĐƠN VỊ", ""));
        });
    }

    /// <summary>Satisfaction by officer: who received how many dossiers and how the citizens rated them at the counter.</summary>
    public static byte[] OfficersPdf(DashboardView v, FormHeader header)
    {
        ArgumentNullException.ThrowIfNull(v);
        return FormWriter.Render(f =>
        {
            f.NationalHeader(header.Issuer, v.UnitName, header.Place, v.AsOf);
            f.Line("BÁO CÁO MỨC ĐỘ HÀI LÒNG THEO CÁN BỘ TIẾP NHẬN", FormWriter.Title, center: true);
            f.Line($"Kỳ báo cáo: từ ngày {v.From:dd/MM/yyyy} đến ngày {v.To:dd/MM/yyyy}", center: true);
            f.Y += 6;
            var table = new PdfTable(f, [160, 70, 70, 70, 70, 0], ruled: false);
            table.Row(["Cán bộ", "Hồ sơ tiếp nhận", "Lượt đánh giá tại quầy", "Điểm trung bình (1–4)", "Không hài lòng", "Hài lòng"], FormWriter.Bold);
            var shown = 0;
            foreach (var b in v.ByOfficer.TakeWhile(_ => f.Y < 720))
            {
                var c = b.Counts;
                table.Row([b.Name, N(c.Received), N(c.CounterRated), c.CounterAverage?.ToString("0.##", Vi) ?? "–", N(c.CounterUnsatisfied), Pct(c.CounterSatisfaction)], FormWriter.Regular);
                shown++;
            }

            if (v.ByOfficer.Count == 0)
            {
                f.Line("Chọn một phường, xã hoặc nơi tiếp nhận để báo cáo theo từng cán bộ.", FormWriter.Small);
            }
            else if (shown < v.ByOfficer.Count)
            {
                f.Line($"(và {v.ByOfficer.Count - shown} cán bộ khác: xem bản Excel)", FormWriter.Small);
            }

            f.Y += 10;
            f.Signatures(("NGƯỜI LẬP BÁO CÁO", ""), ("THỦ TRƯỞNG ĐƠN VỊ", ""));
        });
    }

    private static string N(int n) => n.ToString("N0", Vi);

    private static string Pct(double? v) => v is { } x ? x.ToString("0.##", Vi) + " %" : "chưa có dữ liệu";
}
