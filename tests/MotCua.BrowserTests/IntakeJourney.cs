using Microsoft.Playwright;

namespace MotCua.BrowserTests;

public sealed class IntakeJourney(Browser browser) : IClassFixture<Browser>
{
    private const string Qr = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Số 1 ngõ 2, phường Trung Văn, Hà Nội|15042021";

    [Fact]
    public async Task Officer_scans_the_ID_card_and_the_citizen_screen_shows_the_prefilled_data_live()
    {
        var intake = await browser.NewPageAsync();
        await Browser.JourneyAsync(intake, "intake-scan", async () =>
        {
            await Browser.SignInAsync(intake, "canbo.trungvan", "/Intake");

            // The citizen screen opens in another window of the same signed-in browser.
            var screen = await intake.Context.NewPageAsync();
            await screen.GotoAsync("/Intake/Screen");
            await Assertions.Expect(screen.Locator("#status")).ToHaveClassAsync("tag office");

            // The scanner types the QR line wherever the focus is; nobody clicks.
            await intake.Locator("h1").ClickAsync();
            await intake.Keyboard.TypeAsync(Qr);
            await intake.Keyboard.PressAsync("Enter");
            await Assertions.Expect(intake.GetByTestId("profile-name")).ToHaveTextAsync("Nguyễn Văn An");
            await Assertions.Expect(screen.GetByTestId("screen-name")).ToHaveTextAsync("Nguyễn Văn An");

            await intake.GetByLabel("Điện thoại").FillAsync("0912345678");
            await Assertions.Expect(screen.GetByTestId("screen-phone")).ToHaveTextAsync("0912345678");
            await Browser.ScreenshotAsync(screen, "intake-citizen-screen");

            // The procedure by its name typed without diacritics; what was typed in the phone field is still there after.
            await intake.GetByLabel("Mã hoặc tên thủ tục").FillAsync("xyz khong co");
            await Assertions.Expect(intake.Locator("#procedure-status")).ToContainTextAsync("Không có thủ tục nào khớp");
            await intake.GetByLabel("Mã hoặc tên thủ tục").FillAsync("dang ky khai sinh");
            await Assertions.Expect(intake.Locator("#procedure-status")).ToHaveTextAsync("2 thủ tục khớp");
            await Browser.ScreenshotAsync(intake, "intake-procedure-search");
            await intake.Locator("[role=option][data-code='1.001193']").ClickAsync();
            await Assertions.Expect(intake.GetByTestId("procedure-name")).ToHaveTextAsync("Đăng ký khai sinh");
            await Assertions.Expect(intake.GetByLabel("Điện thoại")).ToHaveValueAsync("0912345678");
            await Assertions.Expect(intake.GetByTestId("checklist")).ToContainTextAsync("Giấy chứng sinh");
        });
    }

    [Fact]
    public async Task Officer_scans_picks_a_procedure_accepts_and_prints_the_receipt_by_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await Browser.JourneyAsync(page, "intake-accept", async () =>
        {
            await Browser.SignInAsync(page, "canbo.trungvan", "/Intake");
            await page.Keyboard.TypeAsync("001190555666||Đinh Thị Thu Hà|09091992|Nữ|Số 9 phố Tố Hữu, Hà Nội|10102021");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("profile-name")).ToHaveTextAsync("Đinh Thị Thu Hà");

            await page.GetByLabel("Mã hoặc tên thủ tục").FillAsync("2.000815");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("procedure-name")).ToContainTextAsync("Chứng thực bản sao");
            foreach (var box in await page.GetByLabel("đã xem bản giấy").AllAsync())
            {
                await box.CheckAsync();
            }

            await page.GetByTestId("accept").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/Dossiers/Receipt/", StringComparison.Ordinal));
            var code = await page.GetByTestId("dossier-code").InnerTextAsync();
            Assert.Matches(@"^001\.00\.61\.H26-\d{6}-\d{4}$", code);

            var pdf = await page.Context.APIRequest.GetAsync((await page.GetByTestId("receipt-pdf").GetAttributeAsync("href"))!);
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);

            // The handler and the leader do their part (WorkflowJourney drives their pages); the result is ready.
            await MotCua.Tests.Features.Workflow.Flow.ToResultReadyAsync(browser.App, code);

            // Later the citizen comes back with the receipt: its QR code, scanned, finds the dossier.
            await page.GotoAsync("/Dossiers/Return");
            var key = (await MotCua.Tests.Features.Workflow.Flow.GetAsync(browser.App, code)).GetProperty("trackingKey").GetString();
            await page.Keyboard.TypeAsync($"http://localhost:5080/tra-cuu/{code}?key={key}");
            await page.Keyboard.PressAsync("Enter");
            await page.GetByTestId("return-submit").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("returned")).ToBeVisibleAsync();

            var tracking = await browser.NewPageAsync();
            await tracking.GotoAsync($"/tra-cuu/{code}?key={key}");
            await Assertions.Expect(tracking.GetByTestId("tracking")).ToContainTextAsync("Đinh T. T. H.");
            await Assertions.Expect(tracking.GetByTestId("tracking")).ToContainTextAsync("Đã trả kết quả");
            await Assertions.Expect(tracking.GetByTestId("tracking")).Not.ToContainTextAsync("001190555666");
        });
    }
}
