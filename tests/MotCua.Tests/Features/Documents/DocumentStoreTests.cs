using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Citizens;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents;
using MotCua.Tests.Builders;
using UglyToad.PdfPig;

namespace MotCua.Tests.Features.Documents;

public abstract class DocumentStoreTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    /// <summary>A citizen with a dossier at Trung Văn's desk: its officers have business with the record.</summary>
    private async Task CitizenAsync(string idNumber)
    {
        var office = await app.WithDbAsync(db => db.Units.Where(u => u.Code == "001.00.61.H26").Select(u => u.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CitizenStore>().ObserveAsync(
            new CitizenObservation(idNumber, "Trịnh Văn Lâm"), ProfileSource.Dossier, "test", office, $"001.00.61.H26-270301-{idNumber[^4..]}");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string idNumber, string type, string? expiry, params (byte[] Bytes, string Name)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(type), "documentType" }, { new StringContent("Giấy tờ"), "title" } };
        if (expiry is not null)
        {
            form.Add(new StringContent(expiry), "expiryDate");
        }

        foreach (var (bytes, name) in files)
        {
            form.Add(new ByteArrayContent(bytes), "files", name);
        }

        return await client.PostAsync($"/api/citizens/{idNumber}/documents", form);
    }

    [SkippableFact]
    public async Task Several_images_become_one_PDF_document_stored_by_content_hash()
    {
        await CitizenAsync("001090001001");
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var page1 = TestImages.QrPng("trang 1", 4);
        var page2 = TestImages.QrPng("trang 2", 4);
        using var response = await UploadAsync(officer, "001090001001", "giay-chung-sinh", null, (page1, "trang1.png"), (page2, "trang2.png"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, doc.GetProperty("pages").GetInt32());
        Assert.Equal(64, doc.GetProperty("fileSha256").GetString()!.Length);

        var pdf = await officer.GetByteArrayAsync(response.Headers.Location);
        using var read = PdfDocument.Open(pdf);
        Assert.Equal(2, read.NumberOfPages);
    }

    [SkippableFact]
    public async Task Reuse_is_offered_only_for_documents_still_valid()
    {
        await CitizenAsync("001090001002");
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var scan = TestImages.QrPng("giấy tờ", 4);
        (await UploadAsync(officer, "001090001002", "giay-xac-nhan-cu-tru", "2020-12-31", (scan, "a.png"))).EnsureSuccessStatusCode();
        (await UploadAsync(officer, "001090001002", "giay-chung-sinh", null, (scan, "b.png"))).EnsureSuccessStatusCode();
        var reusable = await officer.GetFromJsonAsync<JsonElement>("/api/citizens/001090001002/documents?types=giay-xac-nhan-cu-tru,giay-chung-sinh&date=2026-03-01");
        var types = reusable.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentType").GetString()).ToList();
        Assert.Equal(["giay-chung-sinh"], types);
        var before = await officer.GetFromJsonAsync<JsonElement>("/api/citizens/001090001002/documents?types=giay-xac-nhan-cu-tru&date=2020-06-01");
        Assert.Single(before.GetProperty("items").EnumerateArray());
    }

    [SkippableTheory]
    [InlineData("GIF89a not an image", "photo.png", "files[0]")]
    [InlineData("%PDF-1.4 broken", "scan.pdf", "files")]
    public async Task A_file_that_is_not_what_it_claims_is_refused_and_nothing_is_stored(string content, string name, string field)
    {
        await CitizenAsync("001090001003");
        var before = await app.WithDbAsync(db => db.Set<Document>().CountAsync());
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var response = await UploadAsync(officer, "001090001003", "giay-chung-sinh", null, (System.Text.Encoding.ASCII.GetBytes(content), name));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.GetRawText());
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Document>().CountAsync()));
    }

    [SkippableFact]
    public async Task A_name_with_a_path_is_refused()
    {
        await CitizenAsync("001090001004");
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var response = await UploadAsync(officer, "001090001004", "giay-chung-sinh", null, (TestImages.QrPng("x", 4), "..\\..\\windows\\scan.png"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task Reading_a_document_is_logged()
    {
        await CitizenAsync("001090001005");
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var created = await UploadAsync(officer, "001090001005", "giay-chung-sinh", null, (TestImages.QrPng("x", 4), "x.png"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await officer.GetByteArrayAsync(created.Headers.Location);
        var log = await app.WithDbAsync(db => db.Set<AccessLogEntry>().Where(a => a.What == $"document:{id}").ToListAsync());
        Assert.Equal("canbo.trungvan", Assert.Single(log).Username);

        using var other = await app.ClientForAsync("canbo.phuongkhac");
        using var refused = await other.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

/// <summary><see cref="DocumentStoreTests"/> on SQLite.</summary>
public sealed class DocumentStoreTestsOnSqlite(TestApp app) : DocumentStoreTests(app), IClassFixture<TestApp>;

/// <summary><see cref="DocumentStoreTests"/> on PostgreSQL.</summary>
public sealed class DocumentStoreTestsOnPostgres(PostgresTestApp app) : DocumentStoreTests(app), IClassFixture<PostgresTestApp>;
