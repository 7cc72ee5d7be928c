using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>The administrator reads how a reform divided a ward: the principal successor and each other one with its share.</summary>
public sealed class UnitsJourney(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Administrator_sees_a_divided_ward_and_its_shares()
    {
        var page = await browser.NewPageAsync();
        await Browser.JourneyAsync(page, "units-divided", async () =>
        {
            await Browser.SignInAsync(page, "admin", "/Units");
            await page.GotoAsync("/Units?all=true");
            await Assertions.Expect(page.GetByText("Phường Từ Liêm (60 %), Phường Đại Mỗ (40 %)").First).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(page, "units-list");

            await page.GotoAsync("/Units/Edit/000.21.15.H26");
            await Assertions.Expect(page.GetByLabel("Đơn vị kế thừa (khi sáp nhập, giải thể)")).ToHaveValueAsync("000.00.62.H26");
            await Assertions.Expect(page.GetByLabel("Đơn vị thứ 1")).ToHaveValueAsync("000.00.61.H26");
            await Assertions.Expect(page.Locator("#share-0")).ToHaveValueAsync("40");
            await page.SetViewportSizeAsync(390, 844);
        });
    }
}
