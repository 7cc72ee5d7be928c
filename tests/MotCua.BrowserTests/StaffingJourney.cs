using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>The demo with its staffing: the district's history and today's people of the Justice Department and of ward Đại Mỗ.</summary>
public sealed class DemoStaffing() : Browser(new Dictionary<string, string?> { ["Demo:Staffing"] = "true" });

/// <summary>
/// The ward's leader plans next year's rotation: who is due by its day, the receiving officer moved to the economy
/// office, the draft checked, then executed; the plan is kept as executed and the move is reported.
/// </summary>
public sealed class StaffingJourney(DemoStaffing demo) : IClassFixture<DemoStaffing>
{
    [Fact]
    public async Task A_leader_drafts_checks_and_executes_a_rotation_plan()
    {
        var page = await demo.NewPageAsync();
        await Browser.JourneyAsync(page, "staffing-plan", async () =>
        {
            await Browser.SignInAsync(page, "lanhdao.trungvan", "/Staffing");
            await page.GetByTestId("people-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("people")).ToContainTextAsync("Lê Quang Vinh");
            await page.GoBackAsync();
            await page.GetByTestId("plans-link").ClickAsync();
            await page.GetByLabel("Ngày chuyển đổi có hiệu lực").FillAsync("2027-07-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem ai đến hạn" }).ClickAsync();

            // The centre's receiving officers (every 2 years since the reform of 1 July 2025) are due that day.
            var move = page.GetByLabel("Chuyển Nguyễn Thị Minh Thu đến");
            await move.SelectOptionAsync(new SelectOptionValue { Label = "Công chức Địa chính - Xây dựng – Phòng Kinh tế, Hạ tầng và Đô thị phường Đại Mỗ" });
            await page.GetByLabel("Quyết định, kế hoạch").FillAsync("Kế hoạch số 12/KH-UBND ngày 15/01/2027");
            await Browser.ScreenshotAsync(page, "staffing-plan-draft");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo và kiểm tra" }).ClickAsync();

            await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Kiểm tra đạt");
            await Assertions.Expect(page.GetByTestId("moves")).ToContainTextAsync("Công chức tiếp nhận và trả kết quả");
            await page.GetByTestId("execute").ClickAsync();
            await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("Đã thực hiện kế hoạch");
            await Assertions.Expect(page.GetByTestId("moves")).ToContainTextAsync("Đã chuyển");
            await Assertions.Expect(page.GetByTestId("execute")).ToHaveCountAsync(0);

            // Executed once: the unit's plans list it so, and she is no longer due on that day.
            await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch chuyển đổi vị trí công tác" }).First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("plans")).ToContainTextAsync("Đã thực hiện");
            await page.GotoAsync("/Staffing/Plans?Unit=000.00.61.H26&On=2027-07-01");
            await Assertions.Expect(page.GetByLabel("Chuyển Nguyễn Thị Minh Thu đến")).ToHaveCountAsync(0);
            await page.SetViewportSizeAsync(390, 844);
        });
    }
}
