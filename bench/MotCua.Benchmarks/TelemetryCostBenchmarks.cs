using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace MotCua.Benchmarks;

/// <summary>
/// What OpenTelemetry costs a hot path's request, one request at a time (no queueing, no contention: the time is the
/// request's own work): an officer's dossier read, an intake, a ticket issued and called. MotCua runs on Kestrel on
/// 127.0.0.1 and SQLite, with telemetry off, metrics only (every meter listened to, the Prometheus exporter
/// registered, as every node runs) or metrics and traces (every request and database command a span, not exported).
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet ends the host in GlobalCleanup
public class TelemetryCostBenchmarks
#pragma warning restore CA1001
{
    private const string Office = "001.00.61.H26";

    private readonly List<string> codes = [];
    private BenchHost? host;
    private HttpClient? client;
    private HttpClient? kiosk;
    private Guid counter;
    private string? service;
    private int intakes;
    private int reads;

    [Params("off", "metrics", "metrics+traces")]
    public string Mode { get; set; } = "off";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        client?.Dispose();
        kiosk?.Dispose();
        host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task DossierRead()
    {
        using var response = await client!.GetAsync($"/api/dossiers/{codes[reads++ % codes.Count]}");
        Ensure(response);
    }

    [Benchmark]
    public async Task Intake()
    {
        using var response = await client!.SendAsync(IntakeRequest());
        Ensure(response);
    }

    [Benchmark]
    public async Task TicketAndCallNext()
    {
        using var issued = await kiosk!.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service });
        Ensure(issued);
        using var called = await client!.PostAsync($"/api/queue/counters/{counter}/call-next", null);
        Ensure(called);
    }

    private async Task SetupAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telemetry:Enabled"] = Mode == "off" ? "false" : "true",
            ["Telemetry:Traces"] = Mode == "metrics+traces" ? "true" : "false",
            ["Demo:Month"] = "false", ["Demo:Staffing"] = "false", ["Demo:Reform"] = "false",
            ["Notifications:DispatchEnabled"] = "false", ["NationalSync:DispatchEnabled"] = "false",
        };
        host = new BenchHost(extra: settings);
        var address = host.Start();
        client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await host.TokenAsync("canbo.trungvan"));
        kiosk = new HttpClient { BaseAddress = address };
        kiosk.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + Office);
        for (var i = 0; i < 100; i++)
        {
            using var created = await client.SendAsync(IntakeRequest());
            codes.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
        }

        var first = (await client.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items")[0];
        counter = first.GetProperty("id").GetGuid();
        service = first.GetProperty("services")[0].GetString();
    }

    private HttpRequestMessage IntakeRequest() => TelemetryCostScenario.CounterIntake(++intakes);

    private static void Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode}");
        }
    }
}
