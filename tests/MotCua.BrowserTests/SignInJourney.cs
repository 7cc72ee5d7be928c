using Microsoft.Playwright;
using MotCua.Tests;

namespace MotCua.BrowserTests;

public sealed class SignInJourney(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Pilot_ward_officer_signs_in_and_sees_the_ward_workspace()
    {
        var page = await browser.NewPageAsync();
        await Browser.JourneyAsync(page, "sign-in-officer", async () =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ đăng nhập" }).ClickAsync();
            await page.GetByLabel("Tên đăng nhập").FillAsync("canbo.trungvan");
            await page.GetByLabel("Mật khẩu").FillAsync(TestApp.Password);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            var unit = page.GetByTestId("who-unit");
            await Assertions.Expect(unit).ToContainTextAsync("Trung tâm Phục vụ hành chính công phường Đại Mỗ");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không gian làm việc" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("unit-card").First).ToContainTextAsync("001.00.61.H26");
        });
    }

    [Fact]
    public async Task Wrong_password_keeps_the_visitor_on_the_sign_in_page_with_a_message()
    {
        var page = await browser.NewPageAsync();
        await Browser.JourneyAsync(page, "sign-in-wrong-password", async () =>
        {
            await page.GotoAsync("/Accounts/Login");
            await page.GetByLabel("Tên đăng nhập").FillAsync("canbo.trungvan");
            await page.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng");
        });
    }
}
