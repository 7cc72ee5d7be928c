using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Citizens.Contracts;

namespace MotCua.Tests.Features.Citizens;

public abstract class OrganisationTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    [SkippableTheory]
    [InlineData("0100109106", true)]
    [InlineData("0101243150", true)]
    [InlineData("0100109106-001", true)]
    [InlineData("0100109107", false)]
    [InlineData("010010910", false)]
    [InlineData("01001091O6", false)]
    [InlineData("0100109106-01", false)]
    public void Tax_code_form_and_check_digit(string code, bool valid) => Assert.Equal(valid, TaxCode.FormatError(code) is null);

    [SkippableFact]
    public async Task Organisation_is_kept_once_by_tax_code_and_found_by_name_without_diacritics()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        (await officer.PostAsJsonAsync("/api/organisations", new { taxCode = "0100109106", name = "Tập đoàn Công nghiệp – Viễn thông Quân đội" })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync("/api/organisations", new { taxCode = "0100109106", name = "Tập đoàn Công nghiệp – Viễn thông Quân đội", phone = "024 6255 6789" })).EnsureSuccessStatusCode();
        var found = await officer.GetFromJsonAsync<JsonElement>("/api/organisations?q=tap%20doan%20cong%20nghiep");
        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal("02462556789", item.GetProperty("phone").GetString());
        var byCode = await officer.GetFromJsonAsync<JsonElement>("/api/organisations?q=0100109106");
        Assert.Single(byCode.GetProperty("items").EnumerateArray());

        (await officer.PostAsJsonAsync("/api/organisations", new { taxCode = "0100109106", name = "Tập đoàn Công nghiệp – Viễn thông Quân đội", phone = "024 6266 0000" })).EnsureSuccessStatusCode();
        var phones = await app.WithDbAsync(db => db.Set<MotCua.Features.Citizens.OrganisationValue>().Where(v => v.Field == "phone").OrderBy(v => v.ObservedAt).ToListAsync());
        Assert.Equal(["02462556789", "02462660000"], phones.Select(p => p.Value));
        Assert.Equal([MotCua.Features.Citizens.ProfileValueState.Superseded, MotCua.Features.Citizens.ProfileValueState.Current], phones.Select(p => p.State));
        Assert.All(phones, p => Assert.Equal("canbo.trungvan", p.ObservedBy));
    }

    [SkippableFact]
    public async Task Bad_tax_code_and_representative_are_named()
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var response = await officer.PostAsJsonAsync("/api/organisations", new { taxCode = "0100109107", name = "", representativeIdNumber = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("taxCode", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("representativeIdNumber", out _));
    }
}

/// <summary><see cref="OrganisationTests"/> on SQLite.</summary>
public sealed class OrganisationTestsOnSqlite(TestApp app) : OrganisationTests(app), IClassFixture<TestApp>;

/// <summary><see cref="OrganisationTests"/> on PostgreSQL.</summary>
public sealed class OrganisationTestsOnPostgres(PostgresTestApp app) : OrganisationTests(app), IClassFixture<PostgresTestApp>;
