using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Reports;

/// <summary>The leaders' figures and the service index on a hand-made week of the demo ward.</summary>
public sealed class ReportTests
{
    private const string Ward = "000.00.61.H26";
    private const string Week = "from=2027-03-01&to=2027-03-05";
    private static readonly string[] Groups = ["publicity", "progress", "onlineService", "onlinePayment", "digitisation", "satisfaction"];
    private static readonly string[] Measures =
        ["received", "online", "digitised", "resolved", "early", "onTime", "late", "sameDay", "inProgress", "overdue", "rated", "unsatisfied", "counterRated", "counterUnsatisfied", "disagreement"];
    private static readonly string[] Paths = ["service-index", "dashboard", "dossiers"];

    private static async Task<string> ReceiveAsync(TestApp app, string channel, string? phone, string? email, string idNumber)
    {
        using var client = await app.ClientForAsync("canbo.trungvan");
        using var response = await client.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "2.000815", channel, applicant = new { idNumber, fullName = "Trần Thị Bình", phone, email },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    /// <summary>
    /// Monday: four same-day dossiers. A (contact, resolved on time, rated all satisfied but with a complaint about
    /// lateness), B (no phone or e-mail, resolved on time, not rated), C (online, resolved late on Tuesday), D (never
    /// handled: overdue since Monday 17:00). The clock stops on Tuesday at 11:00.
    /// </summary>
    private static async Task<(string A, string B, string C, string D)> WeekAsync(TestApp app)
    {
        app.Clock.SetUtcNow(Flow.Monday);
        var a = await ReceiveAsync(app, "counter", "0912345678", "an@example.vn", "001090000001");
        var b = await ReceiveAsync(app, "counter", null, null, "001090000002");
        var c = await ReceiveAsync(app, "online", null, "c@example.vn", "001090000003");
        var d = await ReceiveAsync(app, "counter", "0912345674", null, "001090000004");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await Flow.ToResultReadyAsync(app, a);
        await Flow.ToResultReadyAsync(app, b);
        using (var rated = await EvaluationTests.RateAsync(app, new { dossierCode = a, kind = "dossier", criteria = Enumerable.Repeat("verySatisfied", 9), complaint = "lateness" }))
        {
            Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        }

        app.Clock.SetUtcNow(Flow.At(2027, 3, 2, 10));
        await Flow.ToResultReadyAsync(app, c);
        app.Clock.SetUtcNow(Flow.At(2027, 3, 2, 11));
        return (a, b, c, d);
    }

    /// <summary>The dossier's fee paid online: an attempt started as the portal starts it, settled by the gateway's signed IPN.</summary>
    private static async Task PaidOnlineAsync(TestApp app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<MotCua.Features.Dossiers.Contracts.DossierStore>().Rows.SingleAsync(d => d.Code == code);
        var started = await scope.ServiceProvider.GetRequiredService<MotCua.Features.Payments.PaymentDesk>().StartOnlineAsync(row, "vnpay", row.ApplicantIdNumber, "127.0.0.1");
        var request = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(started.Value!).Query);
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MotCua.Features.Payments.VnPay.VnPayOptions>>().Value;
        var ipn = new Dictionary<string, string>
        {
            ["vnp_Amount"] = request["vnp_Amount"].ToString(), ["vnp_ResponseCode"] = "00", ["vnp_TransactionStatus"] = "00", ["vnp_TmnCode"] = options.TmnCode,
            ["vnp_TxnRef"] = request["vnp_TxnRef"].ToString(), ["vnp_TransactionNo"] = "12345678", ["vnp_BankCode"] = "NCB",
        };
        var query = MotCua.Features.Payments.VnPay.VnPayProtocol.SignedQuery(ipn, options.HashSecret);
        using var gateway = app.CreateClient();
        Assert.Equal("00", (await gateway.GetFromJsonAsync<JsonElement>("/api/payments/vnpay/ipn?" + query)).GetProperty("RspCode").GetString());
    }

    private static void AssertGroup(JsonElement index, string group, double? score, int max, int numerator, int denominator)
    {
        var g = index.GetProperty(group);
        Assert.True(
            (score is null ? g.GetProperty("score").ValueKind == JsonValueKind.Null : Math.Abs(g.GetProperty("score").GetDouble() - score.Value) < 0.005)
            && g.GetProperty("max").GetInt32() == max && g.GetProperty("numerator").GetInt32() == numerator && g.GetProperty("denominator").GetInt32() == denominator,
            $"{group}: {g}");
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_service_index_follows_its_formulas_and_counts_a_complaint_as_unsatisfied(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var (a, _, c, _) = await WeekAsync(app);
            // A's fee is paid in cash at the counter, C's online (the gateway's IPN settles it); B's and D's are still due.
            using (var officer = await app.ClientForAsync("canbo.trungvan"))
            using (var cash = await officer.PostAsJsonAsync($"/api/dossiers/{a}/payments", new { method = "cash" }))
            {
                Assert.Equal(HttpStatusCode.Created, cash.StatusCode);
            }

            await PaidOnlineAsync(app, c);
            using var leader = await app.ClientForAsync("lanhdao.trungvan");
            var index = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/service-index?unit={Ward}&{Week}");
            AssertGroup(index, "publicity", 13.5, 18, 3, 4);          // B had no phone or e-mail
            AssertGroup(index, "progress", 10, 20, 2, 4);             // A, B on time; C late; D overdue unresolved
            AssertGroup(index, "onlineService", 3, 12, 1, 4);         // C
            AssertGroup(index, "onlinePayment", 2.5, 10, 1, 4);       // C paid online, of the four with a fee (A paid in cash)
            AssertGroup(index, "digitisation", 0, 22, 0, 4);          // every document seen on paper
            AssertGroup(index, "satisfaction", 6, 18, 1, 3);          // A's complaint and C's late result count as unsatisfied; unrated B does not
            Assert.Equal(35, index.GetProperty("total").GetProperty("score").GetDouble(), 2);

            // Tuesday 11:00: E, received now and due at 17:00, is still in hand within its deadline: on time so far.
            await ReceiveAsync(app, "counter", "0912345675", null, "001090000005");
            var withE = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/service-index?unit={Ward}&{Week}");
            AssertGroup(withE, "progress", 12, 20, 3, 5);             // A, B, E ÷ A, B, C, D, E

            // The same unit and a period with no dossiers at all: no data anywhere, never a division by zero.
            var empty = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/service-index?unit={Ward}&from=2026-07-01&to=2026-09-30");
            foreach (var group in Groups)
            {
                AssertGroup(empty, group, null, empty.GetProperty(group).GetProperty("max").GetInt32(), 0, 0);
            }

            Assert.Equal(JsonValueKind.Null, empty.GetProperty("total").GetProperty("score").ValueKind);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Every_dashboard_total_equals_the_dossiers_it_clicks_through_to(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var (a, _, c, d) = await WeekAsync(app);
            using (var counter = await EvaluationTests.RateAsync(app, new { dossierCode = d, kind = "counter", rating = 1 }))
            {
                Assert.Equal(HttpStatusCode.Created, counter.StatusCode);
            }

            using var leader = await app.ClientForAsync("lanhdao.thanhpho");
            var city = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit=000.00.00.H26&{Week}");
            var totals = city.GetProperty("totals");
            Assert.Equal((4, 3, 1, 1, 1, 2), (totals.GetProperty("received").GetInt32(), totals.GetProperty("resolved").GetInt32(), totals.GetProperty("late").GetInt32(),
                totals.GetProperty("overdue").GetInt32(), totals.GetProperty("online").GetInt32(), totals.GetProperty("sameDay").GetInt32()));
            Assert.Equal((1, 1, 1, 1), (totals.GetProperty("rated").GetInt32(), totals.GetProperty("unsatisfied").GetInt32(), totals.GetProperty("counterRated").GetInt32(),
                totals.GetProperty("counterUnsatisfied").GetInt32()));
            var properties = new Dictionary<string, string> { ["disagreement"] = "disagreements" };
            foreach (var measure in Measures)
            {
                var list = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dossiers?unit=000.00.00.H26&{Week}&measure={measure}");
                Assert.True(totals.GetProperty(properties.GetValueOrDefault(measure, measure)).GetInt32() == list.GetProperty("total").GetInt32(), measure);
                Assert.Equal(list.GetProperty("total").GetInt32(), list.GetProperty("items").GetArrayLength());
            }

            var late = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dossiers?unit=000.00.00.H26&{Week}&measure=late");
            Assert.Equal(c, late.GetProperty("items")[0].GetProperty("code").GetString());
            Assert.DoesNotContain("Bình", late.GetRawText(), StringComparison.Ordinal);

            // The breakdowns add up to the totals; the ward ranks below the city.
            Assert.Equal(4, city.GetProperty("byProcedure").EnumerateArray().Sum(b => b.GetProperty("counts").GetProperty("received").GetInt32()));
            Assert.Equal(4, city.GetProperty("byOffice").EnumerateArray().Sum(b => b.GetProperty("counts").GetProperty("received").GetInt32()));
            Assert.Contains(city.GetProperty("units").EnumerateArray(), u => u.GetProperty("key").GetString() == Ward && u.GetProperty("counts").GetProperty("received").GetInt32() == 4);
            var officer = city.GetProperty("byOfficer").EnumerateArray().Single(o => o.GetProperty("key").GetString() == "canbo.trungvan");
            Assert.Equal((4, 1), (officer.GetProperty("counts").GetProperty("received").GetInt32(), officer.GetProperty("counts").GetProperty("counterRated").GetInt32()));
            var byProcedure = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dossiers?unit=000.00.00.H26&{Week}&measure=received&procedure=2.000815&office=001.00.61.H26&officer=canbo.trungvan");
            Assert.Equal(4, byProcedure.GetProperty("total").GetInt32());
            Assert.Contains(a, byProcedure.GetRawText(), StringComparison.Ordinal);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_unit_outside_the_callers_scope_is_not_found_and_bad_periods_are_refused(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            // A leader of another unit (the Department of Justice) does not see the ward; an officer may not open reports at all.
            using var other = await app.ClientForAsync("lanhdao.sotuphap");
            using var officer = await app.ClientForAsync("canbo.phuongkhac");
            foreach (var path in Paths)
            {
                using var response = await other.GetAsync($"/api/reports/{path}?unit={Ward}&{Week}&measure=received");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                using var forbidden = await officer.GetAsync($"/api/reports/{path}?unit={Ward}&{Week}&measure=received");
                Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            }

            using var leader = await app.ClientForAsync("lanhdao.trungvan");
            using (var city = await leader.GetAsync($"/api/reports/service-index?unit=000.00.00.H26&{Week}"))
            {
                Assert.Equal(HttpStatusCode.NotFound, city.StatusCode);
            }

            using (var backwards = await leader.GetAsync($"/api/reports/service-index?unit={Ward}&from=2027-03-05&to=2027-03-01"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
            }

            using (var measure = await leader.GetAsync($"/api/reports/dossiers?unit={Ward}&{Week}&measure=everything"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, measure.StatusCode);
            }

            using var anonymous = app.CreateClient();
            using var refused = await anonymous.GetAsync($"/api/reports/service-index?unit={Ward}&{Week}");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_public_board_shows_todays_results_and_the_late_dossiers_with_names_masked(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var (a, _, c, d) = await WeekAsync(app);
            using var anonymous = app.CreateClient();
            var html = await anonymous.GetStringAsync("/bang-cong-khai/001.00.61.H26");
            var results = html[html.IndexOf("board-results", StringComparison.Ordinal)..html.IndexOf("board-late", StringComparison.Ordinal)];
            var late = html[html.IndexOf("board-late", StringComparison.Ordinal)..];
            Assert.Contains(c, results, StringComparison.Ordinal);      // resolved this morning
            Assert.DoesNotContain(a, results, StringComparison.Ordinal); // resolved yesterday
            Assert.Contains(d, late, StringComparison.Ordinal);
            Assert.Contains("Trần T. B.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Trần Thị Bình", html, StringComparison.Ordinal);
            Assert.DoesNotContain("001090000004", html, StringComparison.Ordinal);
            using var unknown = await anonymous.GetAsync("/bang-cong-khai/000.00.61.H26");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_periodic_report_comes_as_a_pdf_to_sign_and_as_excel_with_the_same_totals(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            await WeekAsync(app);
            using var leader = await Pages.SignedInAsync(app, "lanhdao.trungvan");
            using var pdf = await leader.GetAsync($"/Reports?handler=pdf&unit={Ward}&{Week}");
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            var text = Flow.PdfText(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", text, StringComparison.Ordinal);
            Assert.Contains("Tổng cộng 4 3 2 1 1 1", text, StringComparison.Ordinal); // received, resolved, in time, late, in progress, overdue

            using (var officers = await leader.GetAsync($"/Reports?handler=officersPdf&unit={Ward}&{Week}"))
            {
                var byOfficer = Flow.PdfText(await officers.Content.ReadAsByteArrayAsync());
                Assert.Contains("BÁO CÁO MỨC ĐỘ HÀI LÒNG THEO CÁN BỘ TIẾP NHẬN", byOfficer, StringComparison.Ordinal);
                Assert.Contains("Nguyễn Thị Minh Thu 4", byOfficer, StringComparison.Ordinal);
            }

            using var excel = await leader.GetAsync($"/Reports?handler=excel&unit={Ward}&{Week}");
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType?.MediaType);
            await using var stream = await excel.Content.ReadAsStreamAsync();
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Theo lĩnh vực").Cast<IDictionary<string, object>>().ToList();
            var total = rows.Single(r => (string)r["Tên"] == "Tổng cộng");
            Assert.Equal((4d, 3d, 1d), (Convert.ToDouble(total["Tiếp nhận"], System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToDouble(total["Đã giải quyết"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(total["Trễ hạn"], System.Globalization.CultureInfo.InvariantCulture)));

            using var outsider = await Pages.SignedInAsync(app, "lanhdao.sotuphap");
            using var refused = await outsider.GetAsync($"/Reports?handler=pdf&unit={Ward}&{Week}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        });
    }

    private static async Task<string> FiguresAsync(HttpClient leader, string unit)
    {
        var dashboard = System.Text.Json.Nodes.JsonNode.Parse(await leader.GetStringAsync($"/api/reports/dashboard?unit={unit}&{Week}"))!.AsObject();
        dashboard.Remove("asOf");
        return dashboard.ToJsonString() + await leader.GetStringAsync($"/api/reports/service-index?unit={unit}&{Week}");
    }

    private static async Task<int> CatchUpAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MotCua.Features.Reports.ReportRollup>().CatchUpAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_stored_daily_figures_give_the_same_answers_as_the_dossiers_and_follow_later_changes(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var (a, _, _, _) = await WeekAsync(app);
            using var leader = await app.ClientForAsync("lanhdao.thanhpho");
            var live = new[] { await FiguresAsync(leader, "000.00.00.H26"), await FiguresAsync(leader, Ward) };
            Assert.Equal(1, await CatchUpAsync(app)); // Monday is over; today is never stored
            Assert.Equal(live, new[] { await FiguresAsync(leader, "000.00.00.H26"), await FiguresAsync(leader, Ward) });

            // The citizen withdraws Monday's complaint on Tuesday: Monday goes stale and is counted live until rebuilt.
            using (var changed = await EvaluationTests.RateAsync(app, new { dossierCode = a, kind = "dossier", criteria = Enumerable.Repeat("satisfied", 9) }))
            {
                Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            }

            var afterChange = await FiguresAsync(leader, Ward);
            var index = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/service-index?unit={Ward}&{Week}");
            AssertGroup(index, "satisfaction", 12, 18, 2, 3); // A is satisfied now; C's late result still counts against
            Assert.Equal(1, await CatchUpAsync(app));
            Assert.Equal(afterChange, await FiguresAsync(leader, Ward));

            // Wednesday: Tuesday is stored too, and nothing moves.
            app.Clock.SetUtcNow(Flow.At(2027, 3, 3, 9));
            using var later = await app.ClientForAsync("lanhdao.thanhpho");
            var wednesday = await FiguresAsync(later, "000.00.00.H26");
            Assert.Equal(1, await CatchUpAsync(app));
            Assert.Equal(wednesday, await FiguresAsync(later, "000.00.00.H26"));
            Assert.Equal(0, await CatchUpAsync(app));
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Each_month_the_schedule_makes_every_units_report_once_and_leaders_download_their_own(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            await WeekAsync(app);
            app.Clock.SetUtcNow(Flow.At(2027, 4, 1, 7));
            using (var city = await app.ClientForAsync("lanhdao.thanhpho"))
            {
                // March as a whole month: from the dossiers, then from the stored days and the month's sums.
                const string march = "/api/reports/dashboard?unit=000.00.00.H26&from=2027-03-01&to=2027-03-31";
                static string WithoutAsOf(string json) { var o = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject(); o.Remove("asOf"); return o.ToJsonString(); }
                var live = WithoutAsOf(await city.GetStringAsync(march));
                Assert.Equal(31, await CatchUpAsync(app));
                Assert.Equal(live, WithoutAsOf(await city.GetStringAsync(march)));
                Assert.Contains("\"received\":4", live, StringComparison.Ordinal);
            }

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var reports = scope.ServiceProvider.GetRequiredService<MotCua.Features.Reports.MonthlyReports>();
                var queued = await reports.QueueAsync();
                Assert.True(queued >= 2, $"{queued} queued"); // at least the city and the pilot ward
                Assert.Equal(0, await reports.QueueAsync());
                Assert.Equal(queued, await reports.WriteAsync(1000));
            }

            using var leader = await Pages.SignedInAsync(app, "lanhdao.trungvan");
            var page = await leader.GetStringAsync("/Reports/Monthly");
            Assert.Contains("Phường Đại Mỗ", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Thành phố Hà Nội <small>", page, StringComparison.Ordinal); // not the city's: outside the ward leader's scope
            var link = System.Text.RegularExpressions.Regex.Match(page, @"\?handler=file&(?:amp;)?id=([0-9a-f-]+)&(?:amp;)?kind=pdf").Groups[1].Value;
            using var pdf = await leader.GetAsync($"/Reports/Monthly?handler=file&id={link}&kind=pdf");
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(link);
            var text = Flow.PdfText(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains("từ ngày 01/03/2027 đến ngày 31/03/2027", text, StringComparison.Ordinal);
            Assert.Contains("Tổng cộng 4 3 2 1 1 1", text, StringComparison.Ordinal);

            using var outsider = await Pages.SignedInAsync(app, "lanhdao.sotuphap");
            using var refused = await outsider.GetAsync($"/Reports/Monthly?handler=file&id={link}&kind=pdf");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        });
    }

    /// <summary>
    /// A result ready on Monday and sent back from the counter on Tuesday is no longer resolved: the figures stop
    /// counting it (until it is resolved again) and Monday's stored figures are marked for rebuilding.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_result_sent_back_is_unresolved_and_its_day_counted_afresh(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await ReceiveAsync(app, "counter", "0912345678", null, "001090000009");
            await Flow.ToResultReadyAsync(app, code);
            async Task<int> ResolvedAsync()
            {
                using var leader = await app.ClientForAsync("lanhdao.thanhpho");
                return (await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dossiers?unit={Ward}&{Week}&measure=resolved")).GetProperty("total").GetInt32();
            }

            Assert.Equal(1, await ResolvedAsync());

            app.Clock.SetUtcNow(Flow.At(2027, 3, 2, 9));
            var back = await Flow.ActAsync(app, "canbo.trungvan", code, "sendBack", new { note = "Kết quả ghi sai ngày sinh" });
            Assert.Equal("inProgress", back.GetProperty("status").GetString());
            Assert.Equal(0, await ResolvedAsync());
            Assert.Equal("late", (await Flow.ProgressAsync(app, code)).GetProperty("outcome").GetString()); // due Monday, unresolved now: no longer "on time"
            var stale = await app.WithDbAsync(db => db.Set<MotCua.Features.Reports.StaleReportDay>().Select(d => d.Day).ToListAsync());
            Assert.Equal([new DateOnly(2027, 3, 1)], stale);

            await Flow.ActAsync(app, "lanhdao.trungvan", code, "approve");
            Assert.Equal(1, await ResolvedAsync());
        });
    }
}
