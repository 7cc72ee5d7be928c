using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Features.Forms.Contracts;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Workflow;

/// <summary>
/// The one-stop regulation's rules on late and incomplete dossiers, article by article (Decree 61/2018 Art. 19 as
/// amended by Decree 107/2021, carried on by Decree 118/2025; Circular 03/2025 form 05 for the stop notice).
/// </summary>
public sealed class LateDossierRulesTests
{
    private const string Ward = "000.00.61.H26";

    private static readonly string[] ApologyFields = ["Mẫu số 04", "Kính gửi: Ông/Bà Nguyễn Văn An", "Mã hồ sơ: 001.00.61.H26-250801-0001", "Lý do: Chờ xác minh nơi cư trú", "THỦ TRƯỞNG CƠ QUAN", "Lê Quang Vinh", "Hà Nội, ngày"];

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Art19_an_apology_the_working_day_before_the_deadline_is_in_time_and_a_second_reappointment_is_refused_with_its_article(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "1.004873"); // 3 working days: due Thursday 4/3
            await Flow.ActAsync(app, "canbo.trungvan", code, "forward");

            // Wednesday: the last day the rule allows; the sweeper has warned by then, not only in the deadline's last hours.
            app.Clock.SetUtcNow(Flow.At(2027, 3, 3, 9));
            Assert.Equal(1, (await Flow.SweepAsync(app)).Warned);
            var moved = await Flow.ActAsync(app, "lanhdao.trungvan", code, "apologise", new { note = "Chờ kết quả xác minh của xã nơi cư trú trước đây", newDueDate = "2027-03-10" });
            Assert.Equal("2027-03-10", moved.GetProperty("dueDate").GetString());
            var apology = (await Flow.ProgressAsync(app, code)).GetProperty("apologies").EnumerateArray().Single();
            Assert.True(apology.GetProperty("inTime").GetBoolean());
            Assert.Equal("2027-03-03", apology.GetProperty("latestOn").GetString());

            using var again = await Flow.TryAsync(app, "lanhdao.trungvan", code, "apologise", new { note = "Vẫn chưa có kết quả", newDueDate = "2027-03-12" });
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
            var message = problem.GetProperty("errors").GetProperty("action")[0].GetString();
            Assert.Contains("118/2025", message, StringComparison.Ordinal); // the rule in force in 2027 names its decree
            Assert.Contains("một lần", message, StringComparison.Ordinal);
            Assert.Equal("2027-03-10", (await Flow.GetAsync(app, code)).GetProperty("dueDate").GetString());
            Assert.Single((await Flow.ProgressAsync(app, code)).GetProperty("apologies").EnumerateArray());

            var page = await (await Pages.SignedInAsync(app, "lanhdao.trungvan")).GetStringAsync($"/Workflow/Dossier/{code}");
            Assert.Contains("data-testid=\"reappointed\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("value=\"apologise\"", page, StringComparison.Ordinal);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Art19_an_apology_later_than_the_rule_allows_is_recorded_as_late_and_counted_in_the_reports(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var inTime = await Flow.ReceiveAsync(app, "1.004873", "001090111111");
            var late = await Flow.ReceiveAsync(app, "1.004873", "001090222222");
            await Flow.ReceiveAsync(app, "1.004873", "001090333333"); // never apologised for: counted in neither
            app.Clock.SetUtcNow(Flow.At(2027, 3, 3, 9));
            await Flow.ActAsync(app, "lanhdao.trungvan", inTime, "apologise", new { note = "Chờ xác minh", newDueDate = "2027-03-10" });
            app.Clock.SetUtcNow(Flow.At(2027, 3, 5, 9)); // the day after the deadline
            await Flow.ActAsync(app, "lanhdao.trungvan", late, "apologise", new { note = "Chờ xác minh", newDueDate = "2027-03-10" });

            var history = (await Flow.GetAsync(app, late)).GetProperty("events").EnumerateArray().Last().GetProperty("detail").GetString();
            Assert.Contains("lập muộn", history, StringComparison.Ordinal);
            Assert.Contains("03/03/2027", history, StringComparison.Ordinal);

            using var leader = await app.ClientForAsync("lanhdao.trungvan");
            var dashboard = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit={Ward}&from=2027-03-01&to=2027-03-05");
            Assert.Equal(2, dashboard.GetProperty("apologies").GetProperty("made").GetInt32());
            Assert.Equal(1, dashboard.GetProperty("apologies").GetProperty("late").GetInt32());
            var behind = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dossiers?unit={Ward}&from=2027-03-01&to=2027-03-05&measure=lateApology");
            Assert.Equal([late], behind.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
            var all = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dossiers?unit={Ward}&from=2027-03-01&to=2027-03-05&measure=apologised");
            Assert.Equal(2, all.GetProperty("total").GetInt32());
            var before = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit={Ward}&from=2027-02-01&to=2027-02-28");
            Assert.Equal(0, before.GetProperty("apologies").GetProperty("made").GetInt32());
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Art19_the_supplement_clock_names_the_article_it_applied_the_general_rule_or_the_specialised_law(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var general = await Flow.ReceiveAsync(app, "1.004873", "001090111111"); // resume: the one-stop rule
            var permit = await Flow.ReceiveAsync(app, "1.009994", "001090222222"); // restart: the Construction Law
            await Flow.ActAsync(app, "canbo.trungvan", general, "forward");
            await Flow.ActAsync(app, "chuyenvien.trungvan", general, "requestSupplement", new { note = "Thiếu giấy tờ" });
            await Flow.ActAsync(app, "canbo.trungvan", permit, "requestSupplement", new { note = "Thiếu bản vẽ" });
            app.Clock.SetUtcNow(Flow.At(2027, 3, 3, 9));
            var resumed = await Flow.ActAsync(app, "canbo.trungvan", general, "supplementReceived");
            var restarted = await Flow.ActAsync(app, "canbo.trungvan", permit, "supplementReceived");
            Assert.Contains("Nghị định số 118/2025/NĐ-CP", Last(resumed), StringComparison.Ordinal);
            Assert.Contains("Điều 102", Last(restarted), StringComparison.Ordinal);

            using var client = app.CreateClient();
            var procedure = await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.009994");
            Assert.Equal("restart", procedure.GetProperty("clockPolicy").GetString());
            Assert.Contains("Điều 102", procedure.GetProperty("clockBasis").GetString(), StringComparison.Ordinal);
        });

        static string Last(JsonElement dossier) => dossier.GetProperty("events").EnumerateArray().Last().GetProperty("detail").GetString()!;
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Circular_03_2025_form_05_a_stopped_dossier_has_its_stop_notice_with_the_reason(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var stopped = await Flow.ReceiveAsync(app, "1.004873", "001090111111");
            var running = await Flow.ReceiveAsync(app, "1.004873", "001090222222");
            await Flow.ActAsync(app, "canbo.trungvan", stopped, "forward");
            await Flow.ActAsync(app, "lanhdao.trungvan", stopped, "stop", new { note = "Công dân có đơn rút hồ sơ ngày 01/3/2027" });

            using var officer = await app.ClientForAsync("canbo.trungvan");
            var text = Flow.PdfText(await officer.GetByteArrayAsync($"/api/dossiers/{stopped}/stop-notice.pdf"));
            Assert.Contains("Mẫu số 05", text, StringComparison.Ordinal);
            Assert.Contains("03/2025", text, StringComparison.Ordinal);
            Assert.Contains("dừng giải quyết", text, StringComparison.Ordinal);
            Assert.Contains("Công dân có đơn rút hồ sơ", text, StringComparison.Ordinal);
            Assert.Contains(stopped, text, StringComparison.Ordinal);
            using var none = await officer.GetAsync($"/api/dossiers/{running}/stop-notice.pdf");
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            using var outsider = await app.ClientForAsync("canbo.phuongkhac");
            using var hidden = await outsider.GetAsync($"/api/dossiers/{stopped}/stop-notice.pdf");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_catalog_version_that_restarts_the_clock_must_name_the_specialised_article(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var admin = await app.ClientForAsync("admin");
            var version = new
            {
                effectiveFrom = "2027-01-01", name = "Cấp Giấy xác nhận tình trạng hôn nhân", field = "ho-tich", level = "ward",
                legalWorkingDays = 2, sameDay = false, resultDocument = "Giấy xác nhận", onlineLevel = "full", clockPolicy = "restart",
                receiving = "anyOffice", acceptingOffices = Array.Empty<string>(), verified = false, source = "test",
                documents = Array.Empty<object>(), fees = Array.Empty<object>(), formFields = Array.Empty<object>(),
                steps = new[] { new { name = "Xử lý", role = "Specialist", agency = "own", allottedHours = 16 } },
            };
            using var refused = await admin.PostAsJsonAsync("/api/catalog/import", new { procedures = new[] { new { code = "1.004873", versions = new[] { version } } } });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(["procedures[0].versions[0].clockBasis"], errors.EnumerateObject().Select(e => e.Name));
            using var client = app.CreateClient();
            Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/api/procedures/1.004873?date=2027-01-01")).GetProperty("legalWorkingDays").GetInt32());
        });
    }

    /// <summary>Circular 01/2018 form 04 before 15/9/2025, Circular 03/2025 form 04 (an apology and request to extend) from it: the same fields, the set's title.</summary>
    [Fact]
    public void The_apology_form_follows_the_set_in_force_on_its_day_field_by_field()
    {
        string Render(DateTimeOffset at) => Flow.PdfText(ApologyPdf.Render(new ApologyData(
            "UBND Thành phố Hà Nội", "Phường Trung Văn", "Nguyễn Văn An", "001.00.61.H26-250801-0001", "Cấp Giấy xác nhận tình trạng hôn nhân",
            at.AddDays(-5), at.AddDays(1), "Chờ xác minh nơi cư trú", at.AddDays(8), "Lê Quang Vinh", at, "Hà Nội")));

        var old = Render(new DateTimeOffset(2025, 9, 12, 9, 0, 0, TimeSpan.FromHours(7)));
        var current = Render(new DateTimeOffset(2025, 9, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        Assert.Contains("01/2018/TT-VPCP", old, StringComparison.Ordinal);
        Assert.Contains("XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", old, StringComparison.Ordinal);
        Assert.DoesNotContain("GIA HẠN", old, StringComparison.Ordinal);
        Assert.Contains("03/2025/TT-VPCP", current, StringComparison.Ordinal);
        Assert.Contains("XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN", current, StringComparison.Ordinal);
        Assert.Contains("đề nghị gia hạn thời gian giải quyết", current, StringComparison.Ordinal);
        foreach (var field in ApologyFields)
        {
            Assert.Contains(field, old, StringComparison.Ordinal);
            Assert.Contains(field, current, StringComparison.Ordinal);
        }
    }
}
