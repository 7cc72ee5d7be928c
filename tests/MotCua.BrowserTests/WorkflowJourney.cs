using Microsoft.Playwright;
using MotCua.Tests.Features.Workflow;

namespace MotCua.BrowserTests;

public sealed class WorkflowJourney(Browser browser) : IClassFixture<Browser>
{
    private static async Task ActFromInboxAsync(IPage page, string code, string action)
    {
        await page.GotoAsync("/Workflow");
        await page.GetByTestId("inbox").GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/Workflow/Dossier/", StringComparison.Ordinal));
        await page.GetByLabel("Thao tác").SelectOptionAsync(action);
        await page.GetByTestId("act-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_specialist_and_the_leader_act_from_their_inboxes_and_the_citizen_gets_the_email()
    {
        var code = await Flow.ReceiveAsync(browser.App, "2.000815", "001090777888", email: "cong.dan@example.vn");
        var specialist = await browser.NewPageAsync();
        await Browser.JourneyAsync(specialist, "workflow-specialist", async () =>
        {
            await Browser.SignInAsync(specialist, "chuyenvien.trungvan", "/Workflow");
            await Assertions.Expect(specialist.GetByTestId("inbox")).ToContainTextAsync(code);
            await Browser.ScreenshotAsync(specialist, "workflow-inbox");
            await ActFromInboxAsync(specialist, code, "forward");
            await Assertions.Expect(specialist.GetByTestId("current-step")).ToContainTextAsync("Lãnh đạo");
        });

        var leader = await browser.NewPageAsync();
        await Browser.JourneyAsync(leader, "workflow-leader", async () =>
        {
            await Browser.SignInAsync(leader, "lanhdao.trungvan", "/Workflow");
            await ActFromInboxAsync(leader, code, "approve");
            await Assertions.Expect(leader.GetByTestId("status")).ToHaveTextAsync("Đã có kết quả");
            await Assertions.Expect(leader.GetByTestId("timeline")).ToContainTextAsync("Phê duyệt, ký");
        });

        // The outbox dispatcher delivers the "result ready" e-mail to the test SMTP server.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!browser.Mail.ReceivedEmail.Any(m => m.Subject.Contains(code, StringComparison.Ordinal) && m.Subject.Contains("kết quả", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the citizen's e-mail did not arrive");
            await Task.Delay(200);
        }

        var mail = browser.Mail.ReceivedEmail.First(m => m.Subject.Contains("kết quả", StringComparison.Ordinal) && m.Subject.Contains(code, StringComparison.Ordinal));
        Assert.Equal("cong.dan@example.vn", mail.ToAddresses.Single().Address);
    }
}
