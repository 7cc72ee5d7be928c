using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Benchmarks;

/// <summary>
/// The hot read path against the machine's limit: an officer's authenticated dossier read
/// (<c>GET /api/dossiers/{code}</c>: the bearer token, the caller's units, the dossier, its history, the personal-data
/// read log) beside the app's bare liveness endpoint, in turns within one run, as throughput at the same concurrency.
/// </summary>
public static class HotReadScenario
{
    public static async Task RunAsync(string? dbFile, string? postgres, int requests, int concurrency)
    {
        await using var host = new BenchHost(postgres, dbFile, new Dictionary<string, string?>
        {
            ["Demo:Month"] = "false", ["Demo:Staffing"] = "false", ["Demo:Reform"] = "false", ["Notifications:DispatchEnabled"] = "false",
        });
        var baseAddress = host.Start();
        var token = await host.TokenAsync("canbo.trungvan");
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var codes = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            using var created = await client.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "2.000815", channel = "counter",
                applicant = new { idNumber = string.Create(CultureInfo.InvariantCulture, $"001090{i:000000}"), fullName = "Nguyễn Văn An", phone = "0912345678" },
            });
            created.EnsureSuccessStatusCode();
            codes.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
        }

        var live = Enumerable.Repeat("/health/live", requests).ToArray();
        var reads = Enumerable.Range(0, requests).Select(i => $"/api/dossiers/{codes[i % codes.Count]}").ToArray();
        Console.WriteLine($"hot-read: {requests} requests each, concurrency {concurrency}, {(postgres is null ? "SQLite" : "PostgreSQL")}, in turns");
        for (var round = 1; round <= 3; round++)
        {
            var bare = await LoadGenerator.RunAsync(baseAddress, live, concurrency, warmup: 500);
            var read = await LoadGenerator.RunAsync(baseAddress, reads, concurrency, warmup: 500, token);
            var (bareRate, readRate) = (bare.Requests / bare.Elapsed.TotalSeconds, read.Requests / read.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: liveness {bareRate:0} req/s, dossier read {readRate:0} req/s ({read.Failures} failed; server p50 {read.Server.P50:0.00} ms, p99 {read.Server.P99:0.00} ms): ratio {readRate / bareRate:0.00}"));
        }
    }
}
