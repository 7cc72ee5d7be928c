using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Tests.Features.Accounts;

public sealed class LoginTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
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

    [Fact]
    public async Task Api_without_a_token_answers_401_problem_details()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/accounts/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
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

    [Fact]
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

    [Fact]
    public async Task Account_locks_after_repeated_failures_even_for_the_right_password()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.PostAsJsonAsync("/api/auth/token", new { username = "canbo.xuanphuong", password = "wrong-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await client.PostAsJsonAsync("/api/auth/token", new { username = "canbo.xuanphuong", password = TestApp.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
    }

    [Fact]
    public async Task Stored_passwords_are_hashed()
    {
        var hashes = await app.WithDbAsync(db => Task.FromResult(db.Users.Select(u => u.PasswordHash).ToList()));
        Assert.NotEmpty(hashes);
        Assert.All(hashes, h => Assert.DoesNotContain(TestApp.Password, h, StringComparison.Ordinal));
        Assert.All(hashes, h => Assert.True(Convert.FromBase64String(h!).Length > 32));
    }
}
