using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Tests.Features.Calendar;

public abstract class CalendarApiTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    [SkippableFact]
    public async Task Due_date_answers_with_the_date_instant_and_explanation()
    {
        using var client = app.CreateClient();
        var due = await client.GetFromJsonAsync<JsonElement>("/api/calendar/due-date?receivedAt=2026-02-12T10:00:00%2B07:00&workingDays=3");
        Assert.Equal("2026-02-24", due.GetProperty("dueDate").GetString());
        Assert.Equal("2026-02-24T17:00:00+07:00", due.GetProperty("dueAt").GetString());
        Assert.False(due.GetProperty("provisional").GetBoolean());
        Assert.Equal(3, due.GetProperty("workingDays").GetInt32());
        var skipped = due.GetProperty("skipped").EnumerateArray().ToList();
        Assert.Equal("2026-02-14", skipped[0].GetProperty("date").GetString());
        Assert.Equal(9, skipped.Count);
        Assert.False(string.IsNullOrEmpty(skipped[0].GetProperty("reason").GetString()));
    }

    [SkippableFact]
    public async Task Same_day_at_an_office_uses_its_cutoff()
    {
        using var client = app.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/calendar/due-date?receivedAt=2026-03-02T14:59:00%2B07:00&workingDays=0&office=001.00.61.H26");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/calendar/due-date?receivedAt=2026-03-02T15:01:00%2B07:00&workingDays=0&office=001.00.61.H26");
        Assert.Equal("2026-03-02", before.GetProperty("dueDate").GetString());
        Assert.Equal("2026-03-03", after.GetProperty("dueDate").GetString());
    }

    [SkippableTheory]
    [InlineData("workingDays=3", "receivedAt")]
    [InlineData("receivedAt=nonsense&workingDays=3", "receivedAt")]
    [InlineData("receivedAt=2026-02-30T10:00:00%2B07:00&workingDays=3", "receivedAt")]
    [InlineData("receivedAt=2026-02-12T10:00:00%2B07:00", "workingDays")]
    [InlineData("receivedAt=2026-02-12T10:00:00%2B07:00&workingDays=-1", "workingDays")]
    [InlineData("receivedAt=2026-02-12T10:00:00%2B07:00&workingDays=366", "workingDays")]
    [InlineData("receivedAt=2026-02-12T10:00:00%2B07:00&workingDays=abc", "workingDays")]
    [InlineData("receivedAt=1850-02-12T10:00:00%2B07:00&workingDays=3", "receivedAt")]
    [InlineData("receivedAt=2026-02-12T10:00:00%2B07:00&workingDays=3&office=999.99.99.H26", "office")]
    public async Task Bad_input_gets_a_problem_naming_the_field(string query, string field)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/calendar/due-date?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), query);
    }

    [SkippableFact]
    public async Task Year_2026_is_official_with_its_days_off_and_working_Saturdays()
    {
        using var client = app.CreateClient();
        var year = await client.GetFromJsonAsync<JsonElement>("/api/calendar/2026");
        Assert.False(year.GetProperty("provisional").GetBoolean());
        Assert.Equal("2026-02-17", year.GetProperty("lunarNewYear").GetString());
        var daysOff = year.GetProperty("daysOff").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Contains("2026-01-01", daysOff);
        Assert.Contains("2026-08-31", daysOff);
        Assert.Equal(["2026-01-10", "2026-08-22"], year.GetProperty("workingSaturdays").EnumerateArray().Select(d => d.GetString()));
    }

    [SkippableTheory]
    [InlineData(1899)]
    [InlineData(2101)]
    public async Task Year_outside_1900_2100_is_refused(int year)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync($"/api/calendar/{year}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task Loading_an_official_schedule_ends_the_projection_and_a_broken_row_loads_nothing()
    {
        using var admin = await app.ClientForAsync("admin");
        using var client = app.CreateClient();
        var projected = await client.GetFromJsonAsync<JsonElement>("/api/calendar/2028");
        Assert.True(projected.GetProperty("provisional").GetBoolean());

        var broken = new
        {
            year = 2028, source = "test",
            daysOff = new object[] { new { from = "2028-01-01", to = "2028-01-01", name = "Tết Dương lịch" }, new { from = "2028-01-28", to = "2028-01-24", name = "Tết" } },
            workingSaturdays = new object[] { new { date = "2028-02-14", replaces = (string?)null } },
        };
        using var refused = await admin.PutAsJsonAsync("/api/calendar/2028/official", broken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("daysOff[1].to", out _));
        Assert.True(errors.TryGetProperty("workingSaturdays[0].date", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/calendar/2028/official")).StatusCode);

        var good = new
        {
            year = 2028, source = "Thông báo lịch nghỉ 2028 (test)",
            daysOff = new object[] { new { from = "2028-01-24", to = "2028-01-30", name = "Tết Nguyên đán" }, new { from = "2028-03-06", to = "2028-03-06", name = "Nghỉ thử" } },
            workingSaturdays = new object[] { new { date = "2028-02-05", replaces = "2028-01-24" } },
        };
        using var loaded = await admin.PutAsJsonAsync("/api/calendar/2028/official", good);
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var year = await client.GetFromJsonAsync<JsonElement>("/api/calendar/2028");
        Assert.False(year.GetProperty("provisional").GetBoolean());
        var due = await client.GetFromJsonAsync<JsonElement>("/api/calendar/due-date?receivedAt=2028-03-03T09:00:00%2B07:00&workingDays=1");
        Assert.Equal("2028-03-07", due.GetProperty("dueDate").GetString());
    }

    [SkippableFact]
    public async Task Only_administrators_load_schedules()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var response = await officer.PutAsJsonAsync("/api/calendar/2029/official", new { year = 2029, daysOff = Array.Empty<object>(), workingSaturdays = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary><see cref="CalendarApiTests"/> on SQLite.</summary>
public sealed class CalendarApiTestsOnSqlite(TestApp app) : CalendarApiTests(app), IClassFixture<TestApp>;

/// <summary><see cref="CalendarApiTests"/> on PostgreSQL.</summary>
public sealed class CalendarApiTestsOnPostgres(PostgresTestApp app) : CalendarApiTests(app), IClassFixture<PostgresTestApp>;
