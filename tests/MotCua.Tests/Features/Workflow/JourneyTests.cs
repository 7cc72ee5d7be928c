using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Notifications;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Workflow;

/// <summary>Dossiers from the counter through their processes to the result, as the journeys describe.</summary>
public sealed class JourneyTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_same_day_dossier_goes_from_the_handler_to_the_leader_to_the_counter_the_same_day(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            var received = await Flow.GetAsync(app, code);
            Assert.Equal("inProgress", received.GetProperty("status").GetString());
            Assert.True(Flow.InboxHas(await Flow.InboxAsync(app, "chuyenvien.trungvan"), code), "the specialist sees it at once");

            app.Clock.Advance(TimeSpan.FromMinutes(40));
            await Flow.ActAsync(app, "chuyenvien.trungvan", code, "forward");
            Assert.True(Flow.InboxHas(await Flow.InboxAsync(app, "lanhdao.trungvan"), code));
            Assert.False(Flow.InboxHas(await Flow.InboxAsync(app, "chuyenvien.trungvan"), code));
            app.Clock.Advance(TimeSpan.FromMinutes(30));
            var approved = await Flow.ActAsync(app, "lanhdao.trungvan", code, "approve");
            Assert.Equal("resultReady", approved.GetProperty("status").GetString());
            var returned = await Flow.ActAsync(app, "canbo.trungvan", code, "returnResult", new { receivedBy = "Nguyễn Văn An", feesCollected = 2000 });
            Assert.Equal("returned", returned.GetProperty("status").GetString());

            var actions = returned.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
            Assert.Equal(["receive", "forward", "forward", "approve", "returnResult"], actions);
            var progress = await Flow.ProgressAsync(app, code);
            var slip = progress.GetProperty("controlSlip").EnumerateArray().ToList();
            Assert.Equal(4, slip.Count);
            Assert.All(slip, row => Assert.NotEqual("late", row.GetProperty("outcome").GetString()));
            Assert.Equal("onTime", progress.GetProperty("outcome").GetString());
            Assert.DoesNotContain(progress.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("endedAt").ValueKind == JsonValueKind.Null);

            // The citizen was told at acceptance and when the result was ready, by e-mail, SMS and in the portal:
            // what the dispatcher delivered, in the mail folder, the SMS sink and the portal's notifications.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<MotCua.Features.Notifications.OutboxDispatcher>().DispatchOnceAsync();
            }

            var env = app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>();
            var storage = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MotCua.Infrastructure.Files.StorageOptions>>().Value;
            var mails = Directory.GetFiles(storage.FolderFor("mail", env), "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
                .Where(m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal)).ToList();
            Assert.Equal(2, mails.Count);
            Assert.All(mails, m => Assert.Equal("an@example.vn", m.To.Mailboxes.Single().Address));
            var sms = File.ReadAllLines(Path.Combine(storage.FolderFor("sms", env), "outbox.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(l => l.GetProperty("text").GetString()!.Contains(code, StringComparison.Ordinal)).ToList();
            Assert.Contains(sms, l => l.GetProperty("to").GetString() == "0912345678");
            Assert.True(await app.WithDbAsync(db => db.Set<Notification>()
                .AnyAsync(n => n.Recipient == "citizen:001090123456" && n.Title.Contains("kết quả"))));
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_three_working_day_dossier_is_assigned_handled_signed_and_rated_against_its_deadline(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "1.004873");
            var dossier = await Flow.GetAsync(app, code);
            Assert.Equal("received", dossier.GetProperty("status").GetString());
            Assert.Equal("2027-03-04", dossier.GetProperty("dueDate").GetString()); // Mon + 3 working days

            Assert.True(Flow.InboxHas(await Flow.InboxAsync(app, "canbo.trungvan"), code), "the one-stop officer transfers it");
            await Flow.ActAsync(app, "canbo.trungvan", code, "forward");
            await Flow.ActAsync(app, "lanhdao.trungvan", code, "assign", new { assignee = "chuyenvien.trungvan" });
            var mine = await Flow.InboxAsync(app, "chuyenvien.trungvan", "mine=true");
            Assert.True(Flow.InboxHas(mine, code));
            var item = mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
            Assert.Equal("chuyenvien.trungvan", item.GetProperty("holder").GetString());
            // Two working days (16 h) for the specialist, from Monday 09:00: Wednesday 09:00.
            Assert.Equal(new DateTimeOffset(2027, 3, 3, 9, 0, 0, TimeSpan.FromHours(7)), Flow.Vn(item, "stepDueAt"));

            app.Clock.Advance(TimeSpan.FromDays(1));
            await Flow.ActAsync(app, "chuyenvien.trungvan", code, "forward");
            app.Clock.Advance(TimeSpan.FromHours(2));
            await Flow.ActAsync(app, "lanhdao.trungvan", code, "approve");
            var progress = await Flow.ProgressAsync(app, code);
            Assert.Equal("early", progress.GetProperty("outcome").GetString());
            var rows = progress.GetProperty("controlSlip").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();
            // Intake forwarded within its 2 hours; the specialist a day before the step's due day; the leader within 4 hours.
            Assert.Equal(["onTime", "early", "onTime"], rows);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_history_reads_in_the_readers_language_with_people_by_name_and_the_typed_note_as_written(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "1.004873");
            await Flow.ActAsync(app, "canbo.trungvan", code, "forward", new { note = "Đủ giấy tờ" });
            await Flow.ActAsync(app, "lanhdao.trungvan", code, "assign", new { assignee = "chuyenvien.trungvan" });
            using var browser = await Pages.SignedInAsync(app, "lanhdao.trungvan");
            var vi = await browser.GetStringAsync($"/Workflow/Dossier/{code}");
            Assert.Contains("Tiếp nhận tại Bộ phận Một cửa; hẹn trả 17:00 04/03/2027.", vi, StringComparison.Ordinal);
            Assert.Contains("Giao cho Trần Văn Hùng.", vi, StringComparison.Ordinal);
            Assert.Contains("Đủ giấy tờ", vi, StringComparison.Ordinal);

            browser.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
            var en = await browser.GetStringAsync($"/Workflow/Dossier/{code}");
            Assert.Contains("Received at the one-stop desk; due 17:00 04/03/2027.", en, StringComparison.Ordinal);
            Assert.Contains("Assigned to Trần Văn Hùng.", en, StringComparison.Ordinal);
            Assert.Contains("Đủ giấy tờ", en, StringComparison.Ordinal); // what the officer typed stays as typed
            Assert.DoesNotContain("Tiếp nhận tại", en, StringComparison.Ordinal);

            // The detail is part of the hash chain: the history still verifies, and an edited detail breaks it.
            using var leader = await app.ClientForAsync("lanhdao.trungvan");
            Assert.True((await leader.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify")).GetProperty("intact").GetBoolean());
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "UPDATE dossiers_event SET \"Detail\" = '[\"Event.Assigned\",\"@admin\"]' WHERE \"Action\" = 'assign'"));
            Assert.False((await leader.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify")).GetProperty("intact").GetBoolean());
        });
    }
}
