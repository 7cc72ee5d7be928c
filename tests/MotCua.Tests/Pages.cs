using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MotCua.Tests;

/// <summary>Drives the Razor pages as a browser would: cookies, antiforgery tokens, form posts.</summary>
public static partial class Pages
{
    public static HttpClient Browser(TestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(TestApp app, string username)
    {
        var client = Browser(app);
        // A citizen (12 digits) signs in on the portal's page, staff on theirs.
        using var response = username.All(char.IsAsciiDigit)
            ? await PostFormAsync(client, "/cong-dan/dang-nhap", new() { ["Input.IdNumber"] = username, ["Input.Password"] = TestApp.Password })
            : await PostFormAsync(client, "/Accounts/Login", new() { ["Input.Username"] = username, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>GETs the page, takes its antiforgery token, and posts the form fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content);
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
