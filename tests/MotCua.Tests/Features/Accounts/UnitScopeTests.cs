using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Features.Units.Contracts;

namespace MotCua.Tests.Features.Accounts;

public abstract class UnitScopeTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    [SkippableFact]
    public async Task Officer_cannot_read_a_staff_record_of_another_ward()
    {
        using var other = await app.ClientForAsync("canbo.phuongkhac");
        using var response = await other.GetAsync("/api/accounts/canbo.trungvan");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task Foreign_record_and_missing_record_answer_alike()
    {
        using var other = await app.ClientForAsync("canbo.phuongkhac");
        using var foreign = await other.GetAsync("/api/accounts/canbo.trungvan");
        using var missing = await other.GetAsync("/api/accounts/no.such.person");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var a = await foreign.Content.ReadFromJsonAsync<JsonElement>();
        var b = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(b.GetProperty("title").GetString(), a.GetProperty("title").GetString());
        Assert.Equal(b.EnumerateObject().Select(p => p.Name), a.EnumerateObject().Select(p => p.Name));
    }

    [SkippableTheory]
    [InlineData("admin")]
    [InlineData("lanhdao.thanhpho")]
    [InlineData("lanhdao.trungvan")]
    public async Task City_accounts_and_the_same_ward_can_read_the_record(string reader)
    {
        using var client = await app.ClientForAsync(reader);
        var account = await client.GetFromJsonAsync<JsonElement>("/api/accounts/canbo.trungvan");
        Assert.Equal("canbo.trungvan", account.GetProperty("username").GetString());
    }

    [SkippableFact]
    public async Task Ward_officer_sees_the_units_of_the_ward_it_succeeded_but_not_a_neighbour()
    {
        var links = await app.WithDbAsync(db => Task.FromResult(db.Units.Select(u => new UnitLink(u.Id, u.ParentId, u.SuccessorId)).ToList()));
        var byCode = await app.WithDbAsync(db => Task.FromResult(db.Units.ToDictionary(u => u.Code, u => u.Id)));
        var visible = UnitTree.Expand(links, [byCode["000.00.61.H26"]]); // Phường Đại Mỗ
        Assert.Contains(byCode["001.00.61.H26"], visible);              // its service centre
        Assert.Contains(byCode["000.20.15.H26"], visible);              // Trung Văn, merged into it
        Assert.Contains(byCode["001.20.15.H26"], visible);              // Trung Văn's one-stop desk
        Assert.DoesNotContain(byCode["001.00.62.H26"], visible);        // Từ Liêm's centre
        Assert.DoesNotContain(byCode["000.00.00.H26"], visible);        // the city above
    }
}

/// <summary><see cref="UnitScopeTests"/> on SQLite.</summary>
public sealed class UnitScopeTestsOnSqlite(TestApp app) : UnitScopeTests(app), IClassFixture<TestApp>;

/// <summary><see cref="UnitScopeTests"/> on PostgreSQL.</summary>
public sealed class UnitScopeTestsOnPostgres(PostgresTestApp app) : UnitScopeTests(app), IClassFixture<PostgresTestApp>;
