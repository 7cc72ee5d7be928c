using System.Globalization;
using MiniExcelLibs;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Pdf;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Staffing;

/// <summary>What a unit's yearly staffing report holds: quota against people in post, and the rotations of a period.</summary>
public sealed record StaffingReportData(UnitInfo Unit, int Year, DateOnly OnDate, IReadOnlyList<QuotaLine> Lines, RotationReport Rotations, DateTimeOffset AsOf);

/// <summary>The yearly staffing report, as PDF (for the city) and Excel (the same figures, every line).</summary>
public static class StaffingReport
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static string Category(string category) => Texts.InVietnamese("Staffing.Category." + category);

    private static string Level(string level) => Texts.InVietnamese("Staffing.Level." + level);

    public static byte[] Excel(StaffingReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sheets = new Dictionary<string, object>
        {
            ["Biên chế"] = data.Lines.Select(l => new Dictionary<string, object?>
            {
                ["Mã đơn vị"] = l.UnitCode, ["Đơn vị"] = l.UnitName, ["Loại"] = Category(l.Category), ["Biên chế được giao"] = l.Quota, ["Hiện có"] = l.Filled,
                ["Ngày"] = l.OnDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            }).ToList(),
            ["Chuyển đổi vị trí"] = data.Rotations.Items.Select(r => new Dictionary<string, object?>
            {
                ["Cấp"] = Level(r.Level), ["Loại"] = Category(r.Category), ["Số người đã chuyển đổi"] = r.Rotated,
                ["Từ ngày"] = data.Rotations.From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), ["Đến ngày"] = data.Rotations.To.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            }).ToList(),
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets);
        return buffer.ToArray();
    }

    public static byte[] Pdf(StaffingReportData data, FormHeader header)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(header);
        return FormWriter.Render(f =>
        {
            f.NationalHeader(header.Issuer, data.Unit.Name, header.Place, data.AsOf);
            f.Line($"BÁO CÁO BIÊN CHẾ VÀ CHUYỂN ĐỔI VỊ TRÍ CÔNG TÁC NĂM {data.Year}", FormWriter.Title, center: true);
            f.Line($"Số người làm việc so với biên chế được giao, ngày {data.OnDate:dd/MM/yyyy}", center: true);
            f.Y += 6;
            var table = new PdfTable(f, [200, 90, 70, 70, 0], ruled: true);
            table.Row(["Đơn vị", "Loại", "Biên chế", "Hiện có", "Còn lại"], FormWriter.Bold);
            foreach (var line in data.Lines.Where(l => l.Quota is not null || l.Filled > 0))
            {
                f.EnsureRoom(40);
                table.Row([line.UnitName, Category(line.Category), line.Quota?.ToString("N0", Vi) ?? "–", line.Filled.ToString("N0", Vi), line.Quota is { } q ? (q - line.Filled).ToString("N0", Vi) : "–"], FormWriter.Regular);
            }

            f.Y += 10;
            f.EnsureRoom(80);
            f.Line($"Chuyển đổi vị trí công tác từ ngày {data.Rotations.From:dd/MM/yyyy} đến ngày {data.Rotations.To:dd/MM/yyyy}: {data.Rotations.Total.ToString("N0", Vi)} người", FormWriter.Bold);
            var rotations = new PdfTable(f, [200, 160, 0], ruled: true);
            rotations.Row(["Cấp", "Loại", "Số người"], FormWriter.Bold);
            foreach (var r in data.Rotations.Items)
            {
                rotations.Row([Level(r.Level), Category(r.Category), r.Rotated.ToString("N0", Vi)], FormWriter.Regular);
            }

            f.Y += 14;
            f.EnsureRoom(90);
            f.Signatures(("NGƯỜI LẬP BÁO CÁO", ""), ("THỦ TRƯỞNG ĐƠN VỊ", ""));
        });
    }
}
