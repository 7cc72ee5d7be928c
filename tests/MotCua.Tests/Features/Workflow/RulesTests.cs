using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers;

namespace MotCua.Tests.Features.Workflow;

/// <summary>What the engine refuses, and how: the API contract's status codes, concurrency and the hash chain.</summary>
public abstract class RulesTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    [SkippableFact]
    public async Task Unknown_or_misplaced_actions_are_400_wrong_roles_403_other_units_404()
    {
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090300001");
        Assert.Equal(HttpStatusCode.BadRequest, (await Flow.TryAsync(app, "chuyenvien.trungvan", code, "teleport")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Flow.TryAsync(app, "chuyenvien.trungvan", code, "returnResult", new { receivedBy = "A" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Flow.TryAsync(app, "chuyenvien.trungvan", code, "supplementReceived")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Flow.TryAsync(app, "chuyenvien.trungvan", code, "approve")).StatusCode); // not a step that signs
        Assert.Equal(HttpStatusCode.Forbidden, (await Flow.TryAsync(app, "canbo.trungvan", code, "forward")).StatusCode); // the handler's step
        Assert.Equal(HttpStatusCode.Forbidden, (await Flow.TryAsync(app, "lanhdao.thanhpho", code, "refuse", new { note = "x" })).StatusCode); // a leader of another agency
        Assert.Equal(HttpStatusCode.NotFound, (await Flow.TryAsync(app, "canbo.phuongkhac", code, "forward", version: 2)).StatusCode);
        var missingNote = await Flow.TryAsync(app, "chuyenvien.trungvan", code, "requestSupplement");
        Assert.Equal(HttpStatusCode.BadRequest, missingNote.StatusCode);
        Assert.Contains("note", await missingNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_stale_version_is_409_with_the_fresh_dossier()
    {
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090300002");
        var version = (await Flow.GetAsync(app, code)).GetProperty("version").GetInt32();
        await Flow.ActAsync(app, "chuyenvien.trungvan", code, "forward");
        using var stale = await Flow.TryAsync(app, "lanhdao.trungvan", code, "approve", version: version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(version + 1, problem.GetProperty("dossier").GetProperty("version").GetInt32());
    }

    /// <summary>The request's declared rules answer together, each on its field, and a refused action changes nothing.</summary>
    [SkippableFact]
    public async Task A_request_breaking_its_declared_rules_is_400_naming_every_field()
    {
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090300009");
        using var client = await app.ClientForAsync("chuyenvien.trungvan");
        using var response = await client.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action = " ", note = new string('x', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["action", "expectedVersion", "note"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(errors.EnumerateObject(), e => Assert.NotEqual("", e.Value[0].GetString()));
        Assert.Equal(1, (await Flow.GetAsync(app, code)).GetProperty("version").GetInt32());
    }

    [SkippableFact]
    public async Task Two_officers_acting_at_once_exactly_one_wins()
    {
        await TestApp.RunAsync(app.Provider, async app =>
        {
            var code = await Flow.ReceiveAsync(app, "2.000815", "001090300003");
            var version = (await Flow.GetAsync(app, code)).GetProperty("version").GetInt32();
            var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0
                ? Flow.TryAsync(app, "chuyenvien.trungvan", code, "forward", version: version)
                : Flow.TryAsync(app, "chuyenvien.trungvan", code, "requestSupplement", new { note = "Thiếu giấy tờ" }, version: version)));
            Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(5, attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var dossier = await Flow.GetAsync(app, code);
            Assert.Equal(version + 1, dossier.GetProperty("version").GetInt32());
            Assert.Equal(3, dossier.GetProperty("events").GetArrayLength()); // receive, forward (same day), and the one winner
            using var api = await app.ClientForAsync("canbo.trungvan");
            Assert.True((await api.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify")).GetProperty("intact").GetBoolean());
        });
    }

    [SkippableFact]
    public async Task Sending_back_returns_the_dossier_to_whoever_handled_that_step()
    {
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090300004");
        await Flow.ActAsync(app, "chuyenvien.trungvan", code, "forward");
        Assert.Equal(HttpStatusCode.BadRequest, (await Flow.TryAsync(app, "lanhdao.trungvan", code, "sendBack", new { note = "Sai họ tên", toStep = 5 })).StatusCode);
        var back = await Flow.ActAsync(app, "lanhdao.trungvan", code, "sendBack", new { note = "Sai chính tả họ tên trong bản sao" });
        var last = back.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("sendBack", last.GetProperty("action").GetString());
        Assert.Contains("Lãnh đạo", last.GetProperty("fromStep").GetString(), StringComparison.Ordinal);
        var item = (await Flow.InboxAsync(app, "chuyenvien.trungvan", "mine=true")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
        Assert.Equal("chuyenvien.trungvan", item.GetProperty("holder").GetString());
        await Flow.ActAsync(app, "chuyenvien.trungvan", code, "forward");
        Assert.Equal("resultReady", (await Flow.ActAsync(app, "lanhdao.trungvan", code, "approve")).GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Consulting_another_agency_opens_a_task_in_its_inbox_with_its_own_deadline()
    {
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090300005");
        await Flow.ActAsync(app, "chuyenvien.trungvan", code, "consult", new { agency = "000.00.31.H26", workingDays = 3, note = "Xin ý kiến về giá trị bản chính nước ngoài" });
        var inbox = await Flow.InboxAsync(app, "chuyenvien.sotuphap", "filter=consultations");
        Assert.True(Flow.InboxHas(inbox, code));
        Assert.Equal(HttpStatusCode.Forbidden, (await Flow.TryAsync(app, "chuyenvien.trungvan", code, "consultReply", new { note = "tự trả lời" })).StatusCode);
        await Flow.ActAsync(app, "chuyenvien.sotuphap", code, "consultReply", new { note = "Bản chính đã hợp pháp hoá lãnh sự; chứng thực được." });
        Assert.False(Flow.InboxHas(await Flow.InboxAsync(app, "chuyenvien.sotuphap"), code));
        var consultation = (await Flow.ProgressAsync(app, code)).GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "consultation");
        Assert.Contains("hợp pháp hoá", consultation.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Editing_a_workflow_event_breaks_the_chain_that_verify_checks()
    {
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090300006");
        await Flow.ActAsync(app, "chuyenvien.trungvan", code, "forward");
        await app.WithDbAsync(async db =>
        {
            var id = await db.Set<Dossier>().Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            return await db.Set<DossierEvent>().Where(e => e.DossierId == id && e.Seq == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "lanhdao.trungvan"));
        });
        using var api = await app.ClientForAsync("canbo.trungvan");
        var check = await api.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify");
        Assert.False(check.GetProperty("intact").GetBoolean());
        Assert.Equal(3, check.GetProperty("firstBrokenEvent").GetInt32());
    }

    [SkippableFact]
    public async Task The_inbox_counts_and_pages_and_filters_by_procedure()
    {
        for (var i = 0; i < 3; i++)
        {
            await Flow.ReceiveAsync(app, "2.000884", $"00109040000{i}");
        }

        var all = await Flow.InboxAsync(app, "chuyenvien.trungvan", "procedure=2.000884&pageSize=2");
        Assert.True(all.GetProperty("counts").GetProperty("all").GetInt32() >= 3);
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal("2.000884", i.GetProperty("procedureCode").GetString()));
        var second = await Flow.InboxAsync(app, "chuyenvien.trungvan", "procedure=2.000884&pageSize=2&page=2");
        Assert.NotEmpty(second.GetProperty("items").EnumerateArray());
        var dues = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("stepDueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(dues.Order(), dues);
        Assert.Equal(0, (await Flow.InboxAsync(app, "canbo.phuongkhac", "procedure=2.000884")).GetProperty("counts").GetProperty("all").GetInt32());
    }
}

/// <summary><see cref="RulesTests"/> on SQLite.</summary>
public sealed class RulesTestsOnSqlite(TestApp app) : RulesTests(app), IClassFixture<TestApp>;

/// <summary><see cref="RulesTests"/> on PostgreSQL.</summary>
public sealed class RulesTestsOnPostgres(PostgresTestApp app) : RulesTests(app), IClassFixture<PostgresTestApp>;
