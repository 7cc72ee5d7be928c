using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MotCua.Tests;
using MotCua.Tests.Builders;

namespace MotCua.BrowserTests;

/// <summary>The citizen's portal on a phone: apply once-only, the office receives it, the citizen follows it and sees who read their data; a supplement; a withdrawal.</summary>
public sealed class PortalJourney(Browser browser) : IClassFixture<Browser>
{
    private const string An = "001090123456";

    private async Task<IPage> CitizenAsync(string returnPath)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/cong-dan/dang-nhap?ReturnUrl={Uri.EscapeDataString(returnPath)}");
        await page.GetByLabel("Số định danh cá nhân").FillAsync(An);
        await page.GetByLabel("Mật khẩu").FillAsync(TestApp.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnPath);
        return page;
    }

    /// <summary>An application An sends through the API, as the portal's own form would.</summary>
    private async Task<string> SubmittedAsync()
    {
        using var api = await browser.App.ClientForAsync(An);
        using var response = await api.PostAsJsonAsync("/api/portal/dossiers", new { procedureCode = "2.000815", office = "001.00.61.H26" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    private static async Task AxeAsync(IPage page, string what, List<string> failures) =>
        AccessibilityJourney.Report(what, "vi-VN", await page.RunAxe(AccessibilityJourney.Wcag21AA), failures);

    [Fact]
    public async Task A_citizen_applies_with_a_stored_and_an_uploaded_document_the_office_receives_it_and_the_citizen_sees_who_read_it()
    {
        // What an earlier visit left in An's store: the original to be certified, still valid.
        using (var api = await browser.App.ClientForAsync(An))
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.QrPng("bản chính", 4)), "file", "ban-chinh.png" }, { new StringContent("ban-chinh"), "documentType" } })
        using (var stored = await api.PostAsync("/api/portal/documents", form))
        {
            Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());
        }

        var failures = new List<string>();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        string reference = "";
        await Browser.JourneyAsync(page, "portal-apply", async () =>
        {
            await page.GotoAsync("/thu-tuc/2.000815");
            await page.GetByTestId("apply-online").ClickAsync();
            await page.GetByLabel("Số định danh cá nhân").FillAsync(An);
            await page.GetByLabel("Mật khẩu").FillAsync(TestApp.Password);
            await page.Keyboard.PressAsync("Enter");
            await page.GetByLabel("Trung tâm Phục vụ hành chính công phường Đại Mỗ").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();

            // Once only: the store filled the form, saying where each value came from; the stored original is offered again.
            await Assertions.Expect(page.GetByLabel("Họ, chữ đệm, tên người yêu cầu")).ToHaveValueAsync("Nguyễn Văn An");
            await Assertions.Expect(page.GetByTestId("source-applicant.fullName")).ToContainTextAsync("Theo thẻ căn cước");
            await Assertions.Expect(page.GetByTestId("partial-online")).ToContainTextAsync("mang theo");
            await Assertions.Expect(page.GetByTestId("reuse-ban-chinh")).ToBeCheckedAsync();
            await AxeAsync(page, "/cong-dan/nop/2.000815", failures);
            await page.Locator("#upload_ban-sao").SetInputFilesAsync(new FilePayload { Name = "ban-sao.png", MimeType = "image/png", Buffer = TestImages.QrPng("bản sao", 4) });
            await page.GetByTestId("continue").ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kiểm tra lại trước khi gửi" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("answers")).ToContainTextAsync("12/05/1990");
            await AxeAsync(page, "/cong-dan/ho-so (check)", failures);
            await page.GetByTestId("submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Đã gửi hồ sơ");
            reference = (await page.GetByTestId("reference").InnerTextAsync()).Trim();
            await AxeAsync(page, "/cong-dan/ho-so (sent)", failures);
        });

        var officer = await browser.NewPageAsync();
        await Browser.JourneyAsync(officer, "portal-officer-accepts", async () =>
        {
            await Browser.SignInAsync(officer, "canbo.trungvan", "/Workflow");
            await officer.GotoAsync("/Workflow?filter=online");
            await officer.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
            await Assertions.Expect(officer.GetByTestId("answers")).ToContainTextAsync("Nguyễn Văn An");
            await Assertions.Expect(officer.Locator("main li")).ToHaveCountAsync(2); // the reused and the uploaded document
            await AxeAsync(officer, "/Workflow/Online", failures);
            await officer.GetByTestId("accept").ClickAsync();
            await officer.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/Workflow/Dossier/", StringComparison.Ordinal));
        });

        await Browser.JourneyAsync(page, "portal-received", async () =>
        {
            await page.GotoAsync("/cong-dan");
            await page.Locator($"a[href='/cong-dan/ho-so/{reference}']").ClickAsync();
            await Assertions.Expect(page.GetByTestId("code")).ToContainTextAsync("001.00.61.H26-");
            await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("tiếp nhận");
            await AxeAsync(page, "/cong-dan/ho-so (received)", failures);
            await page.GotoAsync("/cong-dan/nhat-ky");
            await Assertions.Expect(page.GetByTestId("access-log")).ToContainTextAsync("Nguyễn Thị Minh Thu");
            await Assertions.Expect(page.GetByTestId("access-log")).ToContainTextAsync("Trung tâm Phục vụ hành chính công phường Đại Mỗ");
            await AxeAsync(page, "/cong-dan/nhat-ky", failures);
        });

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_supplement_is_answered_online_and_a_waiting_application_is_withdrawn()
    {
        var asked = await SubmittedAsync();
        using (var officer = await browser.App.ClientForAsync("canbo.trungvan"))
        using (var response = await officer.PostAsJsonAsync($"/api/online/{asked}/supplement", new { note = "Tải lên bản sao cần chứng thực" }))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var withdrawn = await SubmittedAsync();
        var page = await CitizenAsync($"/cong-dan/ho-so/{asked}");
        await Browser.JourneyAsync(page, "portal-supplement", async () =>
        {
            await Assertions.Expect(page.GetByTestId("officer-note")).ToContainTextAsync("Tải lên bản sao cần chứng thực");
            await page.Locator("#upload_ban-sao").SetInputFilesAsync(new FilePayload { Name = "ban-sao.png", MimeType = "image/png", Buffer = TestImages.QrPng("bản sao", 4) });
            await page.GetByTestId("send-supplement").ClickAsync();
            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã gửi, chờ cán bộ kiểm tra");

            await page.GotoAsync($"/cong-dan/ho-so/{withdrawn}");
            await page.GetByTestId("withdraw").ClickAsync();
            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã rút");
        });

        using var api = await browser.App.ClientForAsync(An);
        var back = await api.GetFromJsonAsync<JsonElement>($"/api/portal/dossiers/{asked}");
        Assert.Single(back.GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task A_citizen_signs_in_through_the_sandbox_national_identity_and_a_replayed_or_tampered_answer_is_refused()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        string? callback = null;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/signin-vneid?", StringComparison.Ordinal))
            {
                callback = request.Url;
            }
        };
        var failures = new List<string>();
        await Browser.JourneyAsync(page, "portal-national-identity", async () =>
        {
            await page.GotoAsync("/cong-dan/nhat-ky");
            await page.GetByTestId("national-sign-in").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Định danh điện tử (môi trường thử)" })).ToBeVisibleAsync();
            await AxeAsync(page, "/sandbox/vneid/authorize", failures);
            await page.GetByLabel("Số định danh cá nhân").FillAsync("001303012345");
            await page.GetByLabel("Mật khẩu").FillAsync(TestApp.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập và quay lại Cổng dịch vụ công" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/cong-dan/nhat-ky");
            await Assertions.Expect(page.GetByTestId("who")).ToHaveTextAsync("Nguyễn Thị Bình");

            // The same answer again (a replayed code), and one whose state was changed: refused with a plain message.
            Assert.NotNull(callback);
            var other = await browser.NewPageAsync();
            await other.GotoAsync(callback!);
            await Assertions.Expect(other.GetByTestId("national-failed")).ToBeVisibleAsync();
            await other.GotoAsync(callback!.Replace("state=", "state=x", StringComparison.Ordinal));
            await Assertions.Expect(other.GetByTestId("national-failed")).ToBeVisibleAsync();
            await Assertions.Expect(other.GetByTestId("who")).ToHaveCountAsync(0); // nobody signed in
        });

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
