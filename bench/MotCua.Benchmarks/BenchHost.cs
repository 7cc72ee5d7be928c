using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MotCua.Benchmarks;

/// <summary>MotCua on a real Kestrel port on 127.0.0.1, on a fresh database (SQLite file, or PostgreSQL when given).</summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    /// <param name="postgres">A PostgreSQL connection string; without one, SQLite.</param>
    /// <param name="sqliteFile">The SQLite file (a fresh one when null).</param>
    /// <param name="extra">More settings (a scenario's own).</param>
    /// <param name="port">A fixed port (0: any free one), for a scenario whose app calls itself at its public address.</param>
    public BenchHost(string? postgres = null, string? sqliteFile = null, IDictionary<string, string?>? extra = null, int port = 0)
    {
        var sqlite = sqliteFile ?? Path.Combine(Path.GetTempPath(), $"motcua-bench-{Guid.NewGuid():N}.db");
        settings = new()
        {
            ["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["Database:ConnectionString"] = postgres ?? $"Data Source={sqlite}",
            ["RateLimiting:PublicPerMinute"] = "1000000",
            ["Workflow:SweeperEnabled"] = "false", // the scenario runs the sweeper's pass itself, to time it
            ["Reports:RollupEnabled"] = "false", // the reports scenario builds the stored daily figures itself, to time it
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // The factory looks for the app's content root beside a solution file; the benchmark runs from its own
        // output folder, which holds everything the API needs.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MOTCUA", AppContext.BaseDirectory);
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A bearer token for a demo account.</summary>
    public async Task<string> TokenAsync(string username)
    {
        using var client = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
        using var response = await client.PostAsync("/api/auth/token", System.Net.Http.Json.JsonContent.Create(new { username, password = "Demo@12345" }));
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A port free now on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public Uri Start()
    {
        StartServer();
        return ClientOptions.BaseAddress;
    }
}
