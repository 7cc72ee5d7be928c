using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.NationalSync;
using MotCua.Features.NationalSync.Sandbox;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.NationalSync;

/// <summary>Every step of every dossier reaches the national portal (its sandbox), once and in order, whatever the line does; on both databases.</summary>
public sealed class NationalSyncTests
{
    private const string Certification = "2.000815"; // same day at the demo ward: receive, forward, forward, approve, returnResult

    /// <summary>Rounds of the dispatcher, as its job runs them, until nothing is due now; how many records were tried.</summary>
    private static async Task<int> DispatchAsync(TestApp app)
    {
        var tried = 0;
        for (int round; (round = await RoundAsync(app)) > 0;)
        {
            tried += round;
        }

        return tried;
    }

    private static async Task<int> RoundAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SyncDispatcher>().DispatchOnceAsync();
    }

    private static SandboxPortalBehaviour Portal(TestApp app) => app.Services.GetRequiredService<SandboxPortalBehaviour>();

    /// <summary>What the sandbox portal has for the dossier, in the order it arrived.</summary>
    private static async Task<List<JsonElement>> ReceivedAsync(TestApp app, string code, string user = "canbo.trungvan")
    {
        using var client = await app.ClientForAsync(user);
        var shown = await client.GetFromJsonAsync<JsonElement>($"/sandbox/dvcqg/dossiers/{code}");
        return [.. shown.GetProperty("records").EnumerateArray()];
    }

    private static async Task<JsonElement> FailuresAsync(TestApp app, string user = "lanhdao.trungvan")
    {
        using var client = await app.ClientForAsync(user);
        return await client.GetFromJsonAsync<JsonElement>("/api/national-sync/failures");
    }

    /// <summary>A certification dossier carried to its end: five steps.</summary>
    private static async Task<string> CarriedThroughAsync(TestApp app)
    {
        var code = await Flow.ReceiveAsync(app, Certification);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await Flow.ToResultReadyAsync(app, code);
        await Flow.ActAsync(app, "canbo.trungvan", code, "returnResult", new { receivedBy = "Nguyễn Văn An", feesCollected = 2000 });
        return code;
    }

    private static void AssertOnceInOrder(List<JsonElement> records, int steps)
    {
        Assert.Equal(Enumerable.Range(1, steps), records.Select(r => r.GetProperty("seq").GetInt32()));
        Assert.All(records, r => Assert.False(r.GetProperty("outOfOrder").GetBoolean()));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Each_step_reaches_the_portal_once_in_order_with_its_national_status_who_when_and_the_result(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await CarriedThroughAsync(app);
            Assert.Empty(await ReceivedAsync(app, code)); // written with each step, sent by the dispatcher

            Assert.Equal(5, await DispatchAsync(app));
            Assert.Equal(0, await DispatchAsync(app)); // acknowledged records are never sent again
            var records = await ReceivedAsync(app, code);
            AssertOnceInOrder(records, 5);
            Assert.Equal([2, 4, 4, 9, 10], records.Select(r => r.GetProperty("status").GetInt32()));
            Assert.Equal("Đã trả kết quả", records[4].GetProperty("statusName").GetString());

            var first = records[0].GetProperty("record");
            Assert.Equal(code, first.GetProperty("MaHoSo").GetString());
            Assert.Equal(Certification, first.GetProperty("MaTTHC").GetString());
            Assert.Equal(1, first.GetProperty("KenhThucHien").GetInt32()); // at the counter
            Assert.Equal("20270301090000", first.GetProperty("NgayTiepNhan").GetString()); // Vietnam time
            Assert.Equal("Tiếp nhận", first.GetProperty("QuaTrinhXuLy").GetProperty("NoiDungXuLy").GetString());

            // A move names who took it, when, and the end date the law gives the step it led to.
            var forward = records[2].GetProperty("record").GetProperty("QuaTrinhXuLy");
            Assert.Equal("chuyenvien.trungvan", forward.GetProperty("TaiKhoanXuLy").GetString());
            Assert.False(string.IsNullOrEmpty(forward.GetProperty("NguoiXuLy").GetString()));
            Assert.Equal("20270301092000", forward.GetProperty("ThoiDiemXuLy").GetString());
            Assert.Matches("^2027030[1-9]\\d{6}$", forward.GetProperty("HanXuLyTheoQuyDinh").GetString()!);

            var ready = records[3].GetProperty("record");
            Assert.NotEqual(0, ready.GetProperty("DanhSachGiayToKetQua").GetArrayLength());
            Assert.Equal(JsonValueKind.String, ready.GetProperty("NgayKetThucXuLy").ValueKind);
            Assert.Equal(0, (await FailuresAsync(app)).GetProperty("backlog").GetInt32());

            // What the portal holds is the dossier's: staff of another office do not see it.
            using var other = await app.ClientForAsync("canbo.phuongkhac");
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/sandbox/dvcqg/dossiers/{code}")).StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task When_sendings_fail_and_answers_are_lost_every_step_still_arrives_once_and_in_order(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var codes = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                codes.Add(await CarriedThroughAsync(app));
            }

            var portal = Portal(app);
            (portal.FailBefore, portal.FailAfter) = (0.3, 0.3);
            var rounds = 0;
            while ((await FailuresAsync(app)).GetProperty("backlog").GetInt32() > 0)
            {
                Assert.True(++rounds < 100, "the backlog drains");
                await DispatchAsync(app);
                app.Clock.Advance(TimeSpan.FromMinutes(5)); // the longest pause between two tries
            }

            Assert.True(rounds > 1, "some sendings failed and were tried again");
            foreach (var code in codes)
            {
                AssertOnceInOrder(await ReceivedAsync(app, code), 5);
            }
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_portal_down_for_an_hour_gets_every_step_after_in_order(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var portal = Portal(app);
            portal.Down = true;
            var first = await Flow.ReceiveAsync(app, Certification);
            for (var minute = 0; minute < 60; minute += 5)
            {
                await DispatchAsync(app);
                app.Clock.Advance(TimeSpan.FromMinutes(5));
            }

            var second = await CarriedThroughAsync(app); // the office works on while the portal is down
            await DispatchAsync(app);
            var failures = await FailuresAsync(app);
            Assert.Equal(7, failures.GetProperty("backlog").GetInt32());
            var failing = failures.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal([first, second], failing.Select(f => f.GetProperty("dossierCode").GetString()).Order());
            Assert.All(failing, f => Assert.False(f.GetProperty("held").GetBoolean())); // the line: tried again by itself
            Assert.Empty(await ReceivedAsync(app, first));

            portal.Down = false;
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            await DispatchAsync(app);
            Assert.Equal(0, (await FailuresAsync(app)).GetProperty("backlog").GetInt32());
            AssertOnceInOrder(await ReceivedAsync(app, first), 2);
            AssertOnceInOrder(await ReceivedAsync(app, second), 5);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_record_the_portal_refuses_holds_its_dossier_until_someone_sends_it_again(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var portal = Portal(app);
            portal.UnknownProcedures.Add(Certification);
            var code = await Flow.ReceiveAsync(app, Certification);
            await DispatchAsync(app);
            app.Clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(0, await DispatchAsync(app)); // refused: not tried again by itself, and the next step waits behind it

            var failures = await FailuresAsync(app);
            var held = Assert.Single(failures.GetProperty("items").EnumerateArray());
            Assert.True(held.GetProperty("held").GetBoolean());
            Assert.Equal(1, held.GetProperty("seq").GetInt32());
            Assert.Contains("MaTTHC", held.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, failures.GetProperty("backlog").GetInt32());
            using (var browser = await Pages.SignedInAsync(app, "lanhdao.trungvan"))
            {
                var page = await browser.GetStringAsync("/NationalSync");
                Assert.Contains(code, page, StringComparison.Ordinal);
                Assert.Contains("MaTTHC", page, StringComparison.Ordinal);
            }

            // Someone of another office cannot send it again; the office's leader can, once the cause is mended.
            var id = held.GetProperty("id").GetGuid();
            using (var other = await app.ClientForAsync("lanhdao.phuongkhac"))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/national-sync/failures/{id}/retry", null)).StatusCode);
            }

            portal.UnknownProcedures.Remove(Certification);
            using (var leader = await app.ClientForAsync("lanhdao.trungvan"))
            {
                Assert.Equal(HttpStatusCode.NoContent, (await leader.PostAsync($"/api/national-sync/failures/{id}/retry", null)).StatusCode);
            }

            Assert.Equal(2, await DispatchAsync(app));
            AssertOnceInOrder(await ReceivedAsync(app, code), 2);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_sandbox_refuses_a_wrong_key_and_a_bad_record_and_stores_nothing(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var client = app.CreateClient();
            using var noKey = await client.PostAsync(PortalSandbox.Api, JsonContent.Create(new { MaHoSo = "X" }));
            Assert.Equal("401", (await noKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_code").GetString());

            var key = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NationalSyncOptions>>().Value.AccessKey;
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            using var notJson = await client.PostAsync(PortalSandbox.Api, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
            using var empty = await client.PostAsync(PortalSandbox.Api, JsonContent.Create(new { MaHoSo = "" }));
            Assert.Equal("2", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_code").GetString());
            Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<SandboxRecord>())));
        });
    }
}
