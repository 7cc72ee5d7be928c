using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Reports;

/// <summary>
/// Dashboards and the service index read from the replica named by <c>Database:ReadConnectionString</c>, saying how
/// far behind it is, and from the primary when it cannot be reached. (A real streaming replica behind a lag is
/// <c>CityDeploymentTests</c>'.) On SQLite there is no replica: the setting is not used.
/// </summary>
public sealed class ReplicaReadsTests
{
    private const string Ward = "000.00.61.H26";

    private static async Task<(int Received, double? Lag, double? IndexLag)> ReadAsync(TestApp app)
    {
        using var leader = await app.ClientForAsync("lanhdao.trungvan");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dashboard = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit={Ward}&from={today}&to={today}");
        var index = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/service-index?unit={Ward}&from={today}&to={today}");
        static double? Lag(JsonElement e) => e.GetProperty("replicaLagSeconds").ValueKind == JsonValueKind.Null ? null : e.GetProperty("replicaLagSeconds").GetDouble();
        return (dashboard.GetProperty("totals").GetProperty("received").GetInt32(), Lag(dashboard), Lag(index));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Reports_read_from_the_replica_say_how_far_behind_it_is(DatabaseProvider provider)
    {
        // The database as its own replica: the same figures, read in a scope of their own, nothing behind.
        await TestApp.RunAsync(provider, async app =>
        {
            await Flow.ReceiveAsync(app, "2.000815");
            await Flow.ReceiveAsync(app, "2.000815", idNumber: "001090123457");
            var (received, lag, indexLag) = await ReadAsync(app);
            Assert.Equal(2, received);
            Assert.Equal(provider == DatabaseProvider.Postgres ? 0 : null, lag);
            Assert.Equal(provider == DatabaseProvider.Postgres ? 0 : null, indexLag);
        }, new Dictionary<string, string?> { ["Database:ReadConnectionString"] = TestApp.OwnDatabase });
    }

    [SkippableFact]
    public async Task An_unreachable_replica_leaves_the_reports_to_the_primary()
    {
        await TestApp.RunAsync(DatabaseProvider.Postgres, async app =>
        {
            await Flow.ReceiveAsync(app, "2.000815");
            var (received, lag, _) = await ReadAsync(app);
            Assert.Equal((1, null), (received, lag));
        }, new Dictionary<string, string?> { ["Database:ReadConnectionString"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2" });
    }
}
