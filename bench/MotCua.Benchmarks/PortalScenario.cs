using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Dossiers;

namespace MotCua.Benchmarks;

/// <summary>
/// The citizen's portal at a city's volume: the citizen's own data, list, one application and access log, and
/// submissions (p95 targets 50 ms), then 200 submissions at once for one office: no error, no duplicate.
/// </summary>
public static class PortalScenario
{
    public static async Task RunAsync(string? dbFile, string? postgres, int citizens, int dossiers, int requests, int concurrency)
    {
        await using var host = new BenchHost(postgres, dbFile);
        var baseAddress = host.Start();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Infrastructure.Database.AppDbContext>();
            var haveCitizens = await db.Set<MotCua.Features.Citizens.Citizen>().CountAsync();
            if (haveCitizens < citizens)
            {
                await host.Services.GetRequiredService<CitizenBulkImport>().ImportAsync(MotCua.Infrastructure.Demo.DemoPeople.Generate(citizens - haveCitizens, seed: 19), null, "bench");
            }

            var haveDossiers = await db.Set<Dossier>().CountAsync();
            if (haveDossiers < dossiers)
            {
                await LoadScenarios.SeedDossiersAsync(host, dossiers - haveDossiers, haveDossiers);
            }
        }

        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { idNumber = "001090123456", password = "Demo@12345" });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var run = Guid.NewGuid().ToString("N")[..6];
        HttpRequestMessage Submit(int i)
        {
            var message = new HttpRequestMessage(HttpMethod.Post, "/api/portal/dossiers")
            {
                Content = JsonContent.Create(new { procedureCode = "2.000815", office = "001.00.61.H26" }),
            };
            message.Headers.Add("Idempotency-Key", string.Create(CultureInfo.InvariantCulture, $"{run}-{i}"));
            return message;
        }

        var submitted = await LoadGenerator.RunAsync(baseAddress, Submit, requests / 4, concurrency, warmup: 50, token);
        // The same at a fixed 20 a second, a busy district's online filings at their peak: what one submission costs when the writer is not saturated.
        var paced = await LoadGenerator.RunAsync(baseAddress, i => Submit(500_000 + i), requests / 8, concurrency, warmup: 0, token, perSecond: 20);
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/portal/dossiers");
        var reference = mine.GetProperty("items")[0].GetProperty("reference").GetString();
        string[] pages = ["/api/portal/me", "/api/portal/dossiers", $"/api/portal/dossiers/{reference}", "/api/portal/access-log"];
        var reads = await LoadGenerator.RunAsync(baseAddress, Enumerable.Range(0, requests).Select(i => pages[i % pages.Length]).ToArray(), concurrency, warmup: 100, token);

        // The portal's own pages, signed in with the cookie as a browser is: home, one application, the access log, the form filled from the store.
        var cookies = await SignInWithCookieAsync(baseAddress);
        string[] razorPages = ["/cong-dan", $"/cong-dan/ho-so/{reference}", "/cong-dan/nhat-ky", "/cong-dan/nop/2.000815?office=001.00.61.H26"];
        var pageReads = await LoadGenerator.RunAsync(baseAddress, Enumerable.Range(0, requests).Select(i => razorPages[i % razorPages.Length]).ToArray(), concurrency, warmup: 100, cookies: cookies);

        var burst = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var message = Submit(1_000_000 + i);
            using var response = await client.SendAsync(message);
            return (response.IsSuccessStatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("reference", out var r) ? r.GetString() : null);
        }));

        await using var check = host.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<MotCua.Infrastructure.Database.AppDbContext>();
        var storedCitizens = await checkDb.Set<MotCua.Features.Citizens.Citizen>().CountAsync();
        var storedDossiers = await checkDb.Set<Dossier>().CountAsync();
        Console.WriteLine($"portal: {storedCitizens:N0} citizens and {storedDossiers:N0} dossiers stored; the citizen holds {mine.GetProperty("items").GetArrayLength()} applications");
        Console.WriteLine($"reads (me, my list, one application, my access log), concurrency {concurrency}:");
        Console.WriteLine(reads);
        Console.WriteLine($"pages (home, one application, access log, the form), concurrency {concurrency}:");
        Console.WriteLine(pageReads);
        Console.WriteLine($"submissions, concurrency {concurrency}:");
        Console.WriteLine(submitted);
        Console.WriteLine("submissions at 20 a second:");
        Console.WriteLine(paced);
        Console.WriteLine($"200 submissions at once for one office: {burst.Count(b => !b.IsSuccessStatusCode)} failed, {burst.Select(b => b.Item2).Distinct().Count()} distinct references");
    }

    /// <summary>Signs the demo citizen in on the portal's sign-in page (antiforgery token and all) and returns the cookies.</summary>
    private static async Task<System.Net.CookieContainer> SignInWithCookieAsync(Uri baseAddress)
    {
        var cookies = new System.Net.CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var form = await browser.GetStringAsync("/cong-dan/dang-nhap");
        var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.IdNumber"] = "001090123456", ["Input.Password"] = "Demo@12345", ["__RequestVerificationToken"] = token,
        });
        using var response = await browser.PostAsync("/cong-dan/dang-nhap", content);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The portal's sign-in answered {(int)response.StatusCode}.");
        }

        return cookies;
    }
}
