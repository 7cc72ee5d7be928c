using Microsoft.Playwright;

namespace MotCua.BrowserTests;

public sealed class QueueJourney(Browser browser) : IClassFixture<Browser>
{
    private const string Office = "001.00.61.H26";

    [Fact]
    public async Task A_kiosk_ticket_is_called_at_a_counter_the_board_shows_it_live_and_intake_starts_from_it()
    {
        var board = await browser.NewPageAsync();
        var kiosk = await browser.NewPageAsync();
        var counter = await browser.NewPageAsync();
        await Browser.JourneyAsync(counter, "queue-counter", async () =>
        {
            await board.GotoAsync($"/bang-goi-so/{Office}");
            await Assertions.Expect(board.Locator("#status")).ToHaveClassAsync("tag office");

            await kiosk.GotoAsync($"/lay-so/{Office}");
            // A new kiosk asks once for the key the office's leaders issued (the demo city's is shown on the form).
            await Assertions.Expect(kiosk.GetByTestId("kiosk-setup")).ToBeVisibleAsync();
            await kiosk.GetByLabel("Mã máy lấy số").FillAsync("MK-DEMO-" + Office);
            await kiosk.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
            await kiosk.GetByRole(AriaRole.Button, new() { Name = "Hộ tịch" }).ClickAsync();
            await Assertions.Expect(kiosk.Locator("#ticket-number")).ToHaveTextAsync("A1001");
            await Browser.ScreenshotAsync(kiosk, "queue-kiosk-ticket");
            await Assertions.Expect(board.GetByTestId("waiting")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"(^|\D)1(\D|$)")); // one waiting, not 10

            await Browser.SignInAsync(counter, "canbo.trungvan", "/Queue");
            // A first visit asks which counter; the shortcuts are listed and work as labelled.
            await Assertions.Expect(counter.GetByTestId("pick-counter")).ToBeVisibleAsync();
            await counter.GetByTestId("counter").SelectOptionAsync(new SelectOptionValue { Label = "Quầy số 1 (mọi dịch vụ)" });
            await Assertions.Expect(counter.GetByTestId("shortcuts")).ToContainTextAsync("N gọi số tiếp theo");
            await counter.Locator("h1").ClickAsync();
            await counter.Keyboard.PressAsync("n");
            await Assertions.Expect(counter.GetByTestId("current")).ToHaveTextAsync("A1001");

            // The board hears the call at once, without reloading.
            await Assertions.Expect(board.GetByTestId("calls")).ToContainTextAsync("A1001");
            await Assertions.Expect(board.GetByTestId("calls")).ToContainTextAsync("Quầy số 1");
            await Browser.ScreenshotAsync(board, "queue-board");

            // The panel remembers the counter: opened again, it is on Quầy số 1, named with the officer who called there.
            await counter.GotoAsync("/Queue");
            await Assertions.Expect(counter.GetByTestId("current")).ToHaveTextAsync("A1001");
            await Assertions.Expect(counter.GetByTestId("counter").Locator("option:checked")).ToHaveTextAsync("Quầy số 1 (mọi dịch vụ) · Nguyễn Thị Minh Thu");
            await counter.GetByTestId("start-intake").ClickAsync();
            await counter.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Intake" && new Uri(url).Query.Contains("ticket=", StringComparison.Ordinal));

            // The officer's home page: today's work, one click to each list.
            await counter.GotoAsync("/");
            await Assertions.Expect(counter.GetByTestId("today-waiting")).ToBeVisibleAsync();
            await counter.GetByTestId("today-results").ClickAsync();
            await counter.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Dossiers/Return");
            await counter.GoBackAsync();
        });
    }
}
