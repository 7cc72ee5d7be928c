using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Notifications;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Queue;

/// <summary>Booking slots online (calendar-aware, within capacity) and checking in at the kiosk, merged fairly with walk-ins.</summary>
public sealed class AppointmentTests
{
    private const string Office = "001.00.61.H26";

    private static int phones;

    /// <summary>A new phone with the code the booking SMS carried (read from the message the outbox sends).</summary>
    internal static async Task<(string Phone, string Code)> VerifiedPhoneAsync(TestApp app, string? phone = null)
    {
        phone ??= $"09{Interlocked.Increment(ref phones):D8}";
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // so that the newest message is the newest code
        using var client = app.CreateClient();
        using (var sent = await client.PostAsJsonAsync("/api/queue/booking-codes", new { phone }))
        {
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        }

        var sms = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Channel == "sms" && m.Recipient == phone)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync());
        return (phone, Regex.Match(sms, @"\b\d{6}\b").Value);
    }

    private static async Task<HttpResponseMessage> BookAsync(TestApp app, HttpClient client, string date, string time, string service = "HT")
    {
        var (phone, code) = await VerifiedPhoneAsync(app);
        return await client.PostAsJsonAsync("/api/queue/appointments", new { office = Office, service, date, time, fullName = "Nguyễn Văn An", phone, verificationCode = code });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Bookings_stay_within_a_slots_capacity_even_at_once_and_outside_hours_are_refused_with_the_reason(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Workflow.Flow.At(2027, 2, 26, 10)); // a Friday
            using var client = app.CreateClient();
            var slots = await client.GetFromJsonAsync<JsonElement>($"/api/queue/slots?office={Office}&service=HT&date=2027-03-01");
            var starts = slots.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("start").GetString()).ToList();
            Assert.Contains("08:00:00", starts);
            Assert.DoesNotContain("12:00:00", starts);
            Assert.Contains("16:30:00", starts);

            var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => BookAsync(app, client, "2027-03-01", "08:30")));
            Assert.Equal(3, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
            var full = attempts.First(r => r.StatusCode != HttpStatusCode.Created);
            Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);
            Assert.Contains("đã đủ", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var after = await client.GetFromJsonAsync<JsonElement>($"/api/queue/slots?office={Office}&service=HT&date=2027-03-01");
            Assert.Equal(0, after.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("start").GetString() == "08:30:00").GetProperty("free").GetInt32());

            foreach (var (date, time) in new[] { ("2027-03-01", "12:00"), ("2027-02-28", "09:00"), ("2027-03-01", "07:00"), ("2027-02-26", "08:00") })
            {
                using var refused = await BookAsync(app, client, date, time);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Contains("time", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_visitor_checking_in_on_time_is_ranked_at_the_slot_between_the_walk_ins_and_a_late_one_queues_as_a_walk_in(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Workflow.Flow.At(2027, 2, 26, 10));
            using var kiosk = app.KioskClient(Office);
            var onTime = (await (await BookAsync(app, kiosk, "2027-03-01", "09:00")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
            var late = (await (await BookAsync(app, kiosk, "2027-03-01", "08:00")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

            async Task<string> WalkInAsync()
            {
                using var r = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT" });
                return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
            }

            async Task<string> CheckInAsync(string? code)
            {
                using var r = await kiosk.PostAsJsonAsync("/api/queue/check-in", new { office = Office, code });
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
                return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
            }

            app.Clock.SetUtcNow(Workflow.Flow.At(2027, 3, 1, 8).AddMinutes(40));
            var w1 = await WalkInAsync();                         // 08:40
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            var booked = await CheckInAsync(onTime);              // 08:45, slot 09:00: ranked 09:00
            var lateOne = await CheckInAsync(late);               // 08:45, slot 08:00 passed 45 minutes ago: a walk-in at 08:45
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            var w2 = await WalkInAsync();                         // 08:50
            app.Clock.Advance(TimeSpan.FromMinutes(15));
            var w3 = await WalkInAsync();                         // 09:05
            using var again = await kiosk.PostAsJsonAsync("/api/queue/check-in", new { office = Office, code = onTime });
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // a booking gives one ticket

            using var officer = await app.ClientForAsync("canbo.trungvan");
            var counter = (await officer.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items")[0].GetProperty("id").GetGuid();
            var order = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                using var call = await officer.PostAsync($"/api/queue/counters/{counter}/call-next", null);
                order.Add((await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
            }

            Assert.Equal([w1, lateOne, w2, booked, w3], order);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_citizen_books_on_the_public_page_and_gets_a_code(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Workflow.Flow.At(2027, 2, 26, 10));
            using var browser = Pages.Browser(app);
            var url = $"/dat-lich/{Office}?service=CT&date=2027-03-01";
            var page = await browser.GetStringAsync(url);
            Assert.Contains("value=\"08:00\"", page, StringComparison.Ordinal);
            using (var send = await browser.PostAsync(url + "&handler=sendCode", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Pages.AntiforgeryToken(page), ["service"] = "CT", ["date"] = "2027-03-01", ["fullName"] = "Trần Thị Bình", ["phone"] = "0987 654 321",
            })))
            {
                var sent = await send.Content.ReadAsStringAsync();
                Assert.Contains("data-testid=\"code-sent\"", sent, StringComparison.Ordinal);
                Assert.Contains("value=\"Trần Thị Bình\"", sent, StringComparison.Ordinal);
            }

            var sms = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Channel == "sms" && m.Recipient == "0987654321").Select(m => m.Body).SingleAsync());
            var code = Regex.Match(sms, @"\b\d{6}\b").Value;
            using var booked = await Pages.PostFormAsync(browser, url, new()
            {
                ["service"] = "CT", ["date"] = "2027-03-01", ["time"] = "10:30", ["fullName"] = "Trần Thị Bình", ["phone"] = "0987654321", ["verificationCode"] = code,
            });
            var html = await booked.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"booking-code\"", html, StringComparison.Ordinal);
            using var refused = await Pages.PostFormAsync(browser, url, new() { ["service"] = "CT", ["date"] = "2027-03-01", ["time"] = "10:30", ["fullName"] = "" });
            Assert.Contains("data-field=\"fullName\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        });
    }
}
