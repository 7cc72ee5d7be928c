using System.Net;

namespace MotCua.Tests.Security;

/// <summary>Every response carries the protective headers; no page runs inline script or can be framed; the server does not name itself.</summary>
public sealed class SecurityHeadersTests(TestApp app) : IClassFixture<TestApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/tra-cuu")]
    [InlineData("/Workflow")]
    [InlineData("/api/offices")]
    [InlineData("/api/dossiers/none")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        using var response = await officer.GetAsync(path);
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Equal("DENY", headers["X-Frame-Options"]);
        Assert.Equal("strict-origin-when-cross-origin", headers["Referrer-Policy"]);
        Assert.False(headers.ContainsKey("Server"));
        var csp = headers["Content-Security-Policy"];
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline';", csp.Split("style-src")[0], StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_page_has_inline_script_or_event_handlers()
    {
        var features = Path.Combine(TestApp.RepoRoot(), "src", "MotCua", "Features");
        var offending = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"<script(?![^>]*\bsrc=)[^>]*>|\son(click|change|submit|load|input|keyup|keydown)=", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(f => Path.GetRelativePath(features, f)).ToList();
        Assert.Empty(offending);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/site.js")).StatusCode);
    }
}
