using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Documents;

namespace MotCua.Tests.Features.Dossiers;

public abstract class ResultReturnTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    private async Task<string> AcceptAsync(string idNumber)
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var response = await officer.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "2.000815", channel = "counter", applicant = new { idNumber, fullName = "Hà Văn Sơn" },
        });
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await Workflow.Flow.ToResultReadyAsync(app, code); // the handler and the leader sign; the result waits at the counter
        return code;
    }

    [SkippableFact]
    public async Task Scanning_the_receipt_finds_the_dossier_and_returning_closes_it_and_keeps_the_result()
    {
        var code = await AcceptAsync("001090121212");
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var scanned = Uri.EscapeDataString($"http://localhost:5080/tra-cuu/{code}?key=7KQ4M-XP2RD");
        var page = await officer.GetStringAsync($"/Dossiers/Return?code={scanned}");
        Assert.Contains(code, page, StringComparison.Ordinal);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(Pages.AntiforgeryToken(page)), "__RequestVerificationToken" }, { new StringContent(code), "code" },
            { new StringContent("3"), "expectedVersion" }, { new StringContent("Hà Văn Sơn"), "receivedBy" }, { new StringContent("4000"), "feesCollected" },
            { new ByteArrayContent(Builders.TestImages.QrPng("bản sao đã chứng thực", 4)), "result", "ket-qua.png" },
        };
        using var returned = await officer.PostAsync("/Dossiers/Return", form);
        Assert.Contains("data-testid=\"returned\"", await returned.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var api = await app.ClientForAsync("canbo.trungvan");
        var dossier = await api.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}");
        Assert.Equal("returned", dossier.GetProperty("status").GetString());
        Assert.Equal(4, dossier.GetProperty("version").GetInt32());
        var last = dossier.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("returnResult", last.GetProperty("action").GetString());
        Assert.Contains("4.000", last.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Set<Document>().AnyAsync(d => d.SourceDossierCode == code && d.DocumentType == "ket-qua:2.000815")));
        Assert.True((await api.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify")).GetProperty("intact").GetBoolean());
    }

    [SkippableFact]
    public async Task A_stale_page_or_a_second_return_is_refused()
    {
        var code = await AcceptAsync("001090131313");
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        Dictionary<string, string> Fields(string version) => new() { ["code"] = code, ["expectedVersion"] = version, ["receivedBy"] = "Hà Văn Sơn", ["feesCollected"] = "0" };
        using var stale = await Pages.PostFormAsync(officer, $"/Dossiers/Return?code={Uri.EscapeDataString(code)}", Fields("7"));
        Assert.Contains("data-field=\"expectedVersion\"", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var ok = await Pages.PostFormAsync(officer, $"/Dossiers/Return?code={Uri.EscapeDataString(code)}", Fields("3"));
        Assert.Contains("data-testid=\"returned\"", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A second submission (say, from another window still open on the form) is refused, naming why.
        var fields = Fields("4");
        fields["__RequestVerificationToken"] = Pages.AntiforgeryToken(await officer.GetStringAsync("/Intake"));
        using var content = new FormUrlEncodedContent(fields);
        using var again = await officer.PostAsync($"/Dossiers/Return?code={Uri.EscapeDataString(code)}", content);
        Assert.Contains("data-field=\"action\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Another_ward_cannot_return_the_result()
    {
        var code = await AcceptAsync("001090141414");
        using var other = await Pages.SignedInAsync(app, "canbo.phuongkhac");
        var page = await other.GetStringAsync($"/Dossiers/Return?code={Uri.EscapeDataString(code)}");
        Assert.Contains("Không tìm thấy hồ sơ", page, StringComparison.Ordinal);
        var token = Pages.AntiforgeryToken(await other.GetStringAsync("/Intake"));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["code"] = code, ["expectedVersion"] = "1", ["receivedBy"] = "X", ["feesCollected"] = "0",
        });
        using var post = await other.PostAsync("/Dossiers/Return", content);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}

/// <summary><see cref="ResultReturnTests"/> on SQLite.</summary>
public sealed class ResultReturnTestsOnSqlite(TestApp app) : ResultReturnTests(app), IClassFixture<TestApp>;

/// <summary><see cref="ResultReturnTests"/> on PostgreSQL.</summary>
public sealed class ResultReturnTestsOnPostgres(PostgresTestApp app) : ResultReturnTests(app), IClassFixture<PostgresTestApp>;
