using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MotCua.Tests;
using MotCua.Tests.Features.Workflow;

namespace MotCua.BrowserTests;

/// <summary>A citizen pays a dossier's fee online on a phone, through the sandbox gateway: the IPN marks it paid and the receipt downloads.</summary>
public sealed class PaymentJourney(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task A_citizen_pays_online_the_gateway_confirms_it_and_the_receipt_downloads()
    {
        var code = await Flow.ReceiveAsync(browser.App, "2.000815"); // certification, 2,000 đồng a page, for An
        var failures = new List<string>();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await Browser.JourneyAsync(page, "payment-online", async () =>
        {
            await page.GotoAsync($"/cong-dan/dang-nhap?ReturnUrl={Uri.EscapeDataString($"/cong-dan/ho-so/{code}/le-phi")}");
            await page.GetByLabel("Số định danh cá nhân").FillAsync("001090123456");
            await page.GetByLabel("Mật khẩu").FillAsync(TestApp.Password);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("due")).ToContainTextAsync("2.000");
            AccessibilityJourney.Report("/cong-dan/ho-so/…/le-phi", "vi-VN", await page.RunAxe(AccessibilityJourney.Wcag21AA), failures);

            await page.GetByTestId("pay-online").ClickAsync();
            await Assertions.Expect(page.GetByTestId("pay-amount")).ToHaveTextAsync("2.000 đ");
            AccessibilityJourney.Report("/sandbox/vnpay/pay", "vi-VN", await page.RunAxe(AccessibilityJourney.Wcag21AA), failures);
            await page.GetByTestId("pay").ClickAsync();

            // Back from the gateway: the page shows what the IPN recorded.
            await Assertions.Expect(page.GetByTestId("return-paid")).ToBeVisibleAsync();
            AccessibilityJourney.Report("/payments/vnpay/return", "vi-VN", await page.RunAxe(AccessibilityJourney.Wcag21AA), failures);
            await page.GetByRole(AriaRole.Link, new() { Name = "Xem phí, lệ phí của hồ sơ" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("due")).ToContainTextAsync("0 đ");
            var receipt = await page.Context.APIRequest.GetAsync((await page.GetByTestId("receipt").GetAttributeAsync("href"))!);
            Assert.Equal("application/pdf", receipt.Headers["content-type"]);
        });
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
