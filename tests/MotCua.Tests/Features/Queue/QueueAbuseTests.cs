using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Queue;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Queue;

/// <summary>Nobody books a whole day or jumps the hall's queue from afar: bookings need a verified phone, tickets a kiosk's key.</summary>
public sealed class QueueAbuseTests
{
    private const string Office = "001.00.61.H26";

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task One_person_books_at_most_two_visits_a_day_and_without_the_right_code_books_nothing(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Workflow.Flow.At(2027, 2, 26, 10));
            using var client = app.CreateClient();
            async Task<HttpResponseMessage> BookAsync(string time, string phone, string? code) =>
                await client.PostAsJsonAsync("/api/queue/appointments", new { office = Office, service = "HT", date = "2027-03-01", time, fullName = "Phạm Văn Đức", phone, verificationCode = code });

            using (var empty = await client.PostAsJsonAsync("/api/queue/appointments", new { office = Office, service = "HT" }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
                var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
                Assert.Equal(["date", "fullName", "phone", "time", "verificationCode"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
            }

            using (var anonymous = await BookAsync("08:00", "0911000001", null))
            {
                Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
                Assert.Contains("verificationCode", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var (phone, code) = await AppointmentTests.VerifiedPhoneAsync(app, "0911000001");
            using (var wrong = await BookAsync("08:00", phone, code == "000000" ? "111111" : "000000"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            }

            using (var first = await BookAsync("08:00", phone, code))
            {
                Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            }

            using (var reused = await BookAsync("08:30", phone, code))
            {
                Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode); // a code serves one booking
            }

            var (_, second) = await AppointmentTests.VerifiedPhoneAsync(app, phone);
            using (var ok = await BookAsync("08:30", "+84 911 000 001", second))
            {
                Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            }

            var (_, third) = await AppointmentTests.VerifiedPhoneAsync(app, phone);
            using (var over = await BookAsync("09:00", phone, third))
            {
                Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
                Assert.Contains("tối đa 2", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using (var flood = await client.PostAsJsonAsync("/api/queue/booking-codes", new { phone }))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode); // three codes in 15 minutes already
            }

            Assert.Equal(2, await app.WithDbAsync(db => db.Set<Appointment>().CountAsync(a => a.Phone == phone)));
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Tickets_come_only_from_a_kiosk_holding_a_live_key_of_the_office(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var remote = app.CreateClient();
            using (var refused = await remote.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT", priority = true }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            remote.DefaultRequestHeaders.Add(KioskKeys.Header, "MK-DEMO-999.99.99.H26");
            Assert.Equal(HttpStatusCode.Unauthorized, (await remote.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT" })).StatusCode);
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<Ticket>().CountAsync()));

            using var officer = await app.ClientForAsync("canbo.trungvan");
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/queue/kiosks", new { office = Office, name = "Máy 2" })).StatusCode);
            using var leader = await app.ClientForAsync("lanhdao.trungvan");
            using var issued = await leader.PostAsJsonAsync("/api/queue/kiosks", new { office = Office, name = "Máy lấy số tầng 2" });
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            var kiosk = await issued.Content.ReadFromJsonAsync<JsonElement>();
            using var machine = app.CreateClient();
            machine.DefaultRequestHeaders.Add(KioskKeys.Header, kiosk.GetProperty("key").GetString());
            Assert.Equal(HttpStatusCode.Created, (await machine.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT", priority = true })).StatusCode);

            var list = await leader.GetStringAsync($"/api/queue/kiosks?office={Office}");
            Assert.DoesNotContain(kiosk.GetProperty("key").GetString()!, list, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NoContent, (await leader.DeleteAsync($"/api/queue/kiosks/{kiosk.GetProperty("id").GetGuid()}?office={Office}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await machine.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT" })).StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task In_a_demo_city_an_ordinary_ticket_is_given_without_a_key_but_a_priority_one_never_is(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var remote = app.CreateClient();
            Assert.Equal(HttpStatusCode.Created, (await remote.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT" })).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await remote.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT", priority = true })).StatusCode);
        }, new Dictionary<string, string?> { ["Queue:KioskKeys"] = "Auto" });
    }
}
