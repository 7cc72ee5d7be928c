using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Documents;

namespace MotCua.Tests.Features.Operations;

/// <summary>
/// MotCua's own meters read as Prometheus reads them, from a real process of its own (meters are process-wide, so
/// no other test's app may count into them): after a scripted morning, every <c>motcua_…</c> series says what happened.
/// </summary>
[Collection(OwnProcessTests.Name)]
public sealed class MetricsTests
{
    private const string Office = "001.00.61.H26";
    private static readonly string[] Criteria = ["satisfied", "satisfied", "verySatisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied"];

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Every_meter_says_what_a_scripted_morning_did(DatabaseProvider provider)
    {
        var dataDir = Directory.CreateTempSubdirectory("motcua-metrics-");
        await using var database = await AppProcess.DatabaseAsync(provider, dataDir.FullName);
        var port = AppProcess.FreePort();
        var settings = database.With(new Dictionary<string, string> { ["Telemetry__FiguresSeconds"] = "0", ["RateLimiting__PublicPerMinute"] = "40",
            ["NationalSync__DispatchEnabled"] = "false", // the national portal's records wait too
        });
        using var app = AppProcess.Start(Path.Combine(dataDir.FullName, "motcua.db"), dataDir.FullName, port, settings);
        try
        {
            using var officer = await AppProcess.ReadyClientAsync(port);
            using var anonymous = new HttpClient { BaseAddress = officer.BaseAddress };
            anonymous.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + Office);

            // A dossier received and resolved the same day; one received a month ago and still open (overdue).
            var done = await ReceiveAsync(officer, null);
            await ActAsync(port, "chuyenvien.trungvan", done, "forward");
            await ActAsync(port, "lanhdao.trungvan", done, "approve");
            await ReceiveAsync(officer, DateTimeOffset.UtcNow.AddDays(-30));

            // Its result rated by the citizen; a wrong password; a file refused; two tickets, one called.
            var key = (await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{done}")).GetProperty("trackingKey").GetString();
            using var rated = await anonymous.PostAsJsonAsync("/api/evaluations", new
            {
                dossierCode = done, kind = "dossier", key, criteria = Criteria,
            });
            Assert.True(rated.StatusCode == HttpStatusCode.Created, await rated.Content.ReadAsStringAsync());
            var satisfied = !(await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unsatisfied").GetBoolean();
            using (var wrong = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "canbo.trungvan", password = "not the password" }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }

            using (var form = new MultipartFormDataContent { { new ByteArrayContent(HostileFileTests.PngClaiming(100_000, 100_000)), "file", "scan.png" } })
            using (var refused = await officer.PostAsync("/api/id-cards/decode", form))
            {
                Assert.False(refused.IsSuccessStatusCode);
            }

            for (var i = 0; i < 2; i++)
            {
                using var ticket = await anonymous.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT" });
                Assert.Equal(HttpStatusCode.Created, ticket.StatusCode);
            }

            var counter = (await officer.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items").EnumerateArray()
                .First(c => c.GetProperty("services").EnumerateArray().Any(s => s.GetString() == "HT"));
            using (var call = await officer.PostAsync($"/api/queue/counters/{counter.GetProperty("id").GetGuid()}/call-next", null))
            {
                Assert.Equal(HttpStatusCode.OK, call.StatusCode);
            }

            await Task.Delay(1100); // the receipts' e-mails wait (dispatch is off): the oldest is more than a second old

            // Last, a public board read until the rate limit refuses it.
            var limited = 0;
            for (var i = 0; i < 60; i++)
            {
                using var board = await anonymous.GetAsync($"/api/queue/board?office={Office}");
                limited += board.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
            }

            var metrics = await anonymous.GetStringAsync("/metrics");
            Assert.Equal(2, Value(metrics, "motcua_dossiers_received_total", ("channel", "counter"), ("office", Office)));
            Assert.Equal(1, Sum(metrics, "motcua_dossiers_resolved_total", ("channel", "counter"), ("office", Office)));
            Assert.Equal(1, Value(metrics, "motcua_dossiers_open", ("office", Office)));
            Assert.Equal(1, Value(metrics, "motcua_dossiers_overdue", ("office", Office)));
            Assert.Equal(1, Value(metrics, "motcua_evaluations_total", ("office", Office), ("kind", "dossier"), ("satisfied", satisfied ? "true" : "false")));
            Assert.Equal(1, Value(metrics, "motcua_signins_failed_total", ("kind", "staff")));
            Assert.Equal(1, Value(metrics, "motcua_files_refused_total", ("reason", "damaged_or_too_large")));
            Assert.Equal(1, Sum(metrics, "motcua_queue_tickets_called_total", ("office", Office)));
            Assert.Equal(1, Value(metrics, "motcua_queue_waiting", ("office", Office)));
            Assert.True(Value(metrics, "motcua_queue_oldest_wait_seconds", ("office", Office)) >= 1);
            Assert.True(limited > 0, "the public board was never rate-limited");
            Assert.Equal(limited, Value(metrics, "motcua_requests_rate_limited_total"));
            Assert.True(Value(metrics, "motcua_outbox_backlog") >= 2, "the receipts' e-mails wait in the outbox");
            Assert.True(Value(metrics, "motcua_outbox_oldest_age_seconds") >= 1);
            Assert.True(Value(metrics, "motcua_national_sync_backlog") >= 4, "each step of the two dossiers waits for the national portal");
            Assert.Equal(0, Value(metrics, "motcua_payments_pending"));
            Assert.Equal(0, Value(metrics, "motcua_staff_signed_in", ("office", "001.00.62.H26"))); // nobody of another ward signed in
            Assert.True(Value(metrics, "motcua_staff_signed_in", ("office", Office)) >= 3); // the officer, the specialist and the leader
            Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
            Assert.Contains("dotnet_gc_collections_total", metrics, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn", metrics, StringComparison.Ordinal);
            Assert.DoesNotContain("001090", metrics, StringComparison.Ordinal); // no ID number in any label

            // Nobody but Prometheus: through a proxy (X-Forwarded-For) it is not there.
            using var proxied = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.SendAsync(proxied)).StatusCode);
        }
        finally
        {
            await AppProcess.KillAsync(app);
            dataDir.Delete(recursive: true);
        }
    }

    private static async Task<string> ReceiveAsync(HttpClient officer, DateTimeOffset? receivedAt)
    {
        using var response = await officer.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "2.000815", channel = "counter", receivedAt,
            applicant = new { idNumber = "001090123456", fullName = "Nguyễn Văn An", email = "an@example.vn", phone = "0912345678" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task ActAsync(int port, string user, string code, string action)
    {
        using var client = await AppProcess.ReadyClientAsync(port, user);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}")).GetProperty("version").GetInt32();
        using var response = await client.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action, expectedVersion = version });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The value of the one series of <paramref name="name"/> with these labels (0 when there is none).</summary>
    internal static double Value(string metrics, string name, params (string Key, string Value)[] labels)
    {
        var lines = Series(metrics, name, labels).ToList();
        Assert.True(lines.Count <= 1, $"{name}: more than one series matches:\n{string.Join('\n', lines)}");
        return lines.Count == 0 ? 0 : double.Parse(lines[0].Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    private static double Sum(string metrics, string name, params (string Key, string Value)[] labels) =>
        Series(metrics, name, labels).Sum(l => double.Parse(l.Split(' ')[^1], CultureInfo.InvariantCulture));

    private static IEnumerable<string> Series(string metrics, string name, (string Key, string Value)[] labels) =>
        metrics.Split('\n').Where(l => (l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            && labels.All(x => l.Contains($"{x.Key}=\"{x.Value}\"", StringComparison.Ordinal)));
}
