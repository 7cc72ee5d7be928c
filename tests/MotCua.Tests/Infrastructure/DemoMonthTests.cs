using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Feedback;
using MotCua.Features.Notifications;
using MotCua.Features.Queue;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Demo;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The demo city's month, replayed at the first start through the product's services: dossiers in every state and
/// channel, late ones with apologies, both evaluations, a queue's history; and the leaders' dashboard over the month
/// agrees with the records behind it.
/// </summary>
public sealed class DemoMonthTests
{
    private static readonly string[] Measures =
        ["received", "online", "digitised", "resolved", "early", "onTime", "late", "sameDay", "inProgress", "overdue", "rated", "unsatisfied", "counterRated", "counterUnsatisfied", "disagreement"];

    private static readonly string[] Offices = ["001.00.61.H26", "001.00.62.H26", "001.00.63.H26"];

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_demo_month_is_a_city_at_work_and_its_dashboard_agrees_with_its_dossiers(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var summary = JsonSerializer.Deserialize<DemoMonthSummary>(
                await app.WithDbAsync(db => db.SystemSettings.Where(s => s.Key == DemoMonth.SummaryKey).Select(s => s.Value).SingleAsync()), JsonDefaults.Web)!;
            Assert.True(summary.Failed == 0, string.Join('\n', summary.FirstFailures));

            var dossiers = await app.WithDbAsync(db => db.Set<Dossier>().AsNoTracking().ToListAsync());
            Assert.Equal(summary.Dossiers, dossiers.Count);
            Assert.InRange(dossiers.Count, 200, 1500); // a month with Tết in it has fewer working days
            Assert.Equal(Enum.GetValues<DossierChannel>().Order(), dossiers.Select(d => d.Channel).Distinct().Order());
            foreach (var status in new[] { DossierStatus.InProgress, DossierStatus.ResultReady, DossierStatus.Returned, DossierStatus.Refused }) // (stopping is rarer: a month may have none)
            {
                Assert.Contains(dossiers, d => d.Status == status);
            }

            Assert.Equal(Offices.Order(StringComparer.Ordinal), dossiers.Select(d => d.OfficeCode).Distinct().Order(StringComparer.Ordinal));
            Assert.Contains(dossiers, d => d.Timeliness == Timeliness.Late);
            Assert.True(dossiers.Count(d => d.Status == DossierStatus.Returned) > dossiers.Count / 2, "most dossiers of a month are done");
            Assert.True(dossiers.Select(d => d.ApplicantIdNumber).Distinct().Count() < dossiers.Count, "some citizens came back");
            Assert.True(dossiers.Count(d => d.Digitised) > dossiers.Count * 3 / 4, "the counter scans what it receives");
            Assert.Contains(dossiers.SelectMany(d => d.Documents).Where(d => d.DocumentId != null).GroupBy(d => d.DocumentId), g => g.Count() > 1); // once-only: a paper scanned once serves again
            var now = app.Clock.GetUtcNow();
            Assert.All(dossiers, d => Assert.InRange(d.ReceivedAt, now.AddDays(-DemoMonth.Days - 1), now));

            var apologies = await app.WithDbAsync(db => db.Set<DossierEvent>().CountAsync(e => e.Action == "apologise"));
            Assert.True(apologies > 0, "late dossiers were apologised for");
            var events = await app.WithDbAsync(db => db.Set<DossierEvent>().AsNoTracking().Select(e => new { e.DossierId, e.Seq, e.At }).ToListAsync());
            Assert.All(events.GroupBy(e => e.DossierId), g => Assert.Equal(g.OrderBy(e => e.Seq).Select(e => e.At), g.Select(e => e.At).Order()));
            Assert.All(events, e => Assert.True(e.At <= now));

            // The month's e-mails and text messages are history, not sent at the first start; its in-app ones stay to be shown.
            var outbox = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().GroupBy(m => m.Channel == "inApp")
                .Select(g => new { InApp = g.Key, Total = g.Count(), Unsent = g.Count(m => m.SentAt == null) }).ToListAsync());
            Assert.Contains(outbox, o => !o.InApp && o.Total > 0 && o.Unsent == 0);
            Assert.Contains(outbox, o => o.InApp && o.Total > 0);

            var evaluations = await app.WithDbAsync(db => db.Set<Evaluation>().AsNoTracking().ToListAsync());
            Assert.Equal(summary.Evaluations, evaluations.Count);
            var tickets = await app.WithDbAsync(db => db.Set<Ticket>().AsNoTracking().ToListAsync());
            Assert.Equal(summary.Tickets, tickets.Count);
            Assert.Contains(tickets, t => t.Status == TicketStatus.NoShow);
            Assert.True(tickets.Count(t => t.DossierCode != null) > dossiers.Count(d => d.Channel == DossierChannel.Counter) * 3 / 4, "tickets lead to the dossiers received at the counter");

            // The city's dashboard over the month: each total is the count of its records, and of the list it clicks through to.
            var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
            var period = string.Create(CultureInfo.InvariantCulture, $"from={today.AddDays(-DemoMonth.Days):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
            using var leader = await app.ClientForAsync("lanhdao.thanhpho");
            var city = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit=000.00.00.H26&{period}");
            var totals = city.GetProperty("totals");
            int Total(string name) => totals.GetProperty(name).GetInt32();
            Assert.Equal(dossiers.Count, Total("received"));
            Assert.Equal(dossiers.Count(d => d.Channel == DossierChannel.Online), Total("online"));
            Assert.Equal(dossiers.Count(d => d.ResolvedAt != null), Total("resolved"));
            Assert.Equal(dossiers.Count(d => d.ResolvedAt != null && d.Timeliness == Timeliness.Late), Total("late"));
            Assert.Equal(evaluations.Count(e => e.Kind == Evaluation.Counter), Total("counterRated"));
            Assert.Equal(evaluations.Count(e => e.Kind == Evaluation.DossierKind), Total("rated"));
            foreach (var measure in Measures)
            {
                var list = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dossiers?unit=000.00.00.H26&{period}&measure={measure}");
                Assert.True(Total(measure == "disagreement" ? "disagreements" : measure) == list.GetProperty("total").GetInt32(), measure);
            }

            Assert.Equal(dossiers.Count, city.GetProperty("byOffice").EnumerateArray().Sum(b => b.GetProperty("counts").GetProperty("received").GetInt32()));
            foreach (var office in Offices)
            {
                Assert.Equal(dossiers.Count(d => d.OfficeCode == office),
                    city.GetProperty("byOffice").EnumerateArray().Single(b => b.GetProperty("key").GetString() == office).GetProperty("counts").GetProperty("received").GetInt32());
            }

            // The pilot's officer starts the day with work: results to hand over and dossiers in her inbox.
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var inbox = await officer.GetFromJsonAsync<JsonElement>("/api/inbox");
            Assert.True(inbox.GetProperty("items").GetArrayLength() > 0);
        }, new Dictionary<string, string?> { ["Demo:Month"] = "true" });
    }
}
