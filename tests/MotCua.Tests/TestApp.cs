using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MotCua.Infrastructure.Database;
using Npgsql;

namespace MotCua.Tests;

/// <summary>
/// MotCua in process on a real, fresh database: a SQLite file of its own, or a PostgreSQL database of its own
/// created on the server named by <c>MOTCUA_TEST_POSTGRES</c>. It starts through the real migrations and demo seed.
/// </summary>
public class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Demo@12345";
    private static int counter;
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset ExpiresAt)> tokens = new();
    private readonly string? postgresDatabase;
    private readonly string? sqliteFile;
    private readonly Dictionary<string, string?> settings = [];

    public TestApp()
        : this(DatabaseProvider.Sqlite, null)
    {
    }

    /// <summary>An app on SQLite with more settings (a test SMTP server, faster polling…); the caller initialises and disposes it.</summary>
    public static TestApp WithSettings(IDictionary<string, string?> extra) => new(DatabaseProvider.Sqlite, extra);

    protected TestApp(DatabaseProvider provider, IDictionary<string, string?>? extra)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            // Without a server the app is never started: the tests that would use it are skipped (Databases.Use).
            var server = PostgresServer ?? "Host=unconfigured";
            postgresDatabase = $"motcua_test_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}";
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ConnectionString;
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"motcua-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={sqliteFile}";
        }

        settings["Database:Provider"] = provider.ToString();
        settings["Database:ConnectionString"] = ConnectionString;
        settings["Demo:Enabled"] = "true";
        settings["Demo:Month"] = "false"; // the demo city without its month of dossiers: each test makes its own (DemoMonthTests replays it)
        settings["Demo:Staffing"] = "false"; // nor its district's two thousand staff records (StaffingTests seeds them)
        settings["Demo:Reform"] = "false"; // nor the reform office's plans and scores (ReformTests makes its own)
        settings["RateLimiting:PublicPerMinute"] = "100000";
        settings["Storage:Root"] = Path.Combine(Path.GetTempPath(), $"motcua-files-{Guid.NewGuid():N}");
        settings["Scanning:Root"] = Path.Combine(Path.GetTempPath(), $"motcua-scans-{Guid.NewGuid():N}");
        settings["Scanning:Enabled"] = "false"; // tests sweep the folders themselves
        // Background work is off: a test drives the sweep, the dispatch and the roll-up itself, so that nothing
        // changes under it as the fixture lives on (the sweeper would bump versions every minute of real time).
        settings["Reports:RollupEnabled"] = "false";
        settings["Workflow:SweeperEnabled"] = "false";
        settings["Notifications:DispatchEnabled"] = "false";
        settings["NationalSync:DispatchEnabled"] = "false";
        // Most tests receive dossiers at fixed past dates (calendar cases); BackdatingTests checks the real rule.
        settings["Intake:BackdateDays"] = "3660";
        settings["Intake:OfficersMayBackdate"] = "true";
        settings["Queue:KioskKeys"] = "Enforced"; // the demo city's relaxation is tested on its own
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value == OwnDatabase ? ConnectionString : value;
        }
    }

    /// <summary>A setting's value that stands for this app's own connection string (a database as its own replica).</summary>
    public const string OwnDatabase = "(the app's own database)";

    /// <summary>The PostgreSQL server for tests, or null when none is configured (then only SQLite runs).</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("MOTCUA_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// The test clock starts at the next 09:00 in Việt Nam, so a test that lets an hour or two pass never crosses
    /// midnight (when the queue's numbers start again) whatever the hour the suite runs.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(NextMorning(DateTimeOffset.UtcNow));

    private static DateTimeOffset NextMorning(DateTimeOffset now)
    {
        var vn = TimeSpan.FromHours(7);
        var local = now.ToOffset(vn);
        var morning = new DateTimeOffset(local.Date.AddHours(9), vn);
        return (morning > now ? morning : morning.AddDays(1)).ToUniversalTime();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(new MotCua.Infrastructure.Demo.DemoClock(Clock));
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
            // In memory (no Kestrel), the payment adapters, the sandbox gateway's IPN and the national portal's adapter reach the app through the test server.
            foreach (var client in new[] { MotCua.Features.Payments.VnPay.VnPayGateway.Client, MotCua.Features.NationalSync.NationalPortal.Client })
            {
                services.AddHttpClient(client).ConfigurePrimaryHttpMessageHandler(sp =>
                    sp.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>() is Microsoft.AspNetCore.TestHost.TestServer test ? test.CreateHandler() : new HttpClientHandler());
            }
            // In memory (no Kestrel), the portal reaches the sandbox identity provider of the same app through the test server.
            services.AddOptions<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(MotCua.Infrastructure.Sandbox.NationalIdentity.Scheme)
                .Configure<Microsoft.AspNetCore.Hosting.Server.IServer>((o, server) =>
                {
                    if (server is Microsoft.AspNetCore.TestHost.TestServer test)
                    {
                        o.BackchannelHttpHandler = test.CreateHandler();
                    }
                });
        });
    }

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && PostgresServer is null)
        {
            return;
        }

        if (postgresDatabase is not null)
        {
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{postgresDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        StartServer(); // start the host (in memory, or on Kestrel after UseKestrel): migrations and demo seed run here
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && PostgresServer is null)
        {
            return;
        }

        await DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgresDatabase is not null)
        {
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (sqliteFile is not null)
        {
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The checkout's root folder (where MotCua.slnx is).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MotCua.slnx not found above the test output.");
    }

    /// <summary>Runs a test against an app of its own, and removes its database afterwards (skipped on a provider that is not configured).</summary>
    public static async Task RunAsync(DatabaseProvider provider, Func<TestApp, Task> test, IDictionary<string, string?>? extra = null)
    {
        Databases.SkipUnlessConfigured(provider);
        var app = new TestApp(provider, extra);
        try
        {
            await app.InitializeAsync();
            await test(app);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    /// <summary>An API client signed in as a demo account (bearer token).</summary>
    public async Task<HttpClient> ClientForAsync(string username)
    {
        // A token is reused while the (fake) clock says it is valid; a test that moves the clock on gets a new one.
        if (!tokens.TryGetValue(username, out var cached) || cached.ExpiresAt < Clock.GetUtcNow().AddMinutes(1))
        {
            cached = await TokenAsync(username);
            tokens[username] = cached;
        }

        var token = cached.Token;
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)> TokenAsync(string username)
    {
        using var client = CreateClient();
        // A citizen signs in by the 12 digits of their ID number, staff by username.
        using var response = await client.PostAsJsonAsync("/api/auth/token", username.All(char.IsAsciiDigit) ? new { idNumber = username, password = Password } : (object)new { username, password = Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return (body!.AccessToken, body.ExpiresAt);
    }

    /// <summary>A client as the office's kiosk: it carries the demo kiosk's key.</summary>
    public HttpClient KioskClient(string office)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + office);
        return client;
    }

    /// <summary>A database context on the app's database, for arranging and checking data directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Lets an account also work at a unit, from yesterday on.</summary>
    public Task AlsoWorksAtAsync(string username, string unitCode) => WithDbAsync(async db =>
    {
        var account = await db.Users.SingleAsync(a => a.UserName == username);
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode);
        db.Add(new MotCua.Features.Accounts.Membership { AccountId = account.Id, UnitId = unit.Id, ValidFrom = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(-1) });
        return await db.SaveChangesAsync();
    });

    /// <summary>A leader who also works at an office that lets its leaders stand in at the counter.</summary>
    public async Task StandInAtCounterAsync(string username, string officeCode)
    {
        await AlsoWorksAtAsync(username, officeCode);
        await WithDbAsync(async db =>
        {
            (await db.Units.SingleAsync(u => u.Code == officeCode)).LeadersAtCounter = true;
            return await db.SaveChangesAsync();
        });
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}

/// <summary>
/// In tests, a request may say which client address it comes from (<c>X-Test-Client-Address</c>), as requests from
/// different computers would; the in-memory server otherwise gives every request the same (empty) address.
/// </summary>
internal sealed class ClientAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>A class fixture's app on PostgreSQL (for the <c>…OnPostgres</c> half of a fixture's tests).</summary>
public sealed class PostgresTestApp() : TestApp(DatabaseProvider.Postgres, null);

/// <summary>
/// The providers every data test runs on. PostgreSQL needs a server (<c>MOTCUA_TEST_POSTGRES</c>; <c>./test.sh</c> starts
/// a throwaway one): without it, its cases are reported as skipped, never as passed.
/// </summary>
public static class Databases
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    /// <summary>Each case on each provider: for a data theory that has cases of its own.</summary>
    public static TheoryData<DatabaseProvider, T> Cross<T>(params T[] cases)
    {
        var data = new TheoryData<DatabaseProvider, T>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var c in cases)
            {
                data.Add(provider, c);
            }
        }

        return data;
    }

    /// <summary>A class fixture's app, or the test skipped when its provider is not configured (for a field initialiser).</summary>
    public static TestApp Use(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        SkipUnlessConfigured(app.Provider);
        return app;
    }

    /// <summary>Use in a <c>[SkippableTheory]</c> / <c>[SkippableFact]</c>.</summary>
    public static void SkipUnlessConfigured(DatabaseProvider provider) =>
        Skip.If(provider == DatabaseProvider.Postgres && TestApp.PostgresServer is null, "PostgreSQL is not configured (MOTCUA_TEST_POSTGRES); ./test.sh starts one.");
}
