using Microsoft.Playwright;

namespace MotCua.BrowserTests;

public sealed class EvaluationJourney(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task The_officer_finishes_the_citizen_rates_on_the_device_and_after_the_result_and_the_leader_sees_it()
    {
        var intake = await browser.NewPageAsync();
        await Browser.JourneyAsync(intake, "evaluation", async () =>
        {
            await Browser.SignInAsync(intake, "canbo.trungvan", "/Intake");
            var screen = await intake.Context.NewPageAsync();
            await screen.GotoAsync("/Intake/Screen");
            await Assertions.Expect(screen.Locator("#status")).ToHaveClassAsync("tag office");

            await intake.Locator("h1").ClickAsync();
            await intake.Keyboard.TypeAsync("001192777888||Phạm Minh Đức|05051992|Nam|Số 3 phố Lê Quang Đạo, Hà Nội|10102021");
            await intake.Keyboard.PressAsync("Enter");
            await Assertions.Expect(intake.GetByTestId("profile-name")).ToHaveTextAsync("Phạm Minh Đức");
            await intake.GetByLabel("Mã hoặc tên thủ tục").FillAsync("2.000815");
            await intake.Keyboard.PressAsync("Enter");
            await Assertions.Expect(intake.GetByTestId("procedure-name")).ToContainTextAsync("Chứng thực bản sao");
            foreach (var box in await intake.GetByLabel("đã xem bản giấy").AllAsync())
            {
                await box.CheckAsync();
            }

            await intake.GetByTestId("accept").ClickAsync();
            await intake.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/Dossiers/Receipt/", StringComparison.Ordinal));
            var code = await intake.GetByTestId("dossier-code").InnerTextAsync();

            // The transaction is finished: the citizen's screen turns to the four faces for this dossier.
            await Assertions.Expect(screen.GetByTestId("rate")).ToBeVisibleAsync();
            await Assertions.Expect(screen.GetByTestId("rate")).ToContainTextAsync(code);
            await Browser.ScreenshotAsync(screen, "evaluation-faces");
            await screen.GetByRole(AriaRole.Button, new() { Name = "Không hài lòng", Exact = true }).ClickAsync();
            await Assertions.Expect(screen.Locator("#rate-thanks")).ToBeVisibleAsync();
            await Assertions.Expect(intake.GetByTestId("dossier-code")).ToHaveTextAsync(code); // the officer's page is told nothing

            // After the result the citizen follows the receipt's QR code and rates the handling, on a phone.
            await MotCua.Tests.Features.Workflow.Flow.ToResultReadyAsync(browser.App, code);
            var phone = await browser.NewPageAsync();
            var key = (await MotCua.Tests.Features.Workflow.Flow.GetAsync(browser.App, code)).GetProperty("trackingKey").GetString();
            await phone.GotoAsync($"/tra-cuu/{code}?key={key}");
            await phone.GetByRole(AriaRole.Link, new() { Name = "Đánh giá việc giải quyết hồ sơ này" }).ClickAsync();
            // Filed at the counter: the online service's quality is not asked; it says it does not apply.
            await Assertions.Expect(phone.GetByTestId("not-applicable")).ToHaveTextAsync("Không áp dụng: hồ sơ này không nộp trực tuyến.");
            foreach (var group in await phone.Locator("fieldset.criterion:has(input[type=radio])").AllAsync())
            {
                await group.GetByLabel("Rất hài lòng").CheckAsync();
            }

            await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
            await Assertions.Expect(phone.GetByTestId("rated")).ToContainTextAsync("Cảm ơn Ông/Bà đã đánh giá");
            await Assertions.Expect(phone.GetByTestId("rated")).Not.ToContainTextAsync("16/16"); // the score is the office's, not shown to the citizen

            // The ward's leader sees both, and the disagreement between them, and clicks through to the dossier.
            var leader = await browser.NewPageAsync();
            await Browser.SignInAsync(leader, "lanhdao.trungvan", "/Reports");
            await Assertions.Expect(leader.Locator("[data-measure=counterRated] b")).ToHaveTextAsync("1");
            await Assertions.Expect(leader.Locator("[data-measure=disagreement] b")).ToHaveTextAsync("1");
            await Assertions.Expect(leader.GetByTestId("service-index")).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(leader, "evaluation-dashboard");
            await leader.Locator("[data-measure=disagreement]").ClickAsync();
            await Assertions.Expect(leader.GetByTestId("total")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"(^|\D)1(\D|$)")); // one dossier, not 10 or 21
            await Assertions.Expect(leader.GetByTestId("dossiers")).ToContainTextAsync(code);
        });
    }
}
