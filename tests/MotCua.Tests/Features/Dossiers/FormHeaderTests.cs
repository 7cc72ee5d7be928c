using Microsoft.EntityFrameworkCore;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Dossiers;

/// <summary>Circular 03/2025 (as 01/2018): the place-and-date line of a form is the issuing unit's province, not a fixed city.</summary>
public sealed class FormHeaderTests
{
    [Theory]
    [InlineData("Thành phố Hà Nội", "Hà Nội")]
    [InlineData("Tỉnh Bắc Ninh", "Bắc Ninh")]
    [InlineData("Thành phố Huế", "Huế")]
    [InlineData("Đặc khu Phú Quốc", "Đặc khu Phú Quốc")]
    public void The_place_is_the_province_without_its_kind(string province, string place) => Assert.Equal(place, UnitTree.PlaceName(province));

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_receipt_and_the_control_slip_are_dated_at_the_offices_own_province(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "1.004873");
            using var officer = await app.ClientForAsync("canbo.trungvan");
            Assert.Contains("Hà Nội, ngày 01 tháng 03 năm 2027", Flow.PdfText(await officer.GetByteArrayAsync($"/api/dossiers/{code}/receipt.pdf")), StringComparison.Ordinal);

            // The same office under a province of another name: its forms follow the province.
            await app.WithDbAsync(async db =>
            {
                var province = await db.Units.SingleAsync(u => u.Code == "000.00.00.H26");
                province.Name = "Tỉnh Thử Nghiệm";
                await db.SaveChangesAsync();
                return 0;
            });
            Assert.Contains("Thử Nghiệm, ngày 01 tháng 03 năm 2027", Flow.PdfText(await officer.GetByteArrayAsync($"/api/dossiers/{code}/receipt.pdf")), StringComparison.Ordinal);
            var slip = Flow.PdfText(await officer.GetByteArrayAsync($"/api/dossiers/{code}/control-slip.pdf"));
            Assert.Contains("Thử Nghiệm, ngày", slip, StringComparison.Ordinal);
            Assert.DoesNotContain("Hà Nội, ngày", slip, StringComparison.Ordinal);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Every_hand_over_on_the_control_slip_has_its_signature_spaces_on_as_many_pages_as_it_takes(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "1.004873");
            for (var i = 0; i < 7; i++)
            {
                await Flow.ActAsync(app, "canbo.trungvan", code, "forward");
                await Flow.ActAsync(app, "chuyenvien.trungvan", code, "sendBack", new { note = $"Lần {i + 1}: cần kiểm tra lại" });
            }

            var rows = (await Flow.ProgressAsync(app, code)).GetProperty("controlSlip").GetArrayLength();
            Assert.Equal(14, rows);
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var pdf = await officer.GetByteArrayAsync($"/api/dossiers/{code}/control-slip.pdf");
            using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
            {
                Assert.True(document.NumberOfPages > 1, "fourteen signed hand-overs do not fit one page");
            }

            var text = Flow.PdfText(pdf);
            Assert.Equal(rows, text.Split("Người nhận (ký").Length - 1);
            Assert.Equal(rows, text.Split("Người giao (ký").Length - 1);
        });
    }
}
