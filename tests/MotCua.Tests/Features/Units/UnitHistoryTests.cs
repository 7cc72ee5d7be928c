using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Tests.Features.Units;

public abstract class UnitHistoryTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    private const string TrungVanDesk = "001.20.15.H26";
    private const string DaiMoCentre = "001.00.61.H26";

    [SkippableFact]
    public async Task Ward_merged_on_1_July_2025_keeps_its_code_name_and_successor()
    {
        using var client = app.CreateClient();
        var desk = await client.GetFromJsonAsync<JsonElement>($"/api/units/{TrungVanDesk}");
        Assert.Equal("Bộ phận Một cửa phường Trung Văn", desk.GetProperty("name").GetString());
        Assert.Equal("2025-06-30", desk.GetProperty("validTo").GetString());
        Assert.Equal(DaiMoCentre, desk.GetProperty("successorCode").GetString());
    }

    [SkippableFact]
    public async Task Offices_on_a_date_are_those_open_that_day()
    {
        using var client = app.CreateClient();
        var before = await Codes(client, "/api/offices?date=2025-06-30");
        var after = await Codes(client, "/api/offices?date=2025-07-01");
        Assert.Contains(TrungVanDesk, before);
        Assert.DoesNotContain(DaiMoCentre, before);
        Assert.Contains(DaiMoCentre, after);
        Assert.DoesNotContain(TrungVanDesk, after);
        var all = await Codes(client, "/api/offices");
        Assert.Contains(TrungVanDesk, all);
        Assert.Contains(DaiMoCentre, all);
    }

    [SkippableFact]
    public async Task Records_from_before_the_merger_still_name_the_old_ward()
    {
        using var client = await app.ClientForAsync("canbo.trungvan");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/accounts/me");
        var memberships = me.GetProperty("memberships").EnumerateArray().ToList();
        var old = memberships.Single(m => m.GetProperty("validTo").GetString() == "2025-06-30");
        Assert.Equal("Bộ phận Một cửa phường Trung Văn", old.GetProperty("unitName").GetString());
        Assert.False(old.GetProperty("current").GetBoolean());
        var now = memberships.Single(m => m.GetProperty("current").GetBoolean());
        Assert.Equal(DaiMoCentre, now.GetProperty("unitCode").GetString());
    }

    [SkippableFact]
    public async Task Malformed_date_is_a_validation_problem_naming_the_field()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/offices?date=30/06/2025");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty("date", out _));
    }

    private static async Task<List<string>> Codes(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];
}

/// <summary><see cref="UnitHistoryTests"/> on SQLite.</summary>
public sealed class UnitHistoryTestsOnSqlite(TestApp app) : UnitHistoryTests(app), IClassFixture<TestApp>;

/// <summary><see cref="UnitHistoryTests"/> on PostgreSQL.</summary>
public sealed class UnitHistoryTestsOnPostgres(PostgresTestApp app) : UnitHistoryTests(app), IClassFixture<PostgresTestApp>;
