using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Reports;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Reform;

/// <summary>The reform office's plans with measured and reported targets, and the findings to follow up, through the API, on both databases.</summary>
public sealed class ReformTests
{
    private const string Ward = "000.00.61.H26"; // Đại Mỗ
    private const string Leader = "lanhdao.trungvan";

    private static readonly string[] Satisfied = ["satisfied", "satisfied", "verySatisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied"];
    private static readonly string[] OneUnsatisfied = ["satisfied", "satisfied", "verySatisfied", "satisfied", "satisfied", "satisfied", "unsatisfied", "satisfied", "satisfied"];

    private static readonly string[] Justice = ["000.00.31.H26"];

    private static DateOnly Today(TestApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_measured_satisfaction_target_is_the_dashboards_figure_and_a_reported_one_keeps_its_evidence(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            foreach (var criteria in new[] { Satisfied, Satisfied, OneUnsatisfied })
            {
                var code = await Flow.ReceiveAsync(app, "2.000815");
                await Flow.ToResultReadyAsync(app, code);
                using var rated = await EvaluationTests.RateAsync(app, new { dossierCode = code, kind = "dossier", criteria });
                Assert.True(rated.StatusCode == HttpStatusCode.Created, await rated.Content.ReadAsStringAsync());
            }

            var today = Today(app);
            using var leader = await app.ClientForAsync(Leader);
            var plan = new
            {
                unitCode = Ward, name = "Kế hoạch cải cách hành chính", from = Day(new DateOnly(today.Year, 1, 1)), to = Day(new DateOnly(today.Year + 1, 12, 31)),
                decision = "KH 01/KH-UBND",
                targets = new object[]
                {
                    new { name = "Mức độ hài lòng của người dân", measure = "satisfaction", target = 90 },
                    new { name = "Thủ tục đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình", measure = (string?)null, target = 100 },
                },
            };
            using var created = await leader.PostAsJsonAsync("/api/reform/plans", plan);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            var dashboard = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit={Ward}&from={Day(new DateOnly(today.Year, 1, 1))}&to={Day(today)}");
            var expected = dashboard.GetProperty("totals").GetProperty("satisfaction").GetDouble();
            Assert.Equal(66.67, expected);
            var view = await leader.GetFromJsonAsync<JsonElement>($"/api/reform/plans/{id}");
            var targets = view.GetProperty("targets").EnumerateArray().ToList();
            var measured = targets.Single(t => t.GetProperty("measured").GetBoolean());
            Assert.Equal(expected, measured.GetProperty("actual").GetDouble());
            Assert.False(measured.GetProperty("reached").GetBoolean());
            Assert.Contains("measure=rated", measured.GetProperty("source").GetString(), StringComparison.Ordinal);
            Assert.Single(measured.GetProperty("years").EnumerateArray()); // next year has not begun

            // The hand-reported target takes its value with evidence; the measured one refuses a hand value.
            var manual = targets.Single(t => !t.GetProperty("measured").GetBoolean()).GetProperty("id").GetGuid();
            using (var reported = await leader.PostAsJsonAsync($"/api/reform/plans/{id}/targets/{manual}/report", new { actual = 100, evidence = "Báo cáo số 15/BC-UBND" }))
            {
                Assert.Equal(HttpStatusCode.NoContent, reported.StatusCode);
            }

            using (var refused = await leader.PostAsJsonAsync($"/api/reform/plans/{id}/targets/{measured.GetProperty("id").GetGuid()}/report", new { actual = 99, evidence = "x" }))
            {
                Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            }

            view = await leader.GetFromJsonAsync<JsonElement>($"/api/reform/plans/{id}");
            var hand = view.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == manual);
            Assert.Equal((100.0, true, "Báo cáo số 15/BC-UBND"), (hand.GetProperty("actual").GetDouble(), hand.GetProperty("reached").GetBoolean(), hand.GetProperty("evidence").GetString()));

            // Bad input names the field.
            foreach (var (body, field) in new (object Body, string Field)[]
            {
                (new { unitCode = Ward, name = "X", from = "2026-01-01", to = "2026-12-31", targets = new[] { new { name = "A", measure = "satisfaction", target = 150 } } }, "targets[0].target"),
                (new { unitCode = Ward, name = "X", from = "2026-01-01", to = "2025-12-31", targets = new[] { new { name = "A", measure = "online", target = 50 } } }, "to"),
                (new { unitCode = (string?)null, name = "X", from = "2026-01-01", to = "2026-12-31", targets = new[] { new { name = "A", measure = "online", target = 50 } } }, "unitCode"),
                (new { unitCode = Ward, name = "X", from = "2026-01-01", to = "2026-12-31", targets = new[] { new { name = "A", measure = "speed", target = 50 } } }, "targets[0].measure"),
            })
            {
                using var bad = await leader.PostAsJsonAsync("/api/reform/plans", body);
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
            }

            // Another ward's leader does not see the plan.
            using var other = await app.ClientForAsync("lanhdao.phuongkhac");
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/reform/plans/{id}")).StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_finding_going_overdue_reaches_the_responsible_units_leaders_once(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var today = Today(app);
            using var leader = await app.ClientForAsync(Leader);
            using (var missing = await leader.PostAsJsonAsync("/api/reform/findings", new { source = "Đoàn giám sát HĐND", text = "Rà soát quy trình", deadline = Day(today) }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
                Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("responsibleUnit", out _));
            }

            using var created = await leader.PostAsJsonAsync("/api/reform/findings", new
            {
                source = "Đoàn giám sát của Ban Pháp chế HĐND thành phố", text = "Hoàn thành số hoá kết quả giải quyết thủ tục hành chính còn tồn đọng",
                responsibleUnit = Ward, coordinatingUnits = Justice, deadline = Day(today.AddDays(-1)),
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var listed = (await leader.GetFromJsonAsync<JsonElement>($"/api/reform/findings?unit={Ward}")).GetProperty("items").EnumerateArray().Single();
            Assert.True(listed.GetProperty("overdue").GetBoolean());

            Assert.Equal(1, await SweepAsync(app));
            Assert.Equal(0, await SweepAsync(app)); // told once
            var told = await app.WithDbAsync(db => db.Set<MotCua.Features.Notifications.OutboxMessage>().Where(m => m.Key.StartsWith("reform-finding/")).Select(m => m.Recipient).ToListAsync());
            Assert.Equal(["staff:lanhdao.trungvan"], told);

            using (var done = await leader.PostAsJsonAsync($"/api/reform/findings/{id}/done", new { evidence = "Báo cáo số 20/BC-UBND" }))
            {
                Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
            }

            using (var again = await leader.PostAsJsonAsync($"/api/reform/findings/{id}/done", new { evidence = "lần hai" }))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            }

            listed = (await leader.GetFromJsonAsync<JsonElement>($"/api/reform/findings?unit={Ward}")).GetProperty("items").EnumerateArray().Single();
            Assert.Equal(("done", false), (listed.GetProperty("status").GetString(), listed.GetProperty("overdue").GetBoolean()));
        });
    }

    private static async Task<int> SweepAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MotCua.Features.Reform.FindingSweeper>().SweepAsync();
    }
}
