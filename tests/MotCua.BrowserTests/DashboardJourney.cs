using Microsoft.Playwright;

using MotCua.Tests.Features.Workflow;

namespace MotCua.BrowserTests;

public sealed class DashboardJourney(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task The_leaders_dashboard_counts_a_new_dossier_without_reloading_the_page()
    {
        var page = await browser.NewPageAsync();
        await Browser.JourneyAsync(page, "dashboard-live", async () =>
        {
            await Browser.SignInAsync(page, "lanhdao.trungvan", "/Reports");
            var received = page.Locator("[data-measure=received] b");
            var before = int.Parse(await received.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            // A marker on the page's window survives only if the page is not reloaded.
            await page.EvaluateAsync("window.stillTheSamePage = true");

            await Flow.ReceiveAsync(browser.App, "2.000815", "001090555001");

            await Assertions.Expect(received).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(await page.EvaluateAsync<bool>("window.stillTheSamePage === true"));
        });
    }
}
