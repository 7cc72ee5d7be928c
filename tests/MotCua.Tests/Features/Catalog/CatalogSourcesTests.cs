using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Catalog;

/// <summary>
/// The shipped catalog against its sources: each row is a procedure's national code and name as the national
/// procedure database lists it, and its legal time limit as the cited article sets it. A shipped code attached to
/// another procedure, or a deadline that differs from the article, fails here.
/// </summary>
public sealed class CatalogSourcesTests
{
    /// <summary>Hộ kinh doanh; khai sinh kết hợp nhận cha, mẹ, con; two district-level (cấp huyện) procedures.</summary>
    private static readonly string[] OthersCodes = ["1.001612", "1.000689", "1.004859", "2.000908"];

    /// <summary>Code, a word of the national name, legal working days (0 with the same day), and where that comes from.</summary>
    private static readonly (string Code, string Name, int Days, string Source)[] Sources =
    [
        ("1.001193", "khai sinh", 0, "Luật Hộ tịch 2014, Điều 16 khoản 2: ngay trong ngày"),
        ("1.000894", "kết hôn", 0, "Luật Hộ tịch 2014, Điều 18 khoản 2: ngay sau khi nhận đủ giấy tờ"),
        ("1.000656", "khai tử", 0, "Luật Hộ tịch 2014, Điều 33 khoản 2: ngay sau khi nhận giấy tờ"),
        ("1.004873", "tình trạng hôn nhân", 3, "Nghị định 123/2015/NĐ-CP, Điều 22 khoản 2: 03 ngày làm việc"),
        ("1.000881", "cải chính", 3, "Luật Hộ tịch 2014, Điều 28 khoản 2: 03 ngày làm việc"),
        ("1.004837", "giám hộ", 3, "Luật Hộ tịch 2014, Điều 20 khoản 2: 03 ngày làm việc"),
        ("1.001022", "nhận cha, mẹ, con", 3, "Luật Hộ tịch 2014, Điều 25 khoản 2: 03 ngày làm việc"),
        ("1.004884", "lại khai sinh", 5, "Nghị định 123/2015/NĐ-CP, Điều 27 khoản 2: 05 ngày làm việc"),
        ("1.004222", "thường trú", 7, "Luật Cư trú 2020, Điều 22 khoản 3: 07 ngày làm việc"),
        ("2.001417", "lý lịch tư pháp", 10, "Luật Lý lịch tư pháp 2009, Điều 48 khoản 1: không quá 10 ngày"),
        ("2.000815", "bản sao từ bản chính", 0, "Nghị định 23/2015/NĐ-CP, Điều 7 khoản 1: trong ngày, sau 15 giờ ngày làm việc tiếp theo"),
        ("2.000884", "chữ ký", 0, "Nghị định 23/2015/NĐ-CP, Điều 7 khoản 1"),
        ("2.001035", "hợp đồng", 2, "Nghị định 23/2015/NĐ-CP, Điều 7 khoản 2: không quá 02 ngày làm việc"),
        ("1.009994", "nhà ở riêng lẻ", 15, "Luật Xây dựng 2014 (sửa đổi 2020), Điều 102 khoản 1: 15 ngày đối với nhà ở riêng lẻ"),
        ("1.009972", "công trình", 20, "Luật Xây dựng 2014 (sửa đổi 2020), Điều 102 khoản 1: 20 ngày đối với công trình"),
    ];

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task Every_checked_procedure_has_the_code_and_deadline_of_its_source(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        using var anonymous = app.CreateClient();
        var wrong = new List<string>();
        foreach (var expected in Sources)
        {
            var procedure = await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{expected.Code}");
            var (name, days, sameDay) = (procedure.GetProperty("name").GetString()!, procedure.GetProperty("legalWorkingDays").GetInt32(), procedure.GetProperty("sameDay").GetBoolean());
            if (!name.Contains(expected.Name, StringComparison.OrdinalIgnoreCase) || days != expected.Days || sameDay != (expected.Days == 0))
            {
                wrong.Add($"{expected.Code} \"{name}\", {days} days (same day: {sameDay}); {expected.Source}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    });

    /// <summary>Codes the national database gives to other procedures, once attached to the wrong ones here, stay out.</summary>
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task Codes_of_other_procedures_are_not_shipped(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        using var anonymous = app.CreateClient();
        foreach (var code in OthersCodes)
        {
            using var response = await anonymous.GetAsync($"/api/procedures/{code}");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        }
    });

    private static readonly string[] FreeRegistrations = ["1.000894", "1.004837"];
    private static readonly string[] FreeOnTime = ["1.001193", "1.000656"];
    private static readonly string[] PaidRegistrations = ["1.004873", "1.000881", "1.001022", "1.004884"];

    /// <summary>
    /// Luật Hộ tịch 2014, Điều 11 khoản 1: registering a birth or a death on time, a guardianship or a marriage of
    /// citizens residing in Việt Nam is free (point b); every other registration pays the provincial council's fee,
    /// from which families of merit, poor households and people with disabilities are exempt (point a).
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task Civil_status_fees_are_waived_only_where_article_11_waives_them(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        using var anonymous = app.CreateClient();
        async Task<JsonElement[]> Fees(string code) =>
            [.. (await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{code}")).GetProperty("fees").EnumerateArray()];
        static bool Free(JsonElement fee) => fee.GetProperty("amountVnd").ValueKind == JsonValueKind.Number && fee.GetProperty("amountVnd").GetDecimal() == 0;
        static string Note(JsonElement fee) => fee.GetProperty("note").GetString() ?? "";

        foreach (var code in FreeRegistrations)
        {
            var fees = await Fees(code);
            Assert.All(fees, f => Assert.True(Free(f) && Note(f).Contains("Điều 11 khoản 1 điểm b", StringComparison.Ordinal), code));
        }

        foreach (var code in FreeOnTime)
        {
            var fees = await Fees(code);
            Assert.Contains(fees, f => Free(f) && Note(f).Contains("Điều 11 khoản 1 điểm b", StringComparison.Ordinal));
            Assert.Contains(fees, f => !Free(f) && Note(f).Contains("Điều 11 khoản 1 điểm a", StringComparison.Ordinal));
        }

        foreach (var code in PaidRegistrations)
        {
            var fees = await Fees(code);
            Assert.NotEmpty(fees);
            Assert.All(fees, f => Assert.True(!Free(f) && Note(f).Contains("Điều 11 khoản 1 điểm a", StringComparison.Ordinal), code));
        }
    });
}
