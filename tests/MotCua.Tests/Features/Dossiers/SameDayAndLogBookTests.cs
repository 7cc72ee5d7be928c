using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;

namespace MotCua.Tests.Features.Dossiers;

public abstract class SameDayAndLogBookTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    private async Task<JsonElement> AcceptAsync(string procedure, string idNumber, string receivedAt)
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var response = await officer.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = procedure, channel = "counter", receivedAt, applicant = new { idNumber, fullName = "Nông Văn Dền", phone = "0987000111" },
        });
        response.EnsureSuccessStatusCode();
        return await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()}");
    }

    [SkippableFact]
    public async Task Same_day_dossier_goes_to_its_handler_at_once_and_is_listed_until_returned()
    {
        var now = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var dossier = await AcceptAsync("2.000884", "001090151515", now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("inProgress", dossier.GetProperty("status").GetString());
        Assert.Equal(["receive", "forward"], dossier.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var code = dossier.GetProperty("code").GetString()!;

        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        Assert.Contains(code, await officer.GetStringAsync("/Dossiers/Today"), StringComparison.Ordinal);
        await Workflow.Flow.ToResultReadyAsync(app, code);
        Assert.Contains(code, await officer.GetStringAsync("/Dossiers/Today"), StringComparison.Ordinal);
        using var returned = await Pages.PostFormAsync(officer, $"/Dossiers/Return?code={Uri.EscapeDataString(code)}",
            new() { ["code"] = code, ["expectedVersion"] = "3", ["receivedBy"] = "Nông Văn Dền", ["feesCollected"] = "10000" });
        Assert.DoesNotContain(code, await officer.GetStringAsync("/Dossiers/Today"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Log_book_lists_the_period_as_a_page_and_as_Excel()
    {
        var a = (await AcceptAsync("1.004873", "001090161616", "2026-02-12T10:00:00+07:00")).GetProperty("code").GetString()!;
        var b = (await AcceptAsync("2.000815", "001090171717", "2026-02-13T08:30:00+07:00")).GetProperty("code").GetString()!;
        var outside = (await AcceptAsync("2.000815", "001090181818", "2026-03-02T08:30:00+07:00")).GetProperty("code").GetString()!;
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var page = await officer.GetStringAsync("/Dossiers/LogBook?from=2026-02-01&to=2026-02-28");
        Assert.Contains(a, page, StringComparison.Ordinal);
        Assert.Contains(b, page, StringComparison.Ordinal);
        Assert.DoesNotContain(outside, page, StringComparison.Ordinal);
        Assert.Contains("24/02/2026", page, StringComparison.Ordinal);

        var xlsx = await officer.GetByteArrayAsync("/Dossiers/LogBook?from=2026-02-01&to=2026-02-28&handler=Excel");
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([a, b], rows.Select(r => r["Mã hồ sơ"]?.ToString()));
        Assert.Equal("Nông Văn Dền", rows[0]["Tên người nộp"]?.ToString());

        using var other = await Pages.SignedInAsync(app, "canbo.phuongkhac");
        Assert.DoesNotContain(a, await other.GetStringAsync("/Dossiers/LogBook?from=2026-02-01&to=2026-02-28"), StringComparison.Ordinal);
    }
}

/// <summary><see cref="SameDayAndLogBookTests"/> on SQLite.</summary>
public sealed class SameDayAndLogBookTestsOnSqlite(TestApp app) : SameDayAndLogBookTests(app), IClassFixture<TestApp>;

/// <summary><see cref="SameDayAndLogBookTests"/> on PostgreSQL.</summary>
public sealed class SameDayAndLogBookTestsOnPostgres(PostgresTestApp app) : SameDayAndLogBookTests(app), IClassFixture<PostgresTestApp>;
