using System.Net;

namespace MotCua.Tests.Features.Calendar;

public abstract class CalendarPageTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    [SkippableFact]
    public async Task Anyone_sees_a_year_grid_and_the_explanation_of_a_due_date()
    {
        using var visitor = Pages.Browser(app);
        var page = await visitor.GetStringAsync("/Calendar?receivedAt=2026-02-12T10:00&workingDays=3");
        Assert.Contains("24/02/2026", page, StringComparison.Ordinal);
        Assert.Contains("14/02 (Tết Nguyên đán)", page, StringComparison.Ordinal);
        Assert.Contains("data-date=\"2026-02-24\"", page, StringComparison.Ordinal);
        var projected = await visitor.GetStringAsync("/Calendar/2031");
        Assert.Contains("data-testid=\"provisional\"", projected, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Administrator_loads_a_year_and_a_broken_schedule_saves_nothing()
    {
        using var admin = await Pages.SignedInAsync(app, "admin");
        var editor = await admin.GetStringAsync("/Calendar/Edit/2029");
        Assert.Contains("Tết Nguyên đán", editor, StringComparison.Ordinal);

        const string Broken = """{"year":2029,"daysOff":[{"from":"2029-02-12","to":"2029-02-10","name":"Tết"}],"workingSaturdays":[]}""";
        using var refused = await Pages.PostFormAsync(admin, "/Calendar/Edit/2029", new() { ["Json"] = Broken });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("daysOff[0].to", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"provisional\"", await admin.GetStringAsync("/Calendar/2029"), StringComparison.Ordinal);

        const string Good = """{"year":2029,"source":"test","daysOff":[{"from":"2029-02-12","to":"2029-02-16","name":"Tết Nguyên đán"}],"workingSaturdays":[]}""";
        using var saved = await Pages.PostFormAsync(admin, "/Calendar/Edit/2029", new() { ["Json"] = Good });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain("data-testid=\"provisional\"", await admin.GetStringAsync("/Calendar/2029"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Office_cutoff_set_by_the_administrator_changes_same_day_due_dates()
    {
        using var admin = await Pages.SignedInAsync(app, "admin");
        var page = await admin.GetStringAsync("/Calendar/Offices");
        Assert.Contains("001.00.63.H26", page, StringComparison.Ordinal);
        var rows = System.Text.RegularExpressions.Regex.Matches(page, "name=\"Rows\\[(\\d+)\\]\\.Code\" value=\"([^\"]+)\"");
        var form = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match row in rows)
        {
            var i = row.Groups[1].Value;
            var code = row.Groups[2].Value;
            form[$"Rows[{i}].Code"] = code;
            form[$"Rows[{i}].Name"] = code;
            form[$"Rows[{i}].SameDayCutoff"] = code == "001.00.63.H26" ? "11:00" : "15:00";
            form[$"Rows[{i}].EndOfDay"] = "17:00";
        }

        using var saved = await Pages.PostFormAsync(admin, "/Calendar/Offices", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var client = app.CreateClient();
        var due = await client.GetStringAsync("/api/calendar/due-date?receivedAt=2026-03-02T11:30:00%2B07:00&workingDays=0&office=001.00.63.H26");
        Assert.Contains("\"dueDate\":\"2026-03-03\"", due, StringComparison.Ordinal);
        var other = await client.GetStringAsync("/api/calendar/due-date?receivedAt=2026-03-02T11:30:00%2B07:00&workingDays=0&office=001.00.61.H26");
        Assert.Contains("\"dueDate\":\"2026-03-02\"", other, StringComparison.Ordinal);
    }
}

/// <summary><see cref="CalendarPageTests"/> on SQLite.</summary>
public sealed class CalendarPageTestsOnSqlite(TestApp app) : CalendarPageTests(app), IClassFixture<TestApp>;

/// <summary><see cref="CalendarPageTests"/> on PostgreSQL.</summary>
public sealed class CalendarPageTestsOnPostgres(PostgresTestApp app) : CalendarPageTests(app), IClassFixture<PostgresTestApp>;
