using System.Globalization;
using MiniExcelLibs;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Reform;

/// <summary>A unit's reform work of a year, as its report to the city holds it.</summary>
public sealed record UnitReformReport(Units.Contracts.UnitInfo Unit, int Year, IReadOnlyList<ReformPlanView> Plans, IndexView Index, IReadOnlyList<FindingView> Findings, DateTimeOffset AsOf);

/// <summary>The reform office's reports to the city: PDF to print and sign, Excel with every figure.</summary>
public static class ReformReport
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static string Level(string level) => level == "district" ? "quận, huyện, thị xã" : "phường, xã";

    public static byte[] RankingExcel(int year, string level, IReadOnlyList<RankedUnit> ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        using var buffer = new MemoryStream();
        buffer.SaveAs(ranking.Select(r => new Dictionary<string, object?>
        {
            ["Xếp hạng"] = r.Rank, ["Mã đơn vị"] = r.UnitCode, ["Đơn vị"] = r.UnitName, [$"Điểm năm {year}"] = r.Score, ["Đã thẩm định"] = r.Appraised ? "Có" : "Chưa",
            [$"Điểm năm {year - 1}"] = r.PreviousScore, [$"Xếp hạng năm {year - 1}"] = r.PreviousRank,
        }).ToList(), sheetName: $"Chỉ số CCHC {Level(level)}");
        return buffer.ToArray();
    }

    public static byte[] RankingPdf(int year, string level, IReadOnlyList<RankedUnit> ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        return FormWriter.Render(f =>
        {
            f.Line($"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}", FormWriter.Title, center: true);
            f.Line($"Xếp hạng các {Level(level)} ({ranking.Count} đơn vị)", center: true);
            f.Y += 6;
            var table = new PdfTable(f, [50, 230, 70, 80, 0], ruled: true);
            table.Row(["Hạng", "Đơn vị", "Điểm", "Thẩm định", $"Năm {year - 1}"], FormWriter.Bold);
            foreach (var r in ranking)
            {
                f.EnsureRoom(40);
                table.Row([r.Rank.ToString(Vi), r.UnitName, r.Score.ToString("0.##", Vi), r.Appraised ? "đã thẩm định" : "tự chấm",
                    r.PreviousRank is { } rank ? $"hạng {rank} ({r.PreviousScore?.ToString("0.##", Vi)})" : "–"], FormWriter.Regular);
            }
        });
    }

    private static string Value(double? value) => value?.ToString("0.##", Vi) ?? "chưa có số liệu";

    public static byte[] UnitExcel(UnitReformReport data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sheets = new Dictionary<string, object>
        {
            ["Chỉ tiêu"] = data.Plans.SelectMany(p => p.Targets.Select(t => new Dictionary<string, object?>
            {
                ["Kế hoạch"] = p.Name, ["Chỉ tiêu"] = t.Name, ["Mục tiêu"] = t.Target, ["Thực hiện"] = t.Actual, ["Đo từ hồ sơ"] = t.Measured ? "Có" : "Không",
                ["Đạt"] = t.Reached switch { true => "Đạt", false => "Chưa đạt", null => "" }, ["Nguồn, minh chứng"] = t.Measured ? t.Source : t.Evidence,
            })).ToList(),
            [$"Chỉ số CCHC {data.Year}"] = data.Index.Groups.SelectMany(g => g.Criteria.Select(c => new Dictionary<string, object?>
            {
                ["Lĩnh vực"] = $"{g.Code}. {g.Name}", ["Tiêu chí"] = $"{c.Code} {c.Name}", ["Điểm tối đa"] = c.Max, ["Tự chấm"] = c.Self, ["Thẩm định"] = c.Appraised, ["Tài liệu kiểm chứng"] = c.Evidence,
            })).ToList(),
            ["Kiến nghị"] = data.Findings.Select(f => new Dictionary<string, object?>
            {
                ["Nguồn"] = f.Source, ["Nội dung"] = f.Text, ["Đơn vị chủ trì"] = f.ResponsibleUnitName, ["Hạn"] = f.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                ["Tình trạng"] = f.Status == "done" ? "Đã thực hiện" : f.Overdue ? "Quá hạn" : "Đang thực hiện", ["Kết quả"] = f.Evidence,
            }).ToList(),
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets);
        return buffer.ToArray();
    }

    public static byte[] UnitPdf(UnitReformReport data, Units.Contracts.FormHeader header)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(header);
        return FormWriter.Render(f =>
        {
            f.NationalHeader(header.Issuer, data.Unit.Name, header.Place, data.AsOf);
            f.Line($"BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM {data.Year}", FormWriter.Title, center: true);
            f.Y += 6;
            foreach (var plan in data.Plans)
            {
                f.EnsureRoom(80);
                f.Line($"{plan.Name} ({plan.From:dd/MM/yyyy} – {plan.To:dd/MM/yyyy})", FormWriter.Bold);
                var targets = new PdfTable(f, [230, 60, 80, 0], ruled: true);
                targets.Row(["Chỉ tiêu", "Mục tiêu", "Thực hiện", "Đánh giá"], FormWriter.Bold);
                foreach (var t in plan.Targets)
                {
                    f.EnsureRoom(40);
                    targets.Row([t.Name, t.Target.ToString("0.##", Vi), Value(t.Actual), t.Reached switch { true => "đạt", false => "chưa đạt", null => "–" }], FormWriter.Regular);
                }

                f.Y += 8;
            }

            f.EnsureRoom(80);
            f.Line($"Chỉ số cải cách hành chính năm {data.Year}: {data.Index.Score.ToString("0.##", Vi)} / {data.Index.Max.ToString("0.##", Vi)} điểm", FormWriter.Bold);
            var index = new PdfTable(f, [260, 60, 60, 0], ruled: true);
            index.Row(["Lĩnh vực", "Tối đa", "Tự chấm", "Thẩm định"], FormWriter.Bold);
            foreach (var g in data.Index.Groups)
            {
                f.EnsureRoom(40);
                index.Row([$"{g.Code}. {g.Name}", g.Max.ToString("0.##", Vi), g.Self.ToString("0.##", Vi), g.Appraised?.ToString("0.##", Vi) ?? "–"], FormWriter.Regular);
            }

            f.Y += 8;
            f.EnsureRoom(80);
            f.Line($"Kiến nghị của đoàn giám sát, kiểm tra: {data.Findings.Count(x => x.Status == "done")} đã thực hiện, {data.Findings.Count(x => x.Status != "done")} đang thực hiện ({data.Findings.Count(x => x.Overdue)} quá hạn)", FormWriter.Bold);
            var findings = new PdfTable(f, [250, 70, 0], ruled: true);
            findings.Row(["Kiến nghị", "Hạn", "Tình trạng"], FormWriter.Bold);
            foreach (var x in data.Findings)
            {
                f.EnsureRoom(40);
                findings.Row([x.Text, x.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), x.Status == "done" ? "đã thực hiện" : x.Overdue ? "quá hạn" : "đang thực hiện"], FormWriter.Regular);
            }

            f.Y += 14;
            f.EnsureRoom(90);
            f.Signatures(("NGƯỜI LẬP BÁO CÁO", ""), ("THỦ TRƯỞNG ĐƠN VỊ", ""));
        });
    }
}
