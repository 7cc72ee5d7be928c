using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Benchmarks;

/// <summary>
/// What OpenTelemetry costs on the hot paths: an officer's dossier read, an intake and a call-next, on three MotCua
/// processes running side by side, one per mode (telemetry off; metrics only, the Prometheus exporter registered as
/// every node runs; metrics and traces, every request a span, not exported), with <c>--control</c> a fourth without
/// telemetry (what two identical processes differ by), each on its own database (meters and activity listeners are
/// process-wide, so the modes cannot share a process). The load goes to one process at a time in short slices, the
/// modes taking turns (each slice starting with another), so a machine that gets busier or quieter over the run
/// weighs on every mode alike. Per slice: the serving process's CPU time (read from the operating system; the load
/// generator is not in it) and the throughput; printed per process over all its slices (CPU a request, requests a
/// second), and as the median of the slices' ratios to the same slice's "off".
/// </summary>
public static class TelemetryCostScenario
{
    private const string Office = "001.00.61.H26";

    /// <summary>The modes; "off again" is a second process without telemetry, the method's own noise (an A/A control).</summary>
    private static readonly (string Name, Dictionary<string, string?> Settings)[] AllModes =
    [
        ("off", new() { ["Telemetry:Enabled"] = "false" }),
        ("metrics", new() { ["Telemetry:Enabled"] = "true" }),
        ("metrics+traces", new() { ["Telemetry:Enabled"] = "true", ["Telemetry:Traces"] = "true" }),
        ("off again", new() { ["Telemetry:Enabled"] = "false" }),
    ];

    private static readonly string[] Paths = ["dossier read", "intake", "call-next"];

    public static async Task RunAsync(string? postgres, int reads, int writes, int concurrency, int slices, bool control, IReadOnlyDictionary<string, string?> traceSettings)
    {
        var modes = control ? AllModes : AllModes[..3];
        Console.WriteLine($"telemetry-cost: {slices} slices of {reads} dossier reads, {writes} intakes and {reads} call-nexts per mode, concurrency {concurrency}, {(postgres is null ? "SQLite" : "PostgreSQL")}, {modes.Length} processes side by side");
        var servers = new List<Server>();
        try
        {
            foreach (var (name, settings) in modes)
            {
                var mode = new Dictionary<string, string?>(settings);
                if (name == "metrics+traces")
                {
                    foreach (var (key, value) in traceSettings)
                    {
                        mode[key] = value;
                    }
                }

                servers.Add(await Server.StartAsync(name, mode, postgres));
            }

            foreach (var server in servers)
            {
                await server.PrepareAsync(slices * reads + 200, concurrency);
            }

            // [path][mode] → each slice's figure.
            var figures = Paths.ToDictionary(p => p, _ => modes.ToDictionary(m => m.Name, _ => new List<Figure>()));
            for (var slice = 0; slice < slices; slice++)
            {
                foreach (var server in servers.Skip(slice % servers.Count).Concat(servers.Take(slice % servers.Count)))
                {
                    figures["dossier read"][server.Name].Add(await server.MeasureAsync(c => c.ReadAsync(reads, concurrency)));
                    figures["intake"][server.Name].Add(await server.MeasureAsync(c => c.IntakeAsync(writes, concurrency)));
                    figures["call-next"][server.Name].Add(await server.MeasureAsync(c => c.CallNextAsync(reads, concurrency)));
                }
            }

            foreach (var path in Paths)
            {
                foreach (var (name, _) in modes)
                {
                    var all = figures[path][name];
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{path,-13} {name,-15}: {all.Sum(f => f.Requests) / all.Sum(f => f.Seconds),6:0}/s, {all.Sum(f => f.CpuMs) / all.Sum(f => f.Requests):0.000} ms CPU a request (slices: {Median(all.Select(f => f.Requests / f.Seconds)):0}/s median)"));
                }
            }

            foreach (var (name, _) in modes.Skip(1))
            {
                string Ratios(Func<Figure, double> of) => string.Join(", ", Paths.Select(p =>
                {
                    var ratios = figures[p][name].Zip(figures[p]["off"], (on, off) => of(on) / of(off)).Order().ToList();
                    return string.Create(CultureInfo.InvariantCulture, $"{p} {Median(ratios):0.000} [{ratios[ratios.Count / 4]:0.000}–{ratios[ratios.Count * 3 / 4]:0.000}]");
                }));
                Console.WriteLine($"{name} against off, median of the slices' ratios [quartiles]: CPU a request: {Ratios(f => f.CpuMs / f.Requests)}; throughput: {Ratios(f => f.Requests / f.Seconds)}");
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Dispose();
            }
        }
    }

    /// <summary>
    /// One mode's MotCua, in a process of its own (<c>load telemetry-serve</c>): it runs until its standard input
    /// closes.
    /// </summary>
    public static async Task ServeAsync(string[] args)
    {
        var port = int.Parse(args[0], CultureInfo.InvariantCulture);
        var postgres = args[1] == "-" ? null : args[1];
        var sqlite = args[2] == "-" ? null : args[2];
        var settings = args[3..].Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        settings["Demo:Month"] = "false";
        settings["Demo:Staffing"] = "false";
        settings["Demo:Reform"] = "false";
        settings["Notifications:DispatchEnabled"] = "false";
        settings["NationalSync:DispatchEnabled"] = "false";
        await using var host = new BenchHost(postgres, sqlite, settings, port);
        host.Start();
        Console.WriteLine("ready");
        await Console.In.ReadToEndAsync();
    }

    /// <summary>A path's figures over one slice: requests, seconds, and the serving process's CPU milliseconds.</summary>
    private sealed record Figure(int Requests, double Seconds, double CpuMs);

    private sealed class Server : IDisposable
    {
        private readonly Process process;
        private readonly Uri address;
        private readonly List<string> codes = [];
        private string token = "";
        private Guid counter;
        private int intakes;

        private Server(string name, Process process, Uri address) => (Name, this.process, this.address) = (name, process, address);

        public string Name { get; }

        public static async Task<Server> StartAsync(string name, Dictionary<string, string?> settings, string? postgres)
        {
            var port = BenchHost.FreePort();
            string? database = null;
            if (postgres is not null)
            {
                // A database of its own for each mode, made fresh.
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
                var own = "motcua_telemetry_" + name.Replace('+', '_').Replace(' ', '_');
                await using (var admin = new Npgsql.NpgsqlConnection(builder.ConnectionString))
                {
                    await admin.OpenAsync();
                    await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {own} WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync();
                }

                builder.Database = own;
                database = builder.ConnectionString;
            }

            var sqlite = postgres is null ? Path.Combine(Path.GetTempPath(), $"motcua-bench-telemetry-{name.Replace('+', '_').Replace(' ', '_')}-{Guid.NewGuid():N}.db") : "-";
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { typeof(TelemetryCostScenario).Assembly.Location, "load", "telemetry-serve", port.ToString(CultureInfo.InvariantCulture), database ?? "-", sqlite }
                .Concat(settings.Select(kv => $"{kv.Key}={kv.Value}")))
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            while (await process.StandardOutput.ReadLineAsync() is { } line && line != "ready")
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"the {name} server did not start");
            }

            _ = process.StandardOutput.ReadToEndAsync(); // its logs, drained so that it never blocks writing them

            return new Server(name, process, new Uri($"http://127.0.0.1:{port}"));
        }

        /// <summary>A token, 100 dossiers to read, tickets enough for every call-next, and a warm-up of each path.</summary>
        public async Task PrepareAsync(int tickets, int concurrency)
        {
            using var login = new HttpClient { BaseAddress = address };
            using var response = await login.PostAsJsonAsync("/api/auth/token", new { username = "canbo.trungvan", password = "Demo@12345" });
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            for (var i = 0; i < 100; i++)
            {
                using var created = await client.SendAsync(Intake());
                codes.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
            }

            var first = (await client.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items")[0];
            counter = first.GetProperty("id").GetGuid();
            var service = first.GetProperty("services")[0].GetString();
            HttpRequestMessage Ticket(int i) => new(HttpMethod.Post, "/api/queue/tickets")
            {
                Content = JsonContent.Create(new { office = Office, service }),
                Headers = { { "X-Kiosk-Key", "MK-DEMO-" + Office } },
            };
            Check(await LoadGenerator.RunAsync(address, Ticket, tickets, concurrency, warmup: 0));
            Check(await ReadAsync(2000, concurrency));
            Check(await IntakeAsync(200, concurrency));
            Check(await CallNextAsync(200, concurrency));
        }

        public Task<LoadResult> ReadAsync(int count, int concurrency) =>
            LoadGenerator.RunAsync(address, [.. Enumerable.Range(0, count).Select(i => $"/api/dossiers/{codes[i % codes.Count]}")], concurrency, warmup: 0, token);

        public Task<LoadResult> IntakeAsync(int count, int concurrency) => LoadGenerator.RunAsync(address, _ => Intake(), count, concurrency, warmup: 0, token);

        public Task<LoadResult> CallNextAsync(int count, int concurrency) =>
            LoadGenerator.RunAsync(address, _ => new HttpRequestMessage(HttpMethod.Post, $"/api/queue/counters/{counter}/call-next"), count, concurrency, warmup: 0, token);

        public async Task<Figure> MeasureAsync(Func<Server, Task<LoadResult>> load)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var result = Check(await load(this));
            process.Refresh();
            return new Figure(result.Requests, result.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
        }

        public void Dispose()
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        private HttpRequestMessage Intake() => CounterIntake(Interlocked.Increment(ref intakes));

        private static LoadResult Check(LoadResult result) =>
            result.Failures > 0 ? throw new InvalidOperationException($"{result.Failures} of {result.Requests} requests failed") : result;
    }

    /// <summary>A counter intake of "2.000815" for the i-th applicant of a run (each a new ID number).</summary>
    internal static HttpRequestMessage CounterIntake(int i) => new(HttpMethod.Post, "/api/dossiers")
    {
        Content = JsonContent.Create(new
        {
            procedureCode = "2.000815", channel = "counter",
            applicant = new { idNumber = string.Create(CultureInfo.InvariantCulture, $"0010{i:00000000}"), fullName = $"Người Nộp {i}", phone = "0912345678" },
        }),
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
