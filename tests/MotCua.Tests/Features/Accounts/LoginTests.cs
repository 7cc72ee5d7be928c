using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Tests.Features.Accounts;

public abstract class LoginTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    [SkippableFact]
    public async Task Demo_account_gets_a_bearer_token_that_opens_the_api()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "canbo.trungvan", password = TestApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > app.Clock.GetUtcNow());

        using var staff = await app.ClientForAsync("canbo.trungvan");
        var me = await staff.GetFromJsonAsync<JsonElement>("/api/accounts/me");
        Assert.Equal("canbo.trungvan", me.GetProperty("username").GetString());
        Assert.Contains("OneStopOfficer", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [SkippableFact]
    public async Task Api_without_a_token_answers_401_problem_details()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/accounts/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Wrong_password_and_unknown_user_get_the_same_answer()
    {
        using var client = app.CreateClient();
        using var wrong = await client.PostAsJsonAsync("/api/auth/token", new { username = "lanhdao.thanhpho", password = "not-the-password" });
        using var unknown = await client.PostAsJsonAsync("/api/auth/token", new { username = "nobody.here", password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        var a = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        var b = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [SkippableFact]
    public async Task Missing_fields_get_a_validation_problem_naming_them()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [SkippableFact]
    public async Task A_strangers_failed_passwords_slow_the_stranger_and_never_lock_the_officer_out()
    {
        // The stranger at one address tries the officer's account again and again: their tries are slowed.
        var last = HttpStatusCode.Unauthorized;
        for (var i = 0; i < 8 && last == HttpStatusCode.Unauthorized; i++)
        {
            (last, _) = await TokenFromAsync(app, "203.0.113.7", "canbo.xuanphuong", "wrong-" + i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        var (waited, retryAfter) = await TokenFromAsync(app, "203.0.113.7", "canbo.xuanphuong", TestApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, waited);
        Assert.False(string.IsNullOrEmpty(retryAfter));

        // The officer at their own counter signs in at once, with the right password.
        var (officer, _) = await TokenFromAsync(app, "10.20.30.40", "canbo.xuanphuong", TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, officer);

        // Once the wait is over, the same address may try again (nothing was locked).
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var (later, _) = await TokenFromAsync(app, "203.0.113.7", "canbo.xuanphuong", TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, later);
    }

    [SkippableFact]
    public Task Logout_revokes_the_token_at_once() => TestApp.RunAsync(app.Provider, async app =>
    {
        using var client = app.CreateClient();
        using var issued = await client.PostAsJsonAsync("/api/auth/token", new { username = "chuyenvien.trungvan", password = TestApp.Password });
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/accounts/me")).StatusCode);
    });

    [SkippableFact]
    public async Task Logging_out_of_the_pages_ends_the_session_even_for_a_copied_cookie()
    {
        using var browser = Pages.Browser(app);
        using (var login = await Pages.PostFormAsync(browser, "/Accounts/Login", new() { ["Input.Username"] = "lanhdao.trungvan", ["Input.Password"] = TestApp.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("motcua.auth=", StringComparison.Ordinal)).Split(';')[0];
            var page = await browser.GetStringAsync("/Workflow");
            using var logout = await browser.PostAsync("/Accounts/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Pages.AntiforgeryToken(page) }));
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

            using var copied = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Workflow");
            request.Headers.Add("Cookie", cookie);
            using var refused = await copied.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Accounts/Login", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public Task An_administrator_ends_an_accounts_sessions_and_a_disabled_account_stops_at_once() =>
        TestApp.RunAsync(app.Provider, EndSessionsAndDisableAsync);

    private static async Task EndSessionsAndDisableAsync(TestApp app)
    {
        using var officer = app.CreateClient();
        using var issued = await officer.PostAsJsonAsync("/api/auth/token", new { username = "canbo.phuongkhac", password = TestApp.Password });
        officer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/accounts/me")).StatusCode);

        using var leader = await app.ClientForAsync("lanhdao.trungvan");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.DeleteAsync("/api/accounts/canbo.phuongkhac/sessions")).StatusCode);
        using var admin = await app.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/accounts/canbo.phuongkhac/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/accounts/me")).StatusCode);

        // Disabled: the new token stops at once, and no new one is issued, not even with the right password.
        using var again = await officer.PostAsJsonAsync("/api/auth/token", new { username = "canbo.phuongkhac", password = TestApp.Password });
        officer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/accounts/canbo.phuongkhac/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/accounts/me")).StatusCode);
        using (var refused = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "canbo.phuongkhac", password = TestApp.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/accounts/canbo.phuongkhac/enable", null)).StatusCode);
        using var enabled = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "canbo.phuongkhac", password = TestApp.Password });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
    }

    /// <summary>Asks for a token as a client at <paramref name="address"/> would.</summary>
    private static async Task<(HttpStatusCode Status, string? RetryAfter)> TokenFromAsync(TestApp app, string address, string username, string password)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        return (response.StatusCode, response.Headers.RetryAfter?.ToString());
    }

    [SkippableFact]
    public async Task Stored_passwords_are_hashed()
    {
        var hashes = await app.WithDbAsync(db => Task.FromResult(db.Users.Select(u => u.PasswordHash).ToList()));
        Assert.NotEmpty(hashes);
        Assert.All(hashes, h => Assert.DoesNotContain(TestApp.Password, h, StringComparison.Ordinal));
        Assert.All(hashes, h => Assert.True(Convert.FromBase64String(h!).Length > 32));
    }
}

/// <summary><see cref="LoginTests"/> on SQLite.</summary>
public sealed class LoginTestsOnSqlite(TestApp app) : LoginTests(app), IClassFixture<TestApp>;

/// <summary><see cref="LoginTests"/> on PostgreSQL.</summary>
public sealed class LoginTestsOnPostgres(PostgresTestApp app) : LoginTests(app), IClassFixture<PostgresTestApp>;
