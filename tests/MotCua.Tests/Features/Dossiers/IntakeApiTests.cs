using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers;
using UglyToad.PdfPig;

namespace MotCua.Tests.Features.Dossiers;

public abstract partial class IntakeApiTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    private static object Body(string procedure = "1.004873", string? receivedAt = null, string idNumber = "001090123456", string name = "Nguyễn Văn An") => new
    {
        procedureCode = procedure, channel = "counter", receivedAt,
        applicant = new { idNumber, fullName = name, dateOfBirth = "1990-01-01", address = "Số 1 ngõ 2, phường Trung Văn, Hà Nội", phone = "0912345678", email = "an@example.vn" },
    };

    private static async Task<JsonElement> PostAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The request's declared rules (its own, the applicant's, each document's) answer together, each field named, and nothing is written.</summary>
    [SkippableFact]
    public async Task A_dossier_breaking_several_declared_rules_is_400_naming_each_field_and_nothing_is_written()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var before = await app.WithDbAsync(db => db.Set<Dossier>().CountAsync());
        using var response = await officer.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = " ", channel = "counter",
            applicant = new { idNumber = "12345", fullName = "", phone = "call me maybe", email = "not an address" },
            documents = new object?[]
            {
                new { name = "Tờ khai", documentType = "to-khai", originals = 1, copies = 0, how = "paper" },
                new { name = "", documentType = "to-khai", originals = 1, copies = 51, how = "fax" },
                null,
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["applicant.email", "applicant.fullName", "applicant.idNumber", "applicant.phone", "documents[1]", "documents[2]", "procedureCode"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, errors.GetProperty("documents[1]").GetArrayLength()); // its name, its copies, how it came
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Dossier>().CountAsync()));
    }

    [SkippableFact]
    public async Task Accepted_dossier_gets_a_code_of_the_office_and_day_and_its_appointment()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var created = await PostAsync(officer, Body(receivedAt: "2026-02-12T10:00:00+07:00"));
        Assert.Matches(CodePattern(), created.GetProperty("code").GetString()!);
        Assert.StartsWith("001.00.61.H26-260212-", created.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-02-24", created.GetProperty("dueDate").GetString());
        Assert.Equal("2026-02-24T17:00:00+07:00", created.GetProperty("dueAt").GetString());
        Assert.Equal("received", created.GetProperty("status").GetString());
    }

    [SkippableTheory]
    [InlineData("2026-03-02T14:59:00+07:00", "2026-03-02")]
    [InlineData("2026-03-02T15:01:00+07:00", "2026-03-03")]
    public async Task Same_day_dossier_is_due_that_day_only_before_the_cutoff(string receivedAt, string due)
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var created = await PostAsync(officer, Body("2.000815", receivedAt: receivedAt));
        Assert.Equal(due, created.GetProperty("dueDate").GetString());
    }

    [SkippableFact]
    public async Task Code_date_is_the_Vietnam_date()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var created = await PostAsync(officer, Body(receivedAt: "2026-03-02T18:30:00Z")); // 01:30 on 3 March in Hà Nội
        Assert.Contains("-260303-", created.GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Same_idempotency_key_returns_the_same_dossier_even_when_sent_at_once()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var body = Body(receivedAt: "2026-03-04T09:00:00+07:00");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(officer, body, "double-click-1")));
        Assert.Single(results.Select(r => r.GetProperty("code").GetString()).Distinct());
        var code = results[0].GetProperty("code").GetString();
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Dossier>().CountAsync(d => d.Code == code)));

        using var reused = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(Body("2.000815")) };
        reused.Headers.Add("Idempotency-Key", "double-click-1");
        Assert.Equal(HttpStatusCode.Conflict, (await officer.SendAsync(reused)).StatusCode);
    }

    [SkippableTheory]
    [InlineData("0.000000", "", 404)]
    [InlineData("1.004873", "applicant.idNumber", 400)]
    [InlineData("1.004873", "receivedAt", 400)]
    public async Task Bad_requests_are_refused_with_the_field_named(string procedure, string field, int status)
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        object body = field switch
        {
            "applicant.idNumber" => Body(procedure, idNumber: ""),
            "receivedAt" => Body(procedure, receivedAt: "2099-01-01T09:00:00+07:00"),
            _ => Body(procedure),
        };
        using var response = await officer.PostAsJsonAsync("/api/dossiers", body);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field.Length > 0)
        {
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [SkippableFact]
    public async Task Dossier_reads_with_events_and_another_ward_gets_404()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var code = (await PostAsync(officer, Body())).GetProperty("code").GetString();
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}");
        Assert.Equal("1.004873", dossier.GetProperty("procedureCode").GetString());
        Assert.Equal(1, dossier.GetProperty("version").GetInt32());
        Assert.Equal("receive", dossier.GetProperty("events")[0].GetProperty("action").GetString());
        using var other = await app.ClientForAsync("canbo.phuongkhac");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/dossiers/{code}")).StatusCode);
        using var leader = await app.ClientForAsync("lanhdao.thanhpho");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/dossiers/{code}")).StatusCode);
    }

    [SkippableFact]
    public async Task Public_tracking_shows_a_masked_name_and_nothing_personal()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var code = (await PostAsync(officer, Body())).GetProperty("code").GetString();
        var key = (await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}")).GetProperty("trackingKey").GetString();
        using var anonymous = app.CreateClient();
        var text = await anonymous.GetStringAsync($"/api/public/dossiers/{code}?key={key}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Nguyễn V. A.", body.GetProperty("applicantName").GetString());
        foreach (var secret in new[] { "001090123456", "0912345678", "an@example.vn", "ngõ 2", "1990" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/public/dossiers/000.00.00.H26-260101-9999")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("2026-02-12T10:00:00+07:00", "Thông tư số 03/2025/TT-VPCP", "17 giờ 00 phút, ngày 24/02/2026")]
    [InlineData("2025-08-05T09:15:00+07:00", "Thông tư số 01/2018/TT-VPCP", "17 giờ 00 phút, ngày 08/08/2025")]
    public async Task Receipt_is_form_01_of_the_set_in_force_with_every_field_readable(string receivedAt, string basis, string appointment)
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var code = (await PostAsync(officer, Body(receivedAt: receivedAt))).GetProperty("code").GetString()!;
        var pdf = await officer.GetByteArrayAsync($"/api/dossiers/{code}/receipt.pdf");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        var text = string.Join('\n', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        foreach (var expected in new[]
        {
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code, "Nguyễn Văn An", "0912345678", "an@example.vn", "Cấp Giấy xác nhận tình trạng hôn nhân",
            "3 ngày làm việc", appointment, "Liên 1", "Liên 2", "/tra-cuu/", basis, "Trung tâm Phục vụ hành chính công phường Đại Mỗ",
        })
        {
            Assert.Contains(Normalize(expected), Normalize(text), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Event_chain_verifies_and_an_edited_event_is_detected()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var code = (await PostAsync(officer, Body())).GetProperty("code").GetString();
        Assert.True((await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify")).GetProperty("intact").GetBoolean());
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE dossiers_event SET \"Note\" = 'sửa lén' WHERE \"DossierId\" = (SELECT \"Id\" FROM dossiers_dossier WHERE \"Code\" = {code})"));
        var check = await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify");
        Assert.False(check.GetProperty("intact").GetBoolean());
        Assert.Equal(1, check.GetProperty("firstBrokenEvent").GetInt32());
    }

    private static string Normalize(string s) => Regex.Replace(s.Normalize(System.Text.NormalizationForm.FormC), @"\s+", " ");

    [GeneratedRegex(@"^\d{3}\.\d{2}\.\d{2}\.H26-\d{6}-\d{4,5}$")]
    private static partial Regex CodePattern();
}

/// <summary><see cref="IntakeApiTests"/> on SQLite.</summary>
public sealed class IntakeApiTestsOnSqlite(TestApp app) : IntakeApiTests(app), IClassFixture<TestApp>;

/// <summary><see cref="IntakeApiTests"/> on PostgreSQL.</summary>
public sealed class IntakeApiTestsOnPostgres(PostgresTestApp app) : IntakeApiTests(app), IClassFixture<PostgresTestApp>;
