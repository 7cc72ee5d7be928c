using System.Globalization;
using MiniExcelLibs;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Reform;

/// <summary>The reform index ranking as the city's report takes it: PDF to print and sign, Excel with every figure.</summary>
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
}
