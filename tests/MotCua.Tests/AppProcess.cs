using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace MotCua.Tests;

/// <summary>The built MotCua as a real process on a port, to be killed mid-work and started again on the same database.</summary>
public static class AppProcess
{
    public static Process Start(string db, string dataDir, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(TestApp.RepoRoot(), "src", "MotCua", "bin", Configuration, "net10.0", "MotCua.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDir };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__ConnectionString"] = $"Data Source={db}";
        start.Environment["Storage__Root"] = Path.Combine(dataDir, "files");
        start.Environment["Scanning__Enabled"] = "false";
        start.Environment["RateLimiting__PublicPerMinute"] = "100000";
        start.Environment["Intake__BackdateDays"] = "3660"; // as TestApp: dossiers received at fixed past dates
        start.Environment["Intake__OfficersMayBackdate"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

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
