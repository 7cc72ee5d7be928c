using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Notifications;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Workflow;

/// <summary>Supplement pauses under each clock policy, the sweeper's warnings and overdue marks, and the apology (form 04).</summary>
public sealed class DeadlineTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Resume_policy_moves_the_deadline_by_exactly_the_working_days_paused(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "1.004873"); // 3 working days, resume
            await Flow.ActAsync(app, "canbo.trungvan", code, "forward");
            Assert.Equal("2027-03-04", (await Flow.GetAsync(app, code)).GetProperty("dueDate").GetString());
            app.Clock.Advance(TimeSpan.FromHours(2));
            var waiting = await Flow.ActAsync(app, "chuyenvien.trungvan", code, "requestSupplement", new { note = "Thiếu bản sao giấy khai sinh" });
            Assert.Equal("waitingSupplement", waiting.GetProperty("status").GetString());
            Assert.Equal(1, (await Flow.InboxAsync(app, "chuyenvien.trungvan", "filter=waiting")).GetProperty("counts").GetProperty("waiting").GetInt32());
            Assert.Equal(HttpStatusCode.BadRequest, (await Flow.TryAsync(app, "chuyenvien.trungvan", code, "forward")).StatusCode);

            // Paused Monday, complete again on Thursday (across the weekend there would be more days; here Tue, Wed, Thu = 3).
            app.Clock.SetUtcNow(Flow.At(2027, 3, 4, 10));
            var resumed = await Flow.ActAsync(app, "canbo.trungvan", code, "supplementReceived");
            Assert.Equal("inProgress", resumed.GetProperty("status").GetString());
            Assert.Equal("2027-03-09", resumed.GetProperty("dueDate").GetString()); // Thu 4 + 3 working days = Tue 9
            var note = resumed.GetProperty("events").EnumerateArray().Last().GetProperty("detail").GetString();
            Assert.Contains("3 ngày làm việc", note, StringComparison.Ordinal);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Restart_policy_counts_the_full_legal_time_again_from_the_complete_dossier(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "1.009994"); // construction permit: 15 working days, restart
            Assert.Equal("2027-03-22", (await Flow.GetAsync(app, code)).GetProperty("dueDate").GetString());
            await Flow.ActAsync(app, "canbo.trungvan", code, "requestSupplement", new { note = "Thiếu bản vẽ thiết kế" });
            app.Clock.SetUtcNow(Flow.At(2027, 3, 10, 9));
            var resumed = await Flow.ActAsync(app, "canbo.trungvan", code, "supplementReceived");
            Assert.Equal("received", resumed.GetProperty("status").GetString());
            Assert.Equal("2027-03-31", resumed.GetProperty("dueDate").GetString()); // Wed 10 + 15 working days
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_sweeper_warns_before_the_deadline_the_apology_moves_it_and_an_unanswered_one_is_marked_overdue(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var late = await Flow.ReceiveAsync(app, "1.004873", "001090111111");
            var neglected = await Flow.ReceiveAsync(app, "1.004873", "001090222222");
            foreach (var code in new[] { late, neglected })
            {
                await Flow.ActAsync(app, "canbo.trungvan", code, "forward");
                await Flow.ActAsync(app, "lanhdao.trungvan", code, "assign", new { assignee = "chuyenvien.trungvan" });
            }

            // Thursday 10:00: due at 17:00 today, inside the 8-hour warning window.
            app.Clock.SetUtcNow(Flow.At(2027, 3, 4, 10));
            var first = await Flow.SweepAsync(app);
            Assert.Equal((2, 0), (first.Warned, first.MarkedOverdue));
            Assert.Equal(0, (await Flow.SweepAsync(app)).Warned); // warned once
            var warnings = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key.Contains("/warn/")).Select(m => m.Recipient).ToListAsync());
            Assert.Contains("staff:chuyenvien.trungvan", warnings);
            Assert.Contains("staff:lanhdao.trungvan", warnings);

            var page = await (await Pages.SignedInAsync(app, "lanhdao.trungvan")).GetStringAsync($"/Workflow/Dossier/{late}");
            Assert.Contains("mẫu 04", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await Flow.TryAsync(app, "chuyenvien.trungvan", late, "apologise", new { note = "x", newDueDate = "2027-03-09" })).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await Flow.TryAsync(app, "lanhdao.trungvan", late, "apologise", new { note = "Chờ xác minh", newDueDate = "2027-03-06" })).StatusCode); // a Saturday
            var apologised = await Flow.ActAsync(app, "lanhdao.trungvan", late, "apologise", new { note = "Cần xác minh thông tin tại nơi cư trú trước đây", newDueDate = "2027-03-09" });
            Assert.Equal("2027-03-09", apologised.GetProperty("dueDate").GetString());
            var apology = (await Flow.ProgressAsync(app, late)).GetProperty("apologies").EnumerateArray().Single();
            // Made on the due day: later than the working day before it that the rule allows (LateDossierRulesTests).
            Assert.False(apology.GetProperty("inTime").GetBoolean());
            Assert.Equal("2027-03-03", apology.GetProperty("latestOn").GetString());
            using var api = await app.ClientForAsync("lanhdao.trungvan");
            var pdf = await api.GetByteArrayAsync($"/api/dossiers/{late}/apologies/{apology.GetProperty("id").GetGuid()}.pdf");
            var text = Flow.PdfText(pdf);
            Assert.Contains("XIN LỖI", text, StringComparison.Ordinal);
            Assert.Contains("Mẫu số 04", text, StringComparison.Ordinal);
            Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Key.StartsWith(late) && m.Key.EndsWith("/apology") && m.Channel == "email")),
                "the citizen receives the apology");

            // Friday: the other one passed its deadline without an apology.
            app.Clock.SetUtcNow(Flow.At(2027, 3, 5, 8));
            var second = await Flow.SweepAsync(app);
            Assert.Equal(1, second.MarkedOverdue);
            var overdue = await Flow.GetAsync(app, neglected);
            Assert.Equal("overdue", overdue.GetProperty("events").EnumerateArray().Last().GetProperty("action").GetString());
            var inbox = await Flow.InboxAsync(app, "chuyenvien.trungvan", "filter=overdue");
            Assert.True(Flow.InboxHas(inbox, neglected));
            Assert.Equal("late", (await Flow.ProgressAsync(app, neglected)).GetProperty("outcome").GetString());
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_result_ready_in_time_but_not_collected_by_its_date_is_not_counted_as_late_handling(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var collected = await Flow.ReceiveAsync(app, "2.000815", "001090500001");
            var handledLate = await Flow.ReceiveAsync(app, "2.000815", "001090500002");
            await Flow.ToResultReadyAsync(app, collected);
            app.Clock.Advance(TimeSpan.FromDays(2)); // both past their appointment: one waits for the citizen, one still for the office

            string Urgency(JsonElement page, string code) => page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("urgency").GetString()!;
            var officer = await Flow.InboxAsync(app, "canbo.trungvan");
            Assert.Equal(0, officer.GetProperty("counts").GetProperty("overdue").GetInt32());
            Assert.Equal(1, officer.GetProperty("counts").GetProperty("uncollected").GetInt32());
            Assert.Equal("uncollected", Urgency(officer, collected));
            var uncollected = await Flow.InboxAsync(app, "canbo.trungvan", "filter=uncollected");
            Assert.Equal([collected], uncollected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
            Assert.False(Flow.InboxHas(await Flow.InboxAsync(app, "canbo.trungvan", "filter=overdue"), collected));

            var leader = await Flow.InboxAsync(app, "lanhdao.trungvan");
            Assert.Equal(1, leader.GetProperty("counts").GetProperty("overdue").GetInt32());
            Assert.Equal("overdue", Urgency(leader, handledLate));
            Assert.True(Flow.InboxHas(await Flow.InboxAsync(app, "lanhdao.trungvan", "filter=overdue"), handledLate));
        });
    }
}
