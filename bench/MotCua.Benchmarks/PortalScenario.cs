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
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/portal/dossiers");
        var reference = mine.GetProperty("items")[0].GetProperty("reference").GetString();
        string[] pages = ["/api/portal/me", "/api/portal/dossiers", $"/api/portal/dossiers/{reference}", "/api/portal/access-log"];
        var reads = await LoadGenerator.RunAsync(baseAddress, Enumerable.Range(0, requests).Select(i => pages[i % pages.Length]).ToArray(), concurrency, warmup: 100, token);

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
        Console.WriteLine($"submissions, concurrency {concurrency}:");
        Console.WriteLine(submitted);
        Console.WriteLine($"200 submissions at once for one office: {burst.Count(b => !b.IsSuccessStatusCode)} failed, {burst.Select(b => b.Item2).Distinct().Count()} distinct references");
    }
}
