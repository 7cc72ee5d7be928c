using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotCua.Tests.Features.Catalog;

public abstract class CatalogApiTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    [SkippableFact]
    public async Task Shipped_catalog_has_the_ward_procedures_bundles_and_higher_levels()
    {
        using var client = app.CreateClient();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/procedures?limit=500");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, all.GetProperty("total").GetInt32());
        Assert.True(items.Count(i => i.GetProperty("level").GetString() == "ward") >= 12);
        Assert.True(items.Count(i => i.GetProperty("level").GetString() == "province") >= 3);
        Assert.Equal(2, items.Count(i => i.GetProperty("field").GetString() == "lien-thong"));
        Assert.All(items, i => Assert.False(i.GetProperty("verified").GetBoolean()));
    }

    [SkippableTheory]
    [InlineData("dang ky khai sinh", "1.001193")]
    [InlineData("ĐĂNG KÝ KHAI SINH", "1.001193")]
    [InlineData("chung thuc ban sao", "2.000815")]
    [InlineData("2.000815", "2.000815")]
    [InlineData("ly lich tu phap", "2.001417")]
    public async Task Search_ignores_diacritics_and_case(string q, string code)
    {
        using var client = app.CreateClient();
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/procedures?q={Uri.EscapeDataString(q)}");
        Assert.Contains(code, found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
    }

    [SkippableFact]
    public async Task Filters_by_field_level_online_level_and_same_day()
    {
        using var client = app.CreateClient();
        var sameDay = await client.GetFromJsonAsync<JsonElement>("/api/procedures?sameDay=true&field=ho-tich&level=ward");
        var items = sameDay.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            Assert.True(i.GetProperty("sameDay").GetBoolean());
            Assert.Equal(0, i.GetProperty("legalWorkingDays").GetInt32());
            Assert.Equal("ho-tich", i.GetProperty("field").GetString());
        });
        var full = await client.GetFromJsonAsync<JsonElement>("/api/procedures?onlineLevel=full");
        var fullItems = full.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(fullItems);
        Assert.All(fullItems, i => Assert.Equal("full", i.GetProperty("onlineLevel").GetString()));
    }

    [SkippableFact]
    public async Task Which_offices_receive_a_procedure_is_data()
    {
        using var client = app.CreateClient();
        var ward = await client.GetFromJsonAsync<JsonElement>("/api/procedures?office=001.00.61.H26&limit=500");
        var city = await client.GetFromJsonAsync<JsonElement>("/api/procedures?office=000.01.00.H26&limit=500");
        var wardCodes = ward.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        var cityCodes = city.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("2.000815", wardCodes);
        Assert.DoesNotContain("1.009972", wardCodes); // the city-level construction permit is received at the city centre only
        Assert.Contains("1.009972", cityCodes);
        Assert.Contains("2.000815", cityCodes);
    }

    [SkippableFact]
    public async Task A_date_picks_the_version_in_force()
    {
        using var client = app.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.009994?date=2025-06-30");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.009994?date=2025-07-01");
        Assert.Equal("district", before.GetProperty("level").GetString());
        Assert.Equal("2025-06-30", before.GetProperty("effectiveTo").GetString());
        Assert.Equal("ward", after.GetProperty("level").GetString());
        Assert.Equal("2025-07-01", after.GetProperty("effectiveFrom").GetString());
        Assert.Equal(2, after.GetProperty("versions").GetArrayLength());
        using var notYet = await client.GetAsync("/api/procedures/1.000001.H26?date=2025-01-01");
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
    }

    [SkippableFact]
    public async Task Details_carry_documents_fees_and_steps_with_working_days()
    {
        using var client = app.CreateClient();
        var p = await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.000001.H26");
        Assert.Contains("social-insurance", p.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("agency").GetString()));
        Assert.Contains("police", p.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("agency").GetString()));
        var docs = p.GetProperty("documents").EnumerateArray().ToList();
        Assert.Contains(docs, d => d.GetProperty("documentType").GetString() == "giay-chung-sinh" && d.GetProperty("originals").GetInt32() == 1);
        var totalDays = p.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("allottedWorkingDays").GetDecimal());
        Assert.True(totalDays <= p.GetProperty("legalWorkingDays").GetInt32());
        var certification = await client.GetFromJsonAsync<JsonElement>("/api/procedures/2.000815");
        Assert.Equal(2000m, certification.GetProperty("fees")[0].GetProperty("amountVnd").GetDecimal());
    }

    [SkippableFact]
    public async Task Unknown_procedure_is_404_problem()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/procedures/0.000000-none");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Import_with_one_broken_row_changes_nothing_and_names_the_row()
    {
        using var admin = await app.ClientForAsync("admin");
        var export = JsonNode.Parse(await admin.GetStringAsync("/api/catalog/export"))!.AsObject();
        var procedures = export["procedures"]!.AsArray();
        var first = procedures[0]!["versions"]![0]!.AsObject();
        first["name"] = "Tên đã sửa trong lần nhập hỏng";
        var second = procedures[1]!["versions"]![0]!.AsObject();
        second["legalWorkingDays"] = -4;
        using var refused = await admin.PostAsync("/api/catalog/import", new StringContent(export.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("procedures[1].versions[0].legalWorkingDays", out _));
        var code = procedures[0]!["code"]!.GetValue<string>();
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/procedures/{code}?date={first["effectiveFrom"]}");
        Assert.NotEqual("Tên đã sửa trong lần nhập hỏng", after.GetProperty("name").GetString());
    }

    [SkippableFact]
    public async Task Excel_export_imports_back_and_a_new_version_takes_over_on_its_date()
    {
        using var admin = await app.ClientForAsync("admin");
        var xlsx = await admin.GetByteArrayAsync("/api/catalog/export?format=xlsx");
        Assert.Equal((byte)'P', xlsx[0]);

        using var roundTrip = new MultipartFormDataContent { { new ByteArrayContent(xlsx), "file", "catalog.xlsx" } };
        using var imported = await admin.PostAsync("/api/catalog/import", roundTrip);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("versionsAdded").GetInt32());
        Assert.True(result.GetProperty("versionsReplaced").GetInt32() >= 19);

        var newVersion = new
        {
            procedures = new[]
            {
                new
                {
                    code = "1.004873",
                    versions = new[]
                    {
                        new
                        {
                            effectiveFrom = "2027-01-01", name = "Cấp Giấy xác nhận tình trạng hôn nhân", field = "ho-tich", level = "ward",
                            legalWorkingDays = 2, sameDay = false, resultDocument = "Giấy xác nhận", onlineLevel = "full", clockPolicy = "restart", clockBasis = "Luật chuyên ngành, điều quy định tính lại từ đầu",
                            receiving = "anyOffice", acceptingOffices = Array.Empty<string>(), verified = false, source = "test",
                            documents = Array.Empty<object>(), fees = Array.Empty<object>(), formFields = Array.Empty<object>(),
                            steps = new[] { new { name = "Xử lý", role = "Specialist", agency = "own", allottedHours = 16 } },
                        },
                    },
                },
            },
        };
        using var added = await admin.PostAsJsonAsync("/api/catalog/import", newVersion);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        using var client = app.CreateClient();
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.004873?date=2026-12-31")).GetProperty("legalWorkingDays").GetInt32());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.004873?date=2027-01-01")).GetProperty("legalWorkingDays").GetInt32());
    }

    [SkippableFact]
    public async Task A_procedures_conditions_are_data_with_their_article_kept_through_excel_and_bounded()
    {
        using var client = app.CreateClient();
        var conditions = (await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.000894")).GetProperty("conditions").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(4, conditions.Count);
        Assert.All(conditions, c => Assert.Contains("Điều", c, StringComparison.Ordinal));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/procedures/2.000815")).GetProperty("conditions").EnumerateArray());

        using var admin = await app.ClientForAsync("admin");
        using var roundTrip = new MultipartFormDataContent { { new ByteArrayContent(await admin.GetByteArrayAsync("/api/catalog/export?format=xlsx")), "file", "catalog.xlsx" } };
        using var imported = await admin.PostAsync("/api/catalog/import", roundTrip);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(conditions, (await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.000894")).GetProperty("conditions").EnumerateArray().Select(c => c.GetString()!));

        var export = JsonNode.Parse(await admin.GetStringAsync("/api/catalog/export"))!.AsObject();
        var version = export["procedures"]![0]!["versions"]![0]!.AsObject();
        version["conditions"] = new JsonArray([.. Enumerable.Range(1, 21).Select(i => JsonValue.Create($"Điều kiện {i}"))]);
        using var tooMany = await admin.PostAsync("/api/catalog/import", new StringContent(export.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("procedures[0].versions[0].conditions", out _));
    }

    [SkippableFact]
    public async Task Import_of_a_file_that_is_neither_json_nor_excel_is_refused()
    {
        using var admin = await app.ClientForAsync("admin");
        using var form = new MultipartFormDataContent { { new ByteArrayContent("GIF89a not a catalog"u8.ToArray()), "file", "catalog.json" } };
        using var response = await admin.PostAsync("/api/catalog/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task Only_administrators_import()
    {
        using var leader = await app.ClientForAsync("lanhdao.trungvan");
        using var response = await leader.PostAsJsonAsync("/api/catalog/import", new { procedures = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary><see cref="CatalogApiTests"/> on SQLite.</summary>
public sealed class CatalogApiTestsOnSqlite(TestApp app) : CatalogApiTests(app), IClassFixture<TestApp>;

/// <summary><see cref="CatalogApiTests"/> on PostgreSQL.</summary>
public sealed class CatalogApiTestsOnPostgres(PostgresTestApp app) : CatalogApiTests(app), IClassFixture<PostgresTestApp>;
