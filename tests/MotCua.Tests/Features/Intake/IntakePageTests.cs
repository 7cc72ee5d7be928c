using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Citizens;
using UglyToad.PdfPig;

namespace MotCua.Tests.Features.Intake;

public abstract class IntakePageTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    private const string Qr = "001190222333||Lương Thị Ngọc Ánh|12031995|Nữ|Số 5 phố Đại Mỗ, Hà Nội|20062022";

    private static async Task<string> ScanAsync(HttpClient officer, string qr)
    {
        using var response = await Pages.PostFormAsync(officer, "/Intake?handler=Scan", new() { ["qr"] = qr });
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : await response.Content.ReadAsStringAsync();
    }

    [SkippableFact]
    public async Task Scanning_the_card_fills_the_store_and_the_profile_with_its_source()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var location = await ScanAsync(officer, Qr);
        Assert.StartsWith("/Intake?citizen=", location, StringComparison.Ordinal);
        var page = await officer.GetStringAsync(location + "&procedure=2.000815");
        Assert.Contains("Lương Thị Ngọc Ánh", page, StringComparison.Ordinal);
        Assert.Contains("12/03/1995", page, StringComparison.Ordinal);
        Assert.Contains("Chứng thực bản sao từ bản chính", page, StringComparison.Ordinal);

        var citizen = await app.WithDbAsync(db => db.Set<Citizen>().SingleAsync(c => c.IdNumber == "001190222333"));
        var sources = await app.WithDbAsync(db => db.Set<ProfileFieldValue>().Where(v => v.CitizenId == citizen.Id).Select(v => v.Source).Distinct().ToListAsync());
        Assert.Equal([ProfileSource.IdCardQr], sources);
        Assert.True(await app.WithDbAsync(db => db.Set<AccessLogEntry>().AnyAsync(a => a.CitizenId == citizen.Id && a.Username == "canbo.trungvan")));
    }

    [SkippableFact]
    public async Task A_bad_QR_line_is_answered_on_the_page_naming_the_field()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var page = await ScanAsync(officer, "001190222333||Lương Thị Ngọc Ánh|31021995|Nữ|Hà Nội|20062022");
        Assert.Contains("data-field=\"dateOfBirth\"", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_prefilled_form_carries_the_profile_as_extractable_NFC_text()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var location = await ScanAsync(officer, Qr);
        var pdf = await officer.GetByteArrayAsync(location.Replace("/Intake?", "/Intake?handler=Form&", StringComparison.Ordinal) + "&procedure=1.001193");
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("Lương Thị Ngọc Ánh".Normalize(NormalizationForm.FormC), text, StringComparison.Ordinal);
        Assert.Contains("001190222333", text, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", text, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công phường Đại Mỗ", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_document_scanned_once_is_offered_for_reuse_in_the_next_procedure()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var location = await ScanAsync(officer, "001090444555||Kiều Văn Bảo|01021988|Nam|Hà Nội|01012021");
        var citizen = location.Split("citizen=")[1];
        var page = await officer.GetStringAsync($"/Intake?citizen={citizen}&procedure=1.000894");
        Assert.Contains("data-document=\"xac-nhan-tthn\" data-status=\"missing\"", page, StringComparison.Ordinal);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(Pages.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(citizen), "citizen" }, { new StringContent("1.000894"), "procedure" },
            { new StringContent("xac-nhan-tthn"), "documentType" }, { new StringContent("Giấy xác nhận tình trạng hôn nhân"), "title" },
            { new ByteArrayContent(Builders.TestImages.QrPng("giấy xác nhận", 4)), "files", "tthn.png" },
        };
        using var stored = await officer.PostAsync("/Intake?handler=Upload", form);
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var again = await officer.GetStringAsync($"/Intake?citizen={citizen}&procedure=1.000894");
        Assert.Contains("data-document=\"xac-nhan-tthn\" data-status=\"reuse\"", again, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Accepting_twice_from_the_same_page_receives_one_dossier_and_missing_documents_are_listed()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var location = await ScanAsync(officer, "001090666777||Tô Văn Hiển|03031983|Nam|Hà Nội|01012021");
        var citizen = location.Split("citizen=")[1];
        var page = await officer.GetStringAsync($"/Intake?citizen={citizen}&procedure=2.000815");
        var key = System.Text.RegularExpressions.Regex.Match(page, "name=\"requestKey\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var token = Pages.AntiforgeryToken(page);

        async Task<HttpResponseMessage> AcceptAsync(params string[] paper)
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("citizen", citizen), new("procedure", "2.000815"), new("requestKey", key) };
            fields.AddRange(paper.Select(p => new KeyValuePair<string, string>("paper", p)));
            using var content = new FormUrlEncodedContent(fields);
            return await officer.PostAsync("/Intake?handler=Accept", content);
        }

        using var incomplete = await AcceptAsync();
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("Thiếu: Bản chính giấy tờ", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var first = await AcceptAsync("ban-chinh", "ban-sao");
        using var second = await AcceptAsync("ban-chinh", "ban-sao");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<MotCua.Features.Dossiers.Dossier>().CountAsync(d => d.ApplicantIdNumber == "001090666777")));
    }

    [SkippableFact]
    public async Task Supplement_lists_every_missing_document_once_and_prints_form_02()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var citizen = (await ScanAsync(officer, "001090888999||Lò Văn Pấng|04041979|Nam|Hà Nội|01012021")).Split("citizen=")[1];
        using var response = await Pages.PostFormAsync(officer, $"/Intake?citizen={citizen}&procedure=1.001193&handler=Guide", new()
        {
            ["citizen"] = citizen, ["procedure"] = "1.001193", ["kind"] = "Supplement",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await officer.GetStringAsync(response.Headers.Location!.OriginalString);
        var missing = System.Text.RegularExpressions.Regex.Matches(page, "<li>([^<(]+)").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Contains("Giấy chứng sinh hoặc giấy tờ thay thế", missing);
        Assert.DoesNotContain(missing, m => m.StartsWith("Tờ khai", StringComparison.Ordinal)); // MotCua fills the form itself
        Assert.DoesNotContain(missing, m => m.StartsWith("Căn cước", StringComparison.Ordinal)); // read from the card
        var pdf = await officer.GetByteArrayAsync(response.Headers.Location!.OriginalString + "?handler=Pdf");
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Lò Văn Pấng", text, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh", text, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_complete_dossier_cannot_be_sent_back_for_a_supplement_and_a_refusal_needs_its_reason()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var citizen = (await ScanAsync(officer, "001090999000||Mùa A Dính|05051990|Nam|Hà Nội|01012021")).Split("citizen=")[1];
        var form = new Dictionary<string, string> { ["citizen"] = citizen, ["procedure"] = "2.000884", ["kind"] = "Supplement" };
        using var complete = await Pages.PostFormAsync(officer, $"/Intake?citizen={citizen}&procedure=2.000884&handler=Guide",
            new(form) { ["paper"] = "van-ban-can-chung-thuc" });
        Assert.Contains("data-field=\"guidance\"", await complete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var noReason = await Pages.PostFormAsync(officer, $"/Intake?citizen={citizen}&procedure=2.000884&handler=Guide", new(form) { ["kind"] = "Refusal" });
        Assert.Contains("data-field=\"reason\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var refused = await Pages.PostFormAsync(officer, $"/Intake?citizen={citizen}&procedure=2.000884&handler=Guide",
            new(form) { ["kind"] = "Refusal", ["reason"] = "Văn bản có nội dung trái pháp luật (Nghị định 23/2015, Điều 25)." });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var pdf = await officer.GetByteArrayAsync(refused.Headers.Location!.OriginalString + "?handler=Pdf");
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("trái pháp luật", text, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 03", text, StringComparison.Ordinal);
    }
}

/// <summary><see cref="IntakePageTests"/> on SQLite.</summary>
public sealed class IntakePageTestsOnSqlite(TestApp app) : IntakePageTests(app), IClassFixture<TestApp>;

/// <summary><see cref="IntakePageTests"/> on PostgreSQL.</summary>
public sealed class IntakePageTestsOnPostgres(PostgresTestApp app) : IntakePageTests(app), IClassFixture<PostgresTestApp>;
