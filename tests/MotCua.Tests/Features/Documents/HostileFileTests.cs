using System.Buffers.Binary;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Citizens;
using MotCua.Features.Citizens.Contracts;
using MotCua.Tests.Builders;
using SkiaSharp;

namespace MotCua.Tests.Features.Documents;

/// <summary>
/// Damaged and hostile files, sent where staff upload files (the ID-card decoder and a citizen's documents): each is
/// answered 4xx quickly (a deadline fails the test instead of hanging it), and the app still answers afterwards.
/// </summary>
public abstract class HostileFileTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    private const string IdNumber = "001090007001";

    public static TheoryData<string> Corpus => [.. Files().Keys];

    [SkippableTheory]
    [MemberData(nameof(Corpus))]
    public async Task Hostile_file_is_refused_quickly_by_the_ID_card_decoder(string name)
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Files()[name]), "file", "scan.bin" } };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await officer.PostAsync("/api/id-cards/decode", form, deadline.Token);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await StillHealthyAsync(officer);
    }

    [SkippableTheory]
    [MemberData(nameof(Corpus))]
    public async Task Hostile_file_is_refused_quickly_as_a_citizen_document_and_nothing_is_stored(string name)
    {
        await CitizenAsync();
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("giay-khai-sinh"), "documentType" },
            { new StringContent("Tiếp nhận hồ sơ tại quầy"), "purpose" },
            { new ByteArrayContent(Files()[name]), "files", "scan.bin" },
        };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await officer.PostAsync($"/api/citizens/{IdNumber}/documents", form, deadline.Token);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var list = await officer.GetStringAsync($"/api/citizens/{IdNumber}/documents?purpose=ki%E1%BB%83m%20tra");
        Assert.Contains("\"items\":[]", list, StringComparison.Ordinal);
        await StillHealthyAsync(officer);
    }

    [SkippableTheory]
    [MemberData(nameof(Corpus))]
    public async Task Hostile_file_is_refused_quickly_as_reform_evidence_and_nothing_is_stored(string name)
    {
        using var leader = await app.ClientForAsync("lanhdao.trungvan");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Files()[name]), "files", "kiem-chung.bin" } };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await leader.PostAsync("/api/reform/index/2026/000.00.61.H26/1.1/evidence", form, deadline.Token);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.WithDbAsync(db => db.Set<MotCua.Features.Reform.IndexScore>().AnyAsync(s => s.EvidenceFile != null)));
        await StillHealthyAsync(leader);
    }

    [SkippableTheory]
    [MemberData(nameof(Corpus))]
    public async Task Hostile_file_is_refused_quickly_from_the_citizen_portal_and_nothing_is_stored(string name)
    {
        using var citizen = await app.ClientForAsync("001303012345");
        using var form = new MultipartFormDataContent { { new StringContent("ban-chinh"), "documentType" }, { new ByteArrayContent(Files()[name]), "file", "scan.bin" } };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await citizen.PostAsync("/api/portal/documents", form, deadline.Token);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.WithDbAsync(db => db.Set<MotCua.Features.Documents.Document>().AnyAsync(d => d.DocumentType == "ban-chinh" && d.Title == "scan.bin")));
        using var officer = await app.ClientForAsync("canbo.trungvan");
        await StillHealthyAsync(officer);
    }

    [SkippableTheory]
    [MemberData(nameof(WorkbookCorpus))]
    public async Task Hostile_file_is_refused_quickly_as_a_staff_list_and_nothing_is_imported(string name)
    {
        using var leader = await app.ClientForAsync("lanhdao.thanhpho");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Workbooks()[name]), "file", "nhan-su.xlsx" } };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await leader.PostAsync("/api/staffing/import", form, deadline.Token);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.WithDbAsync(db => db.Set<MotCua.Features.Staffing.StaffPerson>().AnyAsync()));

        // The same file through the people page's upload: the page names the problem, nothing is imported.
        using var browser = await Pages.SignedInAsync(app, "lanhdao.thanhpho");
        var token = Pages.AntiforgeryToken(await browser.GetStringAsync("/Staffing/People?Unit=000.00.00.H26"));
        using var upload = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Workbooks()[name]), "upload", "nhan-su.xlsx" } };
        using var page = await browser.PostAsync("/Staffing/People?Unit=000.00.00.H26&handler=Import", upload, deadline.Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("error-summary", await page.Content.ReadAsStringAsync(deadline.Token));
        Assert.False(await app.WithDbAsync(db => db.Set<MotCua.Features.Staffing.StaffPerson>().AnyAsync()));
        using var officer = await app.ClientForAsync("canbo.trungvan");
        await StillHealthyAsync(officer);
    }

    public static TheoryData<string> WorkbookCorpus => [.. Workbooks().Keys];

    /// <summary>The image corpus, and what a workbook can be made of: a zip that is not one, a cut one, a bomb.</summary>
    private static Dictionary<string, byte[]> Workbooks()
    {
        var all = Files();
        all["zip header in front of garbage"] = [0x50, 0x4B, 0x03, 0x04, .. new byte[200]];
        using var plain = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(plain, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a workbook");
        }

        all["a zip that is no workbook"] = plain.ToArray();
        all["a zip cut in half"] = plain.ToArray()[..(int)(plain.Length / 2)];
        using var bomb = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(bomb, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                part.Write(zeros); // 200 MB unpacked, a few hundred KB packed
            }
        }

        all["a zip unpacking to 200 MB"] = bomb.ToArray();
        return all;
    }

    [SkippableFact]
    public async Task Many_hostile_files_at_once_leave_the_server_answering()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var bomb = Files()["PNG claiming 100000 × 100000 pixels"];
        var truncated = Files()["truncated JPEG (6 bytes)"];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var requests = Enumerable.Range(0, 12).Select(async i =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(i % 2 == 0 ? bomb : truncated), "file", "scan.png" } };
            using var response = await officer.PostAsync("/api/id-cards/decode", form, deadline.Token);
            return response.StatusCode;
        });
        Assert.All(await Task.WhenAll(requests), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        await StillHealthyAsync(officer);
    }

    private static async Task StillHealthyAsync(HttpClient officer)
    {
        using var live = await officer.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.QrPng("001090123456|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021", 6)), "file", "ok.png" } };
        using var good = await officer.PostAsync("/api/id-cards/decode", form);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    private async Task CitizenAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CitizenStore>().ObserveAsync(new CitizenObservation(IdNumber, "Lê Thị Hà"), ProfileSource.IdCardQr, "test", null);
    }

    /// <summary>The corpus, by name: truncated, damaged, pixel bombs and polyglots.</summary>
    private static Dictionary<string, byte[]> Files()
    {
        var png = TestImages.QrPng("trang", 4);
        var jpeg = Jpeg(400, 300);
        return new()
        {
            ["truncated JPEG (6 bytes)"] = [0xFF, 0xD8, 0xFF, 0xE0, 0x3C, 0x68],
            ["JPEG cut in half"] = jpeg[..(jpeg.Length / 2)],
            ["JPEG header in front of HTML"] = [0xFF, 0xD8, 0xFF, 0xE0, .. "<html><script>alert(1)</script></html>"u8],
            ["PNG cut in half"] = png[..(png.Length / 2)],
            ["PNG with a damaged checksum"] = Damaged(png, 30),
            ["PNG header in front of HTML"] = [.. png[..8], .. "<html><script>alert(1)</script></html>"u8],
            ["PNG claiming 100000 × 100000 pixels"] = PngClaiming(100_000, 100_000),
            ["PNG claiming 7700 × 7700 pixels"] = PngClaiming(7700, 7700),
            ["PNG claiming 0 × 0 pixels"] = PngClaiming(0, 0),
            ["PDF header in front of HTML"] = "%PDF-1.7\n<html><body><script>alert(1)</script></body></html>"u8.ToArray(),
            ["damaged PDF"] = [.. "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nxref\n0 3\n"u8, .. new byte[64]],
            ["PDF cut in half"] = Cut(TestImages.PdfWithImage(png)),
        };
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static byte[] Damaged(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0xFF;
        return copy;
    }

    private static byte[] Cut(byte[] bytes) => bytes[..(bytes.Length / 2)];

    /// <summary>A PNG whose header claims the size and whose data is a few bytes: a decompression bomb's shape.</summary>
    internal static byte[] PngClaiming(int width, int height)
    {
        var real = TestImages.Png(new byte[16], 4, 4);
        var copy = real.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(20), height);
        // The header's checksum is made right again, so only the size is a lie.
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), TestImages.Crc32(copy[12..29]));
        return copy;
    }
}

/// <summary><see cref="HostileFileTests"/> on SQLite.</summary>
public sealed class HostileFileTestsOnSqlite(TestApp app) : HostileFileTests(app), IClassFixture<TestApp>;

/// <summary><see cref="HostileFileTests"/> on PostgreSQL.</summary>
public sealed class HostileFileTestsOnPostgres(PostgresTestApp app) : HostileFileTests(app), IClassFixture<PostgresTestApp>;
