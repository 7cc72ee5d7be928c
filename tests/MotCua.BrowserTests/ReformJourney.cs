using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>The demo with its reform office: plans, the index of every ward, a delegation's findings, the register.</summary>
public sealed class DemoReform() : Browser(new Dictionary<string, string?> { ["Demo:Reform"] = "true" });

/// <summary>
/// The ward's leader reads the reform dashboard (targets against their measured actuals, the index, the findings),
/// records the overdue finding done, adds a new one, and sees the wards ranked.
/// </summary>
public sealed class ReformJourney(DemoReform demo) : IClassFixture<DemoReform>
{
    [Fact]
    public async Task A_leader_follows_the_reform_dashboard_through_findings_and_the_ranking()
    {
        var page = await demo.NewPageAsync();
        await Browser.JourneyAsync(page, "reform-dashboard", async () =>
        {
            // The overdue finding waits on the leader's home page and in their inbox, as overdue dossiers do.
            await Browser.SignInAsync(page, "lanhdao.trungvan", "/");
            await Assertions.Expect(page.GetByTestId("today-findings")).ToContainTextAsync("1");
            await page.GetByTestId("today-findings").ClickAsync();
            await Assertions.Expect(page.GetByTestId("inbox-findings")).ToContainTextAsync("Phường Đại Mỗ");
            await page.GetByTestId("inbox-findings").GetByRole(AriaRole.Link).First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Reform\\?Unit=.*#finding-"));
            await Assertions.Expect(page.GetByTestId("plan").First).ToContainTextAsync("Tỷ lệ người dân, tổ chức hài lòng");
            await Assertions.Expect(page.GetByTestId("index-score")).ToContainTextAsync("/ 100");
            await Assertions.Expect(page.GetByTestId("findings")).ToContainTextAsync("quá hạn");
            await Browser.ScreenshotAsync(page, "reform-dashboard-start");

            // The overdue finding is recorded done with its evidence.
            await page.GetByText("Ghi kết quả thực hiện").First.ClickAsync();
            await page.GetByLabel("Kết quả, văn bản chứng minh").First.FillAsync("Báo cáo số 31/BC-UBND");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("Đã ghi kết quả");
            await Assertions.Expect(page.GetByTestId("findings")).Not.ToContainTextAsync("quá hạn");
            await page.GotoAsync("/Workflow?filter=findings");
            await Assertions.Expect(page.GetByTestId("inbox-tabs").Locator("[data-filter=findings] .count")).ToHaveTextAsync("0");
            await page.GotoAsync("/Reform");

            // A new finding from the forms page reaches the dashboard.
            await page.GetByTestId("edit-link").ClickAsync();
            await page.GetByTestId("add-finding").Locator("summary").ClickAsync();
            await page.GetByLabel("Đoàn giám sát, kiểm tra hoặc kế hoạch").FillAsync("Đoàn kiểm tra cải cách hành chính của thành phố");
            await page.GetByLabel("Kiến nghị", new() { Exact = true }).FillAsync("Công khai kết quả đánh giá sự hài lòng hằng quý");
            await page.GetByLabel("Hạn", new() { Exact = true }).FillAsync("2027-03-31");
            await page.GetByRole(AriaRole.Button, new() { Name = "Thêm kiến nghị cần thực hiện" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("Đã thêm kiến nghị");
            await page.GotoAsync("/Reform");
            await Assertions.Expect(page.GetByTestId("findings")).ToContainTextAsync("Công khai kết quả đánh giá sự hài lòng hằng quý");

            // The steering committee's meeting is recorded with its conclusions.
            await page.GetByTestId("edit-link").ClickAsync();
            await page.GetByTestId("add-meeting").Locator("summary").ClickAsync();
            await page.GetByLabel("Kết luận").FillAsync("Giao văn phòng rà soát quy trình nội bộ trước 31/01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ghi cuộc họp của ban chỉ đạo" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("Đã ghi cuộc họp");
            await page.GotoAsync("/Reform");
            await Assertions.Expect(page.GetByTestId("committee").First).ToContainTextAsync("Giao văn phòng rà soát quy trình nội bộ trước 31/01");

            await page.GetByRole(AriaRole.Link, new() { Name = "Xếp hạng các đơn vị" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("ranking")).ToContainTextAsync("Phường Đại Mỗ");
            await page.SetViewportSizeAsync(390, 844);
        });
    }
}
