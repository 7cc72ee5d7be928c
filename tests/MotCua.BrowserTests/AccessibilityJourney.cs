using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

using MotCua.Tests.Features.Workflow;

namespace MotCua.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.1 A and AA rules, contrast included) over the main pages, as the public and as an officer, in
/// both languages, on a phone and on a desk screen.
/// </summary>
public sealed class AccessibilityJourney(Browser browser) : IClassFixture<Browser>
{
    private const string Office = "001.00.61.H26";

    /// <summary>The WCAG 2.1 A and AA rules of axe-core, contrast included.</summary>
    internal static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("en-US")]
    public async Task The_main_pages_pass_the_WCAG_21_AA_rules_including_contrast(string language)
    {
        var code = await Flow.ReceiveAsync(browser.App, "2.000815");
        await Flow.ToResultReadyAsync(browser.App, code);
        var key = (await Flow.GetAsync(browser.App, code)).GetProperty("trackingKey").GetString();

        var publicPages = new[]
        {
            "/Accounts/Login", "/thu-tuc", "/thu-tuc/2.000815", $"/tra-cuu/{code}?key={key}", $"/danh-gia/{code}?key={key}",
            $"/lay-so/{Office}", $"/bang-goi-so/{Office}", $"/bang-cong-khai/{Office}", $"/dat-lich/{Office}",
        };
        var officerPages = new[]
        {
            "/", "/Queue", "/Intake", "/Intake?procedure=2.000815", $"/Workflow/Dossier/{code}", "/Workflow", "/Dossiers/Return", "/Dossiers/Today",
            "/Dossiers/LogBook", $"/Dossiers/Receipt/{code}", "/Citizens", "/Catalog", "/Calendar",
        };
        var leaderPages = new[] { "/Reports", "/Reports/Dossiers?measure=received", "/Reports/Monthly", "/Queue/Figures", $"/Workflow/Dossier/{code}", "/NationalSync", "/Payments/Reconciliation", "/Staffing",
            "/Staffing/People?Unit=000.00.61.H26", "/Staffing/Plans?Unit=000.00.61.H26&On=2027-07-01", "/Reform", "/Reform/Ranking",
            "/Reform/Score?Unit=000.00.61.H26", "/Reform/Edit?Unit=000.00.61.H26" };

        var failures = new List<string>();
        var phone = await browser.NewPageAsync(language);
        await phone.SetViewportSizeAsync(390, 844);
        foreach (var path in publicPages)
        {
            await CheckAsync(phone, path, language, failures);
        }

        // The board's new call, lit up, is as readable as the rest of the board.
        var board = await browser.NewPageAsync(language);
        await board.GotoAsync($"/bang-goi-so/{Office}?culture={language}");
        await Assertions.Expect(board.Locator("#status")).ToHaveClassAsync("tag office");
        await CallAsync();
        await board.Locator("tr.fresh").First.WaitForAsync();
        Report("/bang-goi-so (new call)", language, await board.RunAxe(Wcag21AA), failures);

        var desk = await browser.NewPageAsync(language);
        await Browser.SignInAsync(desk, "canbo.trungvan", "/");
        foreach (var path in officerPages)
        {
            await CheckAsync(desk, path, language, failures);
        }

        var leader = await browser.NewPageAsync(language);
        await Browser.SignInAsync(leader, "lanhdao.trungvan", "/");
        foreach (var path in leaderPages)
        {
            await CheckAsync(leader, path, language, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task CallAsync()
    {
        using var kiosk = browser.App.CreateClient();
        kiosk.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + Office);
        using var issued = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT", priority = false });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        using var officer = await browser.App.ClientForAsync("canbo.trungvan");
        var counters = await officer.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}");
        var counter = counters.GetProperty("items")[0].GetProperty("id").GetString();
        using var called = await officer.PostAsync($"/api/queue/counters/{counter}/call-next", null);
        Assert.True(called.IsSuccessStatusCode, await called.Content.ReadAsStringAsync());
    }

    private static async Task CheckAsync(IPage page, string path, string language, List<string> failures)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await page.GotoAsync($"{path}{separator}culture={language}");
        if (response is null || !response.Ok)
        {
            failures.Add($"{path}: HTTP {response?.Status}");
            return;
        }

        Report(path, language, await page.RunAxe(Wcag21AA), failures);
    }

    internal static void Report(string path, string language, AxeResult result, List<string> failures)
    {
        foreach (var violation in result.Violations)
        {
            foreach (var node in violation.Nodes.Take(3))
            {
                failures.Add($"{path} [{language}] {violation.Id}: {string.Join(" ", node.Target)} ({node.Html[..Math.Min(120, node.Html.Length)]}) {string.Join("; ", node.Any.Select(c => c.Message))}");
            }
        }
    }
}
