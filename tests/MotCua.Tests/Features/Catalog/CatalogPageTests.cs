using System.Net;

namespace MotCua.Tests.Features.Catalog;

public abstract class CatalogPageTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    [SkippableFact]
    public async Task Public_catalog_tells_citizens_what_to_bring_fees_time_and_where()
    {
        using var visitor = Pages.Browser(app);
        var list = await visitor.GetStringAsync("/thu-tuc?q=chung+thuc+ban+sao");
        Assert.Contains("Chứng thực bản sao từ bản chính", list, StringComparison.Ordinal);
        var page = await visitor.GetStringAsync("/thu-tuc/2.000815");
        Assert.Contains("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", page, StringComparison.Ordinal);
        Assert.Contains("2.000 đồng/trang", page, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công phường Đại Mỗ", page, StringComparison.Ordinal);
        Assert.Contains("nhận sau 15 giờ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa đối chiếu", page, StringComparison.OrdinalIgnoreCase); // the staff's checking of the catalog is not the public's concern

        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        Assert.Contains("Chưa đối chiếu với Cơ sở dữ liệu quốc gia", await officer.GetStringAsync("/Catalog/Details/2.000815"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Staff_catalog_filters_by_field_and_same_day()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var page = await officer.GetStringAsync("/Catalog?field=chung-thuc&sameDay=false");
        Assert.Contains("Chứng thực hợp đồng, giao dịch", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Chứng thực chữ ký", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng ký khai sinh", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Administrator_adds_a_version_and_a_bad_one_is_refused_with_the_field_named()
    {
        using var admin = await Pages.SignedInAsync(app, "admin");
        var form = await admin.GetStringAsync("/Catalog/NewVersion/1.004837");
        Assert.Contains("Đăng ký giám hộ", form, StringComparison.Ordinal);

        Dictionary<string, string> Fields(string effective, string days) => new()
        {
            ["Input.EffectiveFrom"] = effective, ["Input.LegalWorkingDays"] = days, ["Input.Name"] = "Đăng ký giám hộ", ["Input.Field"] = "ho-tich",
            ["Input.Level"] = "ward", ["Input.OnlineLevel"] = "full", ["Input.ClockPolicy"] = "Resume", ["Input.ResultDocument"] = "Trích lục",
            ["Input.Source"] = "test", ["Input.Documents"] = "[]", ["Input.Fees"] = "[]", ["Input.FormFields"] = "[]",
            ["Input.Steps"] = "[{\"name\":\"Xử lý\",\"role\":\"Specialist\",\"agency\":\"own\",\"allottedHours\":8}]",
        };
        using var bad = await Pages.PostFormAsync(admin, "/Catalog/NewVersion/1.004837", Fields("2030-01-01", "0"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("version.sameDay", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var good = await Pages.PostFormAsync(admin, "/Catalog/NewVersion/1.004837", Fields("2030-01-01", "2"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var details = await admin.GetStringAsync("/Catalog/Details/1.004837?date=2030-01-02");
        Assert.Contains("2 ngày làm việc", details, StringComparison.Ordinal);
        var before = await admin.GetStringAsync("/Catalog/Details/1.004837?date=2029-12-31");
        Assert.Contains("3 ngày làm việc", before, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Officer_cannot_add_versions()
    {
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        using var response = await officer.GetAsync("/Catalog/NewVersion/1.004837");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

/// <summary><see cref="CatalogPageTests"/> on SQLite.</summary>
public sealed class CatalogPageTestsOnSqlite(TestApp app) : CatalogPageTests(app), IClassFixture<TestApp>;

/// <summary><see cref="CatalogPageTests"/> on PostgreSQL.</summary>
public sealed class CatalogPageTestsOnPostgres(PostgresTestApp app) : CatalogPageTests(app), IClassFixture<PostgresTestApp>;
