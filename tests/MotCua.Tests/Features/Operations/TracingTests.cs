using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;
using OpenTelemetry.Trace;

namespace MotCua.Tests.Features.Operations;

/// <summary>
/// Traces exported to an in-memory exporter: a request is a server span tagged with its dossier and account, with the
/// database's spans under it, a background job is a span of its own, an error's trace id is the trace's, and no
/// span carries a person's number, name, phone or e-mail anywhere. Spans are told apart by the trace id each
/// request is sent with (other tests' apps run in this process too).
/// </summary>
public sealed class TracingTests
{
    private const string IdNumber = "001090765432";
    private const string Name = "Lê Thị Tracing";
    private const string Phone = "0987654321";
    private const string Email = "tracing@example.vn";

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Requests_and_jobs_are_traced_with_their_dossier_and_without_personal_data(DatabaseProvider provider)
    {
        Databases.SkipUnlessConfigured(provider);
        var spans = new List<Activity>();
        await using var app = new TracedApp(provider, spans);
        await app.InitializeAsync();
        using var officer = await app.ClientForAsync("canbo.trungvan");

        var (received, code) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", new
        {
            procedureCode = "2.000815", channel = "counter", applicant = new { idNumber = IdNumber, fullName = Name, email = Email, phone = Phone },
        });
        Assert.Equal(HttpStatusCode.Created, received.Status);
        var dossierCode = JsonDocument.Parse(code).RootElement.GetProperty("code").GetString()!;
        var (read, _) = await SendAsync(officer, HttpMethod.Get, $"/api/dossiers/{dossierCode}");
        var (citizen, _) = await SendAsync(officer, HttpMethod.Get, $"/api/citizens/{IdNumber}");
        using var anonymous = app.CreateClient();
        var (tracked, _) = await SendAsync(anonymous, HttpMethod.Get, $"/tra-cuu/{dossierCode}");
        var (invalid, problem) = await SendAsync(officer, HttpMethod.Post, "/api/dossiers", new { procedureCode = "", channel = "counter", applicant = new { idNumber = IdNumber } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);

        var traces = new[] { received.Trace, read.Trace, citizen.Trace, invalid.Trace, tracked.Trace };
        var mine = await SpansAsync(spans, s => traces.Contains(s.TraceId) && s.Kind == ActivityKind.Server, 5);

        // The read: one server span, named by its route, tagged with the dossier and the account, database spans under it.
        var server = Assert.Single(mine, s => s.TraceId == read.Trace);
        Assert.Equal("GET /api/dossiers/{code}", server.DisplayName);
        Assert.Equal(dossierCode, server.GetTagItem("motcua.dossier.code"));
        Assert.False(string.IsNullOrEmpty(server.GetTagItem("motcua.account") as string));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));
        var database = Snapshot(spans).Where(s => s.TraceId == read.Trace && s.Kind == ActivityKind.Client).ToList();
        Assert.Contains(database, d => d.DisplayName == "SELECT dossiers_dossier");
        Assert.All(database, d =>
        {
            Assert.Equal(server.SpanId, d.ParentSpanId);
            Assert.Equal(provider == DatabaseProvider.Postgres ? "postgresql" : "sqlite", d.GetTagItem("db.system.name"));
            Assert.Equal(d.DisplayName, d.GetTagItem("db.query.summary"));
        });

        // A page of a dossier is tagged with it too (here the public tracking page, which has no account).
        var page = Assert.Single(mine, s => s.TraceId == tracked.Trace);
        Assert.Equal(dossierCode, page.GetTagItem("motcua.dossier.code"));
        Assert.Null(page.GetTagItem("motcua.account"));

        // The error's ProblemDetails names the trace that holds it.
        Assert.Equal(invalid.Trace.ToString(), JsonDocument.Parse(problem).RootElement.GetProperty("traceId").GetString());
        Assert.Equal(400, Assert.Single(mine, s => s.TraceId == invalid.Trace).GetTagItem("http.response.status_code"));

        // The citizen's page is traced by its route, never by the number in its path.
        Assert.Equal("/api/citizens/{idNumber}", Assert.Single(mine, s => s.TraceId == citizen.Trace).GetTagItem("url.path"));

        // A background job is a span of its own (the heartbeat runs as the app starts).
        await SpansAsync(spans, s => s.Source.Name == "MotCua" && s.DisplayName == "job NodeHeartbeat", 1);

        // Nothing personal in any tag of any of these traces.
        foreach (var span in Snapshot(spans).Where(s => traces.Contains(s.TraceId)))
        {
            foreach (var (key, value) in span.TagObjects)
            {
                var text = value?.ToString() ?? "";
                foreach (var personal in new[] { IdNumber, Name, Phone, Email })
                {
                    Assert.False(text.Contains(personal, StringComparison.Ordinal), $"{span.DisplayName}: {key} = {text}");
                }
            }
        }
    }

    [Theory]
    [InlineData("SELECT d.\"id\", d.\"code\"\nFROM \"dossiers\" AS d\nWHERE d.\"code\" = @p", "SELECT dossiers")]
    [InlineData("  INSERT INTO \"dossier_events\" (\"id\") VALUES (@p0);\nINSERT INTO \"outbox\" (\"id\") VALUES (@p1)", "INSERT dossier_events")]
    [InlineData("UPDATE \"queue_tickets\" SET \"status\" = 'called' WHERE \"id\" IN (SELECT t.\"id\" FROM \"queue_tickets\" AS t)", "UPDATE queue_tickets")]
    [InlineData("DELETE FROM operations_node WHERE seen < @p", "DELETE operations_node")]
    [InlineData("SELECT fromage, intoxicated FROM menu", "SELECT menu")]
    [InlineData("PRAGMA wal_checkpoint(PASSIVE)", "PRAGMA")]
    [InlineData("SELECT 1", "SELECT")]
    public void A_database_span_is_named_by_its_operation_and_first_table_not_its_text(string sql, string name) =>
        Assert.Equal(name, DatabaseSpans.Summary(sql));

    /// <summary>Sends with a trace id of the test's own (W3C traceparent), as an upstream proxy or client would.</summary>
    private static async Task<((HttpStatusCode Status, ActivityTraceId Trace) Result, string Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(request);
        return ((response.StatusCode, trace), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The spans exported so far (the exporter adds one at a time, under its processor's lock).</summary>
    private static Activity[] Snapshot(List<Activity> spans) => spans.ToArray();

    private static async Task<List<Activity>> SpansAsync(List<Activity> spans, Func<Activity, bool> wanted, int count)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            var found = Snapshot(spans).Where(wanted).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"fewer than {count} spans were exported");
        return [];
    }

    private sealed class TracedApp(DatabaseProvider provider, List<Activity> spans) : TestApp(provider, new Dictionary<string, string?> { ["Telemetry:Traces"] = "true" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        }
    }
}
