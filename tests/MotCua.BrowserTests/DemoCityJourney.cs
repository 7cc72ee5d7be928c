using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>The demo city with its month replayed at the first start, as the README's run command makes it.</summary>
public sealed class DemoCity() : Browser(new Dictionary<string, string?> { ["Demo:Month"] = "true" });

/// <summary>A newcomer's first look at the demo: the officer's day, the hand-over desk, the specialist's inbox, the leaders' dashboard and the queue's figures all have something in them.</summary>
public sealed class DemoCityJourney(DemoCity city) : IClassFixture<DemoCity>
{
    [Fact]
    public async Task A_newcomers_first_look_finds_a_city_at_work()
    {
        var today = DateOnly.FromDateTime(city.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var month = string.Create(CultureInfo.InvariantCulture, $"from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var failures = new List<string>();

        var officer = await city.NewPageAsync();
        await Browser.JourneyAsync(officer, "demo-city-officer", async () =>
        {
            await Browser.SignInAsync(officer, "canbo.trungvan", "/");
            var results = Number(await officer.Locator("[data-testid=today-results] b").InnerTextAsync());
            Assert.True(results > 0, "results wait to be handed over");
            await Browser.ScreenshotAsync(officer, "demo-city-home");
            await Check(officer, failures);
            await officer.Locator("[data-testid=today-results]").ClickAsync();
            await officer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Dossiers/Return");
            Assert.Equal(Math.Min(results, 100), await officer.Locator("[data-testid=ready] tbody tr").CountAsync());
            await Check(officer, failures);
        });

        var specialist = await city.NewPageAsync();
        await Browser.JourneyAsync(specialist, "demo-city-inbox", async () =>
        {
            await Browser.SignInAsync(specialist, "chuyenvien.trungvan", "/Workflow");
            Assert.True(await specialist.Locator("[data-testid=inbox] tbody tr").CountAsync() > 0, "the specialist has dossiers to handle");
            await Check(specialist, failures);
        });

        var leader = await city.NewPageAsync();
        await Browser.JourneyAsync(leader, "demo-city-dashboard", async () =>
        {
            await Browser.SignInAsync(leader, "lanhdao.thanhpho", "/Reports");
            await leader.GotoAsync($"/Reports?unit=000.00.00.H26&{month}");
            Assert.True(Number(await leader.Locator("[data-measure=received] b").InnerTextAsync()) > 100, "the month's dossiers are counted");
            Assert.True(Number(await leader.Locator("[data-measure=late] b").InnerTextAsync()) > 0, "some were late");
            Assert.True(await leader.Locator("[data-testid=ranking] tbody tr").CountAsync() >= 3, "the wards are ranked");
            await Check(leader, failures);
        });

        var queue = await city.NewPageAsync();
        await Browser.JourneyAsync(queue, "demo-city-queue", async () =>
        {
            await Browser.SignInAsync(queue, "lanhdao.trungvan", "/Queue/Figures");
            await queue.GotoAsync($"/Queue/Figures?office=001.00.61.H26&{month}");
            Assert.True(await queue.Locator("[data-testid=figures] tbody tr").CountAsync() > 0, "the queue has a history");
            await Check(queue, failures);
        });

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static int Number(string text) => int.Parse(text.Replace(".", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);

    private static async Task Check(IPage page, List<string> failures) =>
        AccessibilityJourney.Report(new Uri(page.Url).PathAndQuery, "vi-VN", await page.RunAxe(AccessibilityJourney.Wcag21AA), failures);
}
