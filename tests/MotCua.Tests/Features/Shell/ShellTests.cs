using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Tests.Features.Shell;

public abstract class ShellTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    [SkippableFact]
    public async Task Officer_signs_in_and_sees_the_unit_named_on_the_home_page()
    {
        using var browser = await Pages.SignedInAsync(app, "canbo.trungvan");
        var home = await browser.GetStringAsync("/");
        Assert.Contains("Nguyễn Thị Minh Thu", home, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công phường Đại Mỗ", home, StringComparison.Ordinal);
        Assert.Contains("DỮ LIỆU MINH HOẠ", home, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", home, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Wrong_password_on_the_page_shows_one_message_for_every_failure()
    {
        using var browser = Pages.Browser(app);
        using var wrong = await Pages.PostFormAsync(browser, "/Accounts/Login", new() { ["Input.Username"] = "admin", ["Input.Password"] = "nope-nope" });
        using var unknown = await Pages.PostFormAsync(browser, "/Accounts/Login", new() { ["Input.Username"] = "ai.do", ["Input.Password"] = "nope-nope" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var a = await wrong.Content.ReadAsStringAsync();
        var b = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", a, StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", b, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Form_post_without_an_antiforgery_token_is_refused()
    {
        using var browser = Pages.Browser(app);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Username"] = "admin", ["Input.Password"] = TestApp.Password });
        using var response = await browser.PostAsync("/Accounts/Login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("motcua.auth", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Staff_pages_send_visitors_to_sign_in()
    {
        using var browser = Pages.Browser(app);
        using var response = await browser.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task English_is_one_click_away()
    {
        using var browser = Pages.Browser(app);
        using var switched = await browser.GetAsync("/culture?c=en&returnUrl=%2FAccounts%2FLogin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var page = await browser.GetStringAsync("/Accounts/Login");
        Assert.Contains("Sign in", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Culture_switch_never_redirects_off_site()
    {
        using var browser = Pages.Browser(app);
        using var response = await browser.GetAsync("/culture?c=en&returnUrl=%2F%2Fevil.example%2F");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task Unknown_page_gets_a_friendly_page_and_unknown_api_a_problem()
    {
        using var browser = Pages.Browser(app);
        using var page = await browser.GetAsync("/khong-co-trang-nay");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);

        using var api = await browser.GetAsync("/api/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Health_openapi_and_api_reference_are_served()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/auth/token", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-reference")).StatusCode);
    }

    [SkippableFact]
    public async Task Admin_adds_a_unit_and_a_bad_code_is_named()
    {
        using var admin = await Pages.SignedInAsync(app, "admin");
        using var bad = await Pages.PostFormAsync(admin, "/Units/Edit", new()
        {
            ["Input.Code"] = "12345", ["Input.Name"] = "Phường Thử", ["Input.Kind"] = "Ward", ["Input.ValidFrom"] = "2025-07-01",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Mã phải có dạng 000.00.00.H26", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var good = await Pages.PostFormAsync(admin, "/Units/Edit", new()
        {
            ["Input.Code"] = "000.00.64.H26", ["Input.Name"] = "Phường Thử Nghiệm", ["Input.Kind"] = "Ward",
            ["Input.ParentCode"] = "000.00.00.H26", ["Input.ValidFrom"] = "2025-07-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        using var client = app.CreateClient();
        var unit = await client.GetFromJsonAsync<JsonElement>("/api/units/000.00.64.H26");
        Assert.Equal("Phường Thử Nghiệm", unit.GetProperty("name").GetString());
        Assert.Equal("000.00.00.H26", unit.GetProperty("parentCode").GetString());
    }

    [SkippableFact]
    public async Task Officer_cannot_open_the_unit_editor()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        using var response = await officer.GetAsync("/Units/Edit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

/// <summary><see cref="ShellTests"/> on SQLite.</summary>
public sealed class ShellTestsOnSqlite(TestApp app) : ShellTests(app), IClassFixture<TestApp>;

/// <summary><see cref="ShellTests"/> on PostgreSQL.</summary>
public sealed class ShellTestsOnPostgres(PostgresTestApp app) : ShellTests(app), IClassFixture<PostgresTestApp>;
