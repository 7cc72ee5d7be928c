using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Security;

/// <summary>Input the model cannot hold is refused at the edge with the field named, and nothing is written, on both databases.</summary>
public sealed class BadInputTests
{
    private static readonly string Huge = new('A', 1_000_000);

    private static object Dossier(object applicant, string channel = "counter", object? documents = null, string? receivedAt = null, string? office = null) =>
        new { procedureCode = "2.000815", channel, applicant, documents, receivedAt, office };

    private static readonly object Applicant = new { idNumber = "001090777001", fullName = "Đỗ Văn Hùng" };

    public static TheoryData<string, string> Cases => new()
    {
        { "1 MB name", "applicant.fullName" },
        { "1 MB address", "applicant.address" },
        { "channel 7", "channel" },
        { "negative copies", "documents[0]" },
        { "20,000 documents", "documents" },
        { "e-mail with markup", "applicant.email" },
        { "backdated 16 months by an officer", "receivedAt" },
    };

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Input_the_model_cannot_hold_is_refused_with_the_field_named_and_nothing_is_written(DatabaseProvider provider)
    {
        // The real backdating rule (the other tests widen it to receive at fixed past dates).
        var defaults = new Dictionary<string, string?> { ["Intake:BackdateDays"] = "30", ["Intake:OfficersMayBackdate"] = "false" };
        await TestApp.RunAsync(provider, async app =>
        {
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var bodies = new Dictionary<string, object>
            {
                ["1 MB name"] = Dossier(new { idNumber = "001090777001", fullName = Huge }),
                ["1 MB address"] = Dossier(new { idNumber = "001090777001", fullName = "Đỗ Văn Hùng", address = Huge }),
                ["channel 7"] = new { procedureCode = "2.000815", channel = 7, applicant = Applicant },
                ["negative copies"] = Dossier(Applicant, documents: new[] { new { name = "Tờ khai", documentType = "to-khai", originals = 1, copies = -3, how = "paper" } }),
                ["20,000 documents"] = Dossier(Applicant, documents: Enumerable.Repeat(new { name = "Tờ khai", documentType = "to-khai", originals = 1, copies = 0, how = "paper" }, 20_000)),
                ["e-mail with markup"] = Dossier(new { idNumber = "001090777001", fullName = "Đỗ Văn Hùng", email = "\"><img src=x onerror=alert(1)>@x.vn" }),
                ["backdated 16 months by an officer"] = Dossier(Applicant, receivedAt: app.Clock.GetUtcNow().AddMonths(-16).ToString("O")),
            };
            foreach (var (name, field) in Cases.Select(c => ((string)c[0], (string)c[1])))
            {
                using var response = await officer.PostAsJsonAsync("/api/dossiers", bodies[name]);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                if (name != "channel 7")
                {
                    Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{name}: {field} not named in {text[..Math.Min(300, text.Length)]}");
                }
            }

            Assert.Equal(0, await app.WithDbAsync(db => db.Set<Dossier>().CountAsync(d => d.ApplicantIdNumber == "001090777001")));

            // A leader (standing in at the counter) may enter a paper dossier received three days ago, while the system was down; the event says so.
            await app.StandInAtCounterAsync("lanhdao.trungvan", "001.00.61.H26");
            using var leader = await app.ClientForAsync("lanhdao.trungvan");
            using var late = await leader.PostAsJsonAsync("/api/dossiers", Dossier(Applicant, receivedAt: app.Clock.GetUtcNow().AddDays(-3).ToString("O"), office: "001.00.61.H26"));
            Assert.True(late.StatusCode == HttpStatusCode.Created, await late.Content.ReadAsStringAsync());
            var code = (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
            Assert.Contains("Ghi lùi", (await Flow.GetAsync(app, code, "lanhdao.trungvan")).GetProperty("events")[0].GetProperty("detail").GetString(), StringComparison.Ordinal);

            using var admin = await app.ClientForAsync("admin");
            using (var organisation = await officer.PostAsJsonAsync("/api/organisations", new { taxCode = "0100109106", name = Huge }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, organisation.StatusCode);
            }

            using (var calendar = await admin.PutAsJsonAsync("/api/calendar/2031/official", new { year = 2031, source = Huge, daysOff = Array.Empty<object>(), workingSaturdays = Array.Empty<object>() }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, calendar.StatusCode);
            }

            // An empty item in a list is named, not a crash.
            using (var holes = await admin.PutAsJsonAsync("/api/calendar/2031/official", new { year = 2031, source = "x", daysOff = new object?[] { null }, workingSaturdays = new object?[] { null } }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, holes.StatusCode);
                var fields = (await holes.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
                Assert.Equal(["daysOff[0]", "workingSaturdays[0]"], fields);
            }
        }, defaults);
    }

    public static TheoryData<DatabaseProvider, string> FarYears => Databases.Cross(
        "/api/calendar/9999",
        "/api/calendar/1",
        "/api/calendar/due-date?receivedAt=9999-12-31T10:00:00%2B07:00&workingDays=3",
        "/api/calendar/due-date?receivedAt=0001-01-01T00:00:00%2B07:00&workingDays=3",
        "/api/reports/service-index?unit=001.00.61.H26&from=0001-01-01&to=9999-12-31",
        "/api/reports/dashboard?unit=001.00.61.H26&from=9999-01-01&to=9999-12-31",
        "/api/reports/dossiers?unit=001.00.61.H26&from=0001-01-01&to=0001-01-02&measure=received",
        "/api/queue/figures?office=001.00.61.H26&from=0001-01-01&to=9999-12-31");

    [SkippableTheory]
    [MemberData(nameof(FarYears))]
    public async Task Years_9999_and_0001_are_a_bad_request_not_an_error(DatabaseProvider provider, string path)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var leader = await app.ClientForAsync("lanhdao.trungvan");
            using var response = await leader.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
    }
}
