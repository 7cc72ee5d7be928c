using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Benchmarks;

/// <summary>
/// What OpenTelemetry costs on the hot paths: an officer's dossier read, an intake and a call-next, measured with
/// telemetry off, with metrics only (the Prometheus exporter registered, as every node runs) and with metrics and
/// traces (every request and database command a span, as with an OTLP endpoint configured, not exported), on one
/// database, in turns (the app restarted between modes: meters and activity listeners are process-wide), in rounds
/// (each starting with another mode); each mode's figure is the median of its rounds' ratios to the round's "off".
/// </summary>
public static class TelemetryCostScenario
{
    private const string Office = "001.00.61.H26";

    private static readonly (string Name, Dictionary<string, string?> Settings)[] Modes =
    [
        ("off", new() { ["Telemetry:Enabled"] = "false" }),
        ("metrics", new() { ["Telemetry:Enabled"] = "true" }),
        ("metrics+traces", new() { ["Telemetry:Enabled"] = "true", ["Telemetry:Traces"] = "true" }),
    ];

    public static async Task RunAsync(string? postgres, int reads, int writes, int concurrency, int rounds)
    {
        var sqlite = postgres is null ? Path.Combine(Path.GetTempPath(), $"motcua-bench-telemetry-{Guid.NewGuid():N}.db") : null;
        Console.WriteLine($"telemetry-cost: {reads} dossier reads, {writes} intakes and {writes} call-nexts per mode and round, concurrency {concurrency}, {(postgres is null ? "SQLite" : "PostgreSQL")}");
        var rates = Modes.ToDictionary(m => m.Name, _ => new List<(Figure Read, Figure Intake, Figure Call)>());
        for (var round = 1; round <= rounds; round++)
        {
            // Each round starts with another mode, so that a drift over the run (a machine getting busier, tables
            // growing) does not favour the mode that always runs first.
            foreach (var (name, mode) in Modes.Skip((round - 1) % Modes.Length).Concat(Modes.Take((round - 1) % Modes.Length)))
            {
                var settings = new Dictionary<string, string?>(mode)
                {
                    ["Demo:Month"] = "false", ["Demo:Staffing"] = "false", ["Demo:Reform"] = "false", ["Notifications:DispatchEnabled"] = "false", ["NationalSync:DispatchEnabled"] = "false",
                };
                await using var host = new BenchHost(postgres, sqlite, settings);
                var rate = await MeasureAsync(host, host.Start(), reads, writes, concurrency);
                rates[name].Add(rate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round} {name,-15}: dossier read {rate.Read.Rate,6:0}/s {rate.Read.CpuMs:0.000} ms CPU, intake {rate.Intake.Rate,5:0}/s {rate.Intake.CpuMs:0.000} ms, call-next {rate.Call.Rate,5:0}/s {rate.Call.CpuMs:0.000} ms"));
            }
        }

        var off = rates["off"];
        foreach (var (name, _) in Modes.Skip(1))
        {
            var on = rates[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} against off, medians of the rounds' ratios: CPU a request: dossier read {Median(on.Zip(off, (a, b) => a.Read.CpuMs / b.Read.CpuMs)):0.000}, intake {Median(on.Zip(off, (a, b) => a.Intake.CpuMs / b.Intake.CpuMs)):0.000}, call-next {Median(on.Zip(off, (a, b) => a.Call.CpuMs / b.Call.CpuMs)):0.000}; throughput: dossier read {Median(on.Zip(off, (a, b) => a.Read.Rate / b.Read.Rate)):0.000}, intake {Median(on.Zip(off, (a, b) => a.Intake.Rate / b.Intake.Rate)):0.000}, call-next {Median(on.Zip(off, (a, b) => a.Call.Rate / b.Call.Rate)):0.000}"));
        }
    }

    /// <summary>Each path's throughput and the process's CPU time per request (app and load generator, the same in every mode).</summary>
    private static async Task<(Figure Read, Figure Intake, Figure Call)> MeasureAsync(BenchHost host, Uri baseAddress, int reads, int writes, int concurrency)
    {
        var token = await host.TokenAsync("canbo.trungvan");
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var run = Guid.NewGuid().ToString("N")[..6];
        HttpRequestMessage Intake(int i) => new(HttpMethod.Post, "/api/dossiers")
        {
            Content = JsonContent.Create(new
            {
                procedureCode = "2.000815", channel = "counter",
                applicant = new { idNumber = string.Create(CultureInfo.InvariantCulture, $"0010{i % 100_000_000:00000000}"), fullName = $"Người Nộp {run} {i}", phone = "0912345678" },
            }),
        };
        var intake = await TimedAsync(() => LoadGenerator.RunAsync(baseAddress, Intake, 200, concurrency, warmup: 0, token), () => LoadGenerator.RunAsync(baseAddress, i => Intake(1000 + i), writes, concurrency, warmup: 0, token));

        var codes = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            using var created = await client.SendAsync(Intake(writes + 1000 + i));
            codes.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
        }

        string[] paths = [.. Enumerable.Range(0, reads).Select(i => $"/api/dossiers/{codes[i % codes.Count]}")];
        var read = await TimedAsync(() => LoadGenerator.RunAsync(baseAddress, paths[..2000], concurrency, warmup: 0, token), () => LoadGenerator.RunAsync(baseAddress, paths, concurrency, warmup: 0, token));

        using var kiosk = new HttpClient { BaseAddress = baseAddress };
        kiosk.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + Office);
        var counter = (await client.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items")[0];
        var service = counter.GetProperty("services")[0].GetString();
        for (var i = 0; i < writes + 200; i++)
        {
            using var issued = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service });
            issued.EnsureSuccessStatusCode();
        }

        var id = counter.GetProperty("id").GetGuid();
        HttpRequestMessage CallNext(int i) => new(HttpMethod.Post, $"/api/queue/counters/{id}/call-next");
        var call = await TimedAsync(() => LoadGenerator.RunAsync(baseAddress, CallNext, 200, concurrency, warmup: 0, token), () => LoadGenerator.RunAsync(baseAddress, CallNext, writes, concurrency, warmup: 0, token));
        return (read, intake, call);
    }

    /// <summary>A path's figures: requests a second, and CPU milliseconds a request.</summary>
    private sealed record Figure(double Rate, double CpuMs);

    private static async Task<Figure> TimedAsync(Func<Task<LoadResult>> warmup, Func<Task<LoadResult>> measured)
    {
        await warmup();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var result = await measured();
        process.Refresh();
        if (result.Failures > 0)
        {
            throw new InvalidOperationException($"{result.Failures} requests failed");
        }

        return new Figure(result.Requests / result.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalMilliseconds / result.Requests);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
