using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using MotCua.Infrastructure.Database;
using Npgsql;

namespace MotCua.Tests;

/// <summary>The built MotCua as a real process on a port, to be killed mid-work and started again on the same database.</summary>
public static class AppProcess
{
    public static Process Start(string db, string dataDir, int port, IReadOnlyDictionary<string, string>? environment = null) =>
        Launch(Info(db, dataDir, port, environment, ""));

    /// <summary>Runs one of MotCua's commands (<c>backup</c>, <c>restore</c>, <c>verify-events</c>…) to its end: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> CommandAsync(string db, string dataDir, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        return await RunToEndAsync(Info(db, dataDir, 0, environment, string.Join(' ', args.Select(a => $"\"{a}\""))));
    }

    /// <summary>Runs a program to its end (within five minutes): its exit code and what it printed on both outputs.</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static ProcessStartInfo Info(string db, string dataDir, int port, IReadOnlyDictionary<string, string>? environment, string args)
    {
        var dll = Path.Combine(TestApp.RepoRoot(), "src", "MotCua", "bin", Configuration, "net10.0", "MotCua.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" {args}") { WorkingDirectory = dataDir };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__ConnectionString"] = $"Data Source={db}";
        start.Environment["Storage__Root"] = Path.Combine(dataDir, "files");
        start.Environment["Scanning__Enabled"] = "false";
        start.Environment["Demo__Month"] = "false"; // as TestApp
        start.Environment["RateLimiting__PublicPerMinute"] = "100000";
        start.Environment["Intake__BackdateDays"] = "3660"; // as TestApp: dossiers received at fixed past dates
        start.Environment["Intake__OfficersMayBackdate"] = "true";
        start.Environment["Workflow__SweeperEnabled"] = "false"; // as TestApp: no background work under the test
        start.Environment["Notifications__DispatchEnabled"] = "false";
        start.Environment["Reports__RollupEnabled"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Starts a process whose output is read and dropped (a full pipe would stall it).</summary>
    public static Process Launch(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task<HttpClient> ReadyClientAsync(int port, string username = "canbo.trungvan")
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        for (var attempt = 0; !await IsReadyAsync(client); attempt++)
        {
            if (attempt > 600)
            {
                throw new TimeoutException("MotCua did not become ready within a minute.");
            }

            await Task.Delay(100);
        }

        using var token = await client.PostAsJsonAsync("/api/auth/token", new { username, password = TestApp.Password });
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<bool> IsReadyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Kills the process (a crash, as far as the app can tell) and waits until it is gone.</summary>
    public static async Task KillAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>
    /// The database for app processes on a provider: a SQLite file in the data folder, or a fresh PostgreSQL database
    /// on the test server (skipped when none is configured). Dispose to drop it.
    /// </summary>
    public static async Task<AppDatabase> DatabaseAsync(DatabaseProvider provider, string dataDir)
    {
        Databases.SkipUnlessConfigured(provider);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new AppDatabase(new Dictionary<string, string> { ["Database__ConnectionString"] = $"Data Source={Path.Combine(dataDir, "motcua.db")}" }, null);
        }

        var server = TestApp.PostgresServer!;
        var name = $"motcua_proc_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        await AppDatabase.RunAsync(server, $"CREATE DATABASE \"{name}\"");
        return new AppDatabase(
            new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
            },
            async () => await AppDatabase.RunAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
    }

    private static int databases;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif
}

/// <summary>The settings that point an app process at its database; disposing it drops a PostgreSQL database.</summary>
public sealed class AppDatabase(Dictionary<string, string> settings, Func<Task>? drop) : IAsyncDisposable
{
    public Dictionary<string, string> Settings { get; } = settings;

    /// <summary>These settings with more of a test's own.</summary>
    public Dictionary<string, string> With(IReadOnlyDictionary<string, string> more)
    {
        var all = new Dictionary<string, string>(Settings);
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (drop is not null)
        {
            await drop();
        }
    }

    /// <summary>The first column of every row a query returns, as text.</summary>
    internal static async Task<List<string>> ColumnAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    internal static async Task RunAsync(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Tests that start MotCua as its own process and time it (a start within a minute): they run on their own, after
/// the tests that run side by side, so that what they measure is the app's start and not the other tests' load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnProcessTests
{
    public const string Name = "Starts its own process";
}
