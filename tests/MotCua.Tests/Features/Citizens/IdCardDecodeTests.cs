using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Tests.Builders;

namespace MotCua.Tests.Features.Citizens;

public sealed class IdCardDecodeTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Line = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Số 1 ngõ 2, phường Trung Văn, Hà Nội|15042021";

    public static TheoryData<string, int, double, int, double> Scans => new()
    {
        { "upright", 6, 0, 0, 0 },
        { "rotated 90°", 6, 90, 0, 0 },
        { "rotated 180°", 6, 180, 0, 0 },
        { "tilted 12°", 8, 12, 0, 0 },
        { "small, on an A4 page at 300 dpi", 4, 0, 2480, 0 },
        { "tilted and small on A4", 5, 7, 2480, 0 },
        { "noisy phone photo", 7, 3, 900, 60 },
    };

    [Theory]
    [MemberData(nameof(Scans))]
    public async Task QR_code_is_found_in_a_scan(string name, int module, double degrees, int canvas, double noise)
    {
        var png = TestImages.QrPng(Line, module, degrees, canvas, canvas == 2480 ? 3508 : canvas, noise);
        var card = await DecodeAsync(png, "scan.png");
        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Equal("001090123456", card.Body.GetProperty("idNumber").GetString());
        Assert.Equal("Nguyễn Văn An", card.Body.GetProperty("fullName").GetString());
        Assert.Equal("male", card.Body.GetProperty("sex").GetString());
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task QR_code_is_found_in_a_scanned_PDF()
    {
        var pdf = TestImages.PdfWithImage(TestImages.QrPng(Line, 6));
        var card = await DecodeAsync(pdf, "scan.pdf");
        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Equal("1990-01-01", card.Body.GetProperty("dateOfBirth").GetString());
    }

    [Fact]
    public async Task Image_without_a_QR_code_is_422()
    {
        var blank = TestImages.Png(Enumerable.Repeat((byte)240, 300 * 300).ToArray(), 300, 300);
        var result = await DecodeAsync(blank, "blank.png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
    }

    [Fact]
    public async Task File_that_is_not_an_image_is_400_whatever_its_name()
    {
        var result = await DecodeAsync("GIF89a....not really"u8.ToArray(), "photo.png");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.True(result.Body.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Name_with_a_path_is_refused()
    {
        var result = await DecodeAsync(TestImages.QrPng(Line), "../../etc/passwd.png");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
    }

    [Fact]
    public async Task Oversized_file_is_refused()
    {
        // A real PNG padded past the limit: only its size can be the reason it is refused.
        var png = TestImages.QrPng(Line);
        var huge = new byte[16 * 1024 * 1024];
        png.CopyTo(huge, 0);
        var result = await DecodeAsync(huge, "huge.png");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("15 MB", result.Body.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var fits = await DecodeAsync(png, "fits.png");
        Assert.Equal(HttpStatusCode.OK, fits.Status); // the same image under the limit is read
    }

    [Fact]
    public async Task Parse_needs_staff_and_answers_the_contract_fields()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/id-cards/parse", new { qr = Line })).StatusCode);
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var card = await officer.PostAsJsonAsync("/api/id-cards/parse", new { qr = Line });
        var body = await card.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in new[] { "idNumber", "oldIdNumber", "fullName", "dateOfBirth", "sex", "address", "issueDate", "birthProvinceCode", "warnings" })
        {
            Assert.True(body.TryGetProperty(field, out _), field);
        }

        var bad = await officer.PostAsJsonAsync("/api/id-cards/parse", new { qr = "001090123456|x|Nguyễn Văn An|01011990|Nam" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> DecodeAsync(byte[] bytes, string name)
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        using var response = await officer.PostAsync("/api/id-cards/decode", form);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
