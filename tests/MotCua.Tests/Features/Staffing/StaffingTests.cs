using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Units;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Staffing;

/// <summary>Quotas, positions, people and the periodic rotation of officials, through the API, on both databases.</summary>
public sealed class StaffingTests
{
    private const string CityLeader = "lanhdao.thanhpho"; // leads the city: the unit above every ward

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> PositionAsync(HttpClient client, string unitCode, string name, int? rotationYears, string category = "civilServant")
    {
        using var response = await client.PostAsJsonAsync("/api/staffing/positions", new { unitCode, name, category, rotationYears });
        return await CreatedAsync(response);
    }

    private static async Task<Guid> PersonAsync(HttpClient client, string idNumber, string fullName, string? account = null)
    {
        using var response = await client.PostAsJsonAsync("/api/staffing/people", new { fullName, idNumber, category = "civilServant", account });
        return await CreatedAsync(response);
    }

    private static Task<HttpResponseMessage> AppointAsync(HttpClient client, Guid person, Guid position, DateOnly from, string? decision = null) =>
        client.PostAsJsonAsync($"/api/staffing/people/{person}/positions", new { positionId = position, from, decision });

    private static async Task<JsonElement> CivilServantsAsync(HttpClient client, string unit, int year) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/staffing/quotas?unit={unit}&year={year}")).GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("unitCode").GetString() == unit && i.GetProperty("category").GetString() == "civilServant");

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_unit_carries_the_quotas_and_posts_of_the_units_merged_or_divided_into_it_and_refuses_one_more_with_the_figures(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
            var year = today.Year;
            await app.WithDbAsync(async db =>
            {
                var city = await db.Units.SingleAsync(u => u.Code == "000.00.00.H26");
                var merged = new Unit { Code = "000.00.93.H26", Name = "Phường Hợp Nhất", Kind = UnitKind.Ward, ParentId = city.Id, ValidFrom = today.AddDays(-29) };
                db.Units.AddRange(merged,
                    new Unit { Code = "000.00.91.H26", Name = "Phường Thử A", Kind = UnitKind.Ward, ParentId = city.Id, ValidFrom = new DateOnly(2020, 1, 1), ValidTo = today.AddDays(-30), SuccessorId = merged.Id },
                    new Unit { Code = "000.00.92.H26", Name = "Phường Thử B", Kind = UnitKind.Ward, ParentId = city.Id, ValidFrom = new DateOnly(2020, 1, 1), ValidTo = today.AddDays(-30), SuccessorId = merged.Id });
                return await db.SaveChangesAsync();
            });

            using var leader = await app.ClientForAsync(CityLeader);
            foreach (var (unit, quota) in new[] { ("000.00.91.H26", 3), ("000.00.92.H26", 2), ("000.00.93.H26", 1) })
            {
                using var set = await leader.PutAsJsonAsync($"/api/staffing/quotas/{unit}/{year}", new { category = "civilServant", quota, decision = "QĐ 12/QĐ-UBND" });
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            }

            // A ward's own leader does not assign its quota: the unit above does.
            using (var ward = await app.ClientForAsync("lanhdao.trungvan"))
            {
                using var own = await ward.PutAsJsonAsync($"/api/staffing/quotas/000.00.61.H26/{year}", new { category = "civilServant", quota = 99 });
                Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
            }

            var a = await PositionAsync(leader, "000.00.91.H26", "Công chức tư pháp - hộ tịch", 3);
            var b = await PositionAsync(leader, "000.00.92.H26", "Công chức địa chính", 3);
            var c = await PositionAsync(leader, "000.00.93.H26", "Công chức văn phòng", null);
            var since = new DateOnly(2023, 1, 2);
            for (var i = 0; i < 3; i++)
            {
                using var ok = await AppointAsync(leader, await PersonAsync(leader, $"0010800000{i:00}", $"Người A{i}"), a, since);
                Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            }

            // A fourth at A is over its quota: 409 with the figures, nothing saved; with the decision that allows it, saved.
            var fourth = await PersonAsync(leader, "001080000003", "Người A3");
            using (var over = await AppointAsync(leader, fourth, a, since))
            {
                Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
                var problem = await over.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal((3, 3), (problem.GetProperty("quota").GetInt32(), problem.GetProperty("filled").GetInt32()));
            }

            using (var allowed = await AppointAsync(leader, fourth, a, since, "QĐ 45/QĐ-UBND cho phép vượt"))
            {
                Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
            }

            // One person holds one position at a time.
            using (var overlap = await AppointAsync(leader, fourth, b, since.AddYears(1)))
            {
                Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
            }

            for (var i = 0; i < 2; i++)
            {
                using var ok = await AppointAsync(leader, await PersonAsync(leader, $"0010810000{i:00}", $"Người B{i}"), b, since);
                Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            }

            // After the merger the successor carries both: quota 3 + 2 + 1, people 4 + 2; one more there is over.
            var successor = await CivilServantsAsync(leader, "000.00.93.H26", year);
            Assert.Equal((6, 6), (successor.GetProperty("quota").GetInt32(), successor.GetProperty("filled").GetInt32()));
            using (var full = await AppointAsync(leader, await PersonAsync(leader, "001082000000", "Người C0"), c, today))
            {
                Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
                Assert.Equal(6, (await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("filled").GetInt32());
            }

            // Before the merger, the same ward counted alone.
            var before = await CivilServantsAsync(leader, "000.00.91.H26", year - 1);
            Assert.Equal((JsonValueKind.Null, 4), (before.GetProperty("quota").ValueKind, before.GetProperty("filled").GetInt32()));

            // A quota below the people in post is refused with the figures.
            using (var lower = await leader.PutAsJsonAsync($"/api/staffing/quotas/000.00.93.H26/{year}", new { category = "civilServant", quota = 0 }))
            {
                Assert.Equal(HttpStatusCode.Conflict, lower.StatusCode);
            }

            using var bad = await leader.PostAsJsonAsync("/api/staffing/positions", new { unitCode = "000.00.93.H26", name = "X", category = "chief", rotationYears = 9 });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

            // The 2025 reform divided Mễ Trì (Từ Liêm took 60 %, Đại Mỗ 40 %) and gave Trung Văn wholly to Đại Mỗ:
            // from 1 July 2025 each successor carries its share of their quotas.
            foreach (var (unit, quota) in new[] { ("000.21.15.H26", 10), ("000.20.15.H26", 7) })
            {
                using var set = await leader.PutAsJsonAsync($"/api/staffing/quotas/{unit}/2025", new { category = "civilServant", quota });
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            }

            Assert.Equal(6, (await CivilServantsAsync(leader, "000.00.62.H26", 2025)).GetProperty("quota").GetInt32());
            Assert.Equal(4 + 7, (await CivilServantsAsync(leader, "000.00.61.H26", 2025)).GetProperty("quota").GetInt32());
            Assert.Equal(10, (await CivilServantsAsync(leader, "000.21.15.H26", 2025)).GetProperty("quota").GetInt32()); // the divided ward's own line keeps its history
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_plan_executed_on_its_day_moves_the_officer_and_what_they_may_see_follows_at_the_next_request(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.At(2027, 9, 6, 9)); // a Monday, more than two years after the 2025 reform
            var atDaiMo = await Flow.ReceiveAsync(app, "2.000815");
            var atXuanPhuong = await Flow.ReceiveAsync(app, "2.000815", "001090123457", "canbo.xuanphuong");
            using var leader = await app.ClientForAsync(CityLeader);
            var handling = await PositionAsync(leader, "000.00.61.H26", "Công chức tư pháp - hộ tịch", 2);
            var there = await PositionAsync(leader, "000.00.63.H26", "Công chức tư pháp - hộ tịch", 2);
            var officer = await PersonAsync(leader, "001088000001", "Cán bộ luân chuyển", "chuyenvien.trungvan");
            using (var appointed = await AppointAsync(leader, officer, handling, new DateOnly(2025, 7, 1)))
            {
                Assert.Equal(HttpStatusCode.Created, appointed.StatusCode);
            }

            var newcomer = await PersonAsync(leader, "001088000002", "Cán bộ mới");
            using (var appointed = await AppointAsync(leader, newcomer, handling, new DateOnly(2026, 9, 1)))
            {
                Assert.Equal(HttpStatusCode.Created, appointed.StatusCode);
            }

            // Due: the officer (two years on 1 July 2027), not the newcomer; not before the day.
            var due = (await leader.GetFromJsonAsync<JsonElement>("/api/staffing/rotation/due?unit=000.00.00.H26&onDate=2027-09-06")).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(["Cán bộ luân chuyển"], due.Select(d => d.GetProperty("fullName").GetString()));
            Assert.Equal("2027-07-01", due[0].GetProperty("dueOn").GetString());
            Assert.Empty((await leader.GetFromJsonAsync<JsonElement>("/api/staffing/rotation/due?unit=000.00.00.H26&onDate=2027-06-30")).GetProperty("items").EnumerateArray());

            // An exemption the law lists holds the officer back until its day; ended, it no longer does.
            using (var exempt = await leader.PutAsJsonAsync($"/api/staffing/people/{officer}/exemption", new { until = new DateOnly(2027, 12, 31), reason = "Đang nuôi con dưới 36 tháng tuổi" }))
            {
                Assert.Equal(HttpStatusCode.NoContent, exempt.StatusCode);
            }

            using (var held = await leader.PostAsJsonAsync("/api/staffing/rotation-plans", new
            {
                unitCode = "000.00.00.H26", year = 2027, decision = "KH 02/KH-UBND", moves = new[] { new { personId = officer, toPositionId = there, effectiveOn = new DateOnly(2027, 9, 6) } },
            }))
            {
                var problem = Assert.Single((await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
                Assert.Contains("36", problem.GetProperty("problem").GetString(), StringComparison.Ordinal);
            }

            using (var ended = await leader.PutAsJsonAsync($"/api/staffing/people/{officer}/exemption", new { until = (DateOnly?)null, reason = (string?)null }))
            {
                Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
            }

            // A plan with the newcomer too (before their period) and the officer twice is kept with its problems and not executed.
            var today = new DateOnly(2027, 9, 6);
            using var flawed = await leader.PostAsJsonAsync("/api/staffing/rotation-plans", new
            {
                unitCode = "000.00.00.H26", year = 2027, decision = "KH 03/KH-UBND",
                moves = new[] { new { personId = officer, toPositionId = there, effectiveOn = today }, new { personId = newcomer, toPositionId = there, effectiveOn = today }, new { personId = officer, toPositionId = there, effectiveOn = today } },
            });
            var flawedPlan = await flawed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.Created, flawed.StatusCode);
            Assert.Equal([2, 3], flawedPlan.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("move").GetInt32()));
            using (var refused = await leader.PostAsync($"/api/staffing/rotation-plans/{flawedPlan.GetProperty("id").GetGuid()}/execute", null))
            {
                Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            }

            using (var specialist = await app.ClientForAsync("chuyenvien.trungvan"))
            {
                Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/api/dossiers/{atDaiMo}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"/api/dossiers/{atXuanPhuong}")).StatusCode);
            }

            using var good = await leader.PostAsJsonAsync("/api/staffing/rotation-plans", new
            {
                unitCode = "000.00.00.H26", year = 2027, decision = "KH 04/KH-UBND", moves = new[] { new { personId = officer, toPositionId = there, effectiveOn = today } },
            });
            var plan = await good.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Empty(plan.GetProperty("problems").EnumerateArray());
            using (var executed = await leader.PostAsync($"/api/staffing/rotation-plans/{plan.GetProperty("id").GetGuid()}/execute", null))
            {
                Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
            }

            // The next request of the rotated officer sees the new ward's dossiers, and no longer the old one's.
            using (var specialist = await app.ClientForAsync("chuyenvien.trungvan"))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"/api/dossiers/{atDaiMo}")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/api/dossiers/{atXuanPhuong}")).StatusCode);
            }

            // Executed once; a ward's leader does not see the city's plan.
            Assert.Equal(HttpStatusCode.Conflict, (await leader.PostAsync($"/api/staffing/rotation-plans/{plan.GetProperty("id").GetGuid()}/execute", null)).StatusCode);
            using var ward = await app.ClientForAsync("lanhdao.trungvan");
            Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/api/staffing/rotation-plans/{plan.GetProperty("id").GetGuid()}")).StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_demo_district_reproduces_the_seeds_staffing_and_rotation_figures(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var leader = await app.ClientForAsync(CityLeader);
            var items = (await leader.GetFromJsonAsync<JsonElement>("/api/staffing/quotas?unit=000.00.15.H26&year=2023")).GetProperty("items").EnumerateArray().ToList();
            string Figures(IEnumerable<JsonElement> lines) => $"{lines.Sum(l => l.GetProperty("filled").GetInt32())}/{lines.Sum(l => l.GetProperty("quota").ValueKind == JsonValueKind.Number ? l.GetProperty("quota").GetInt32() : 0)}";
            var district = items.Where(i => i.GetProperty("unitCode").GetString() == "000.00.15.H26").ToList();
            Assert.Equal("142/154", Figures(district.Where(i => i.GetProperty("category").GetString() == "civilServant")));
            Assert.Equal("1768/1968", Figures(district.Where(i => i.GetProperty("category").GetString() == "publicEmployee")));
            Assert.Equal("139/150", Figures(items.Where(i => i.GetProperty("unitCode").GetString() != "000.00.15.H26" && i.GetProperty("category").GetString() == "civilServant")));

            var report = await leader.GetFromJsonAsync<JsonElement>("/api/staffing/rotation/report?unit=000.00.15.H26&from=2021-01-01&to=2023-03-31");
            Assert.Equal(
                ["commune civilServant 16", "district civilServant 25", "district publicEmployee 25"],
                report.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("level").GetString()} {i.GetProperty("category").GetString()} {i.GetProperty("rotated").GetInt32()}"));
            Assert.Equal(66, report.GetProperty("total").GetInt32());
            Assert.Equal(0, (await leader.GetFromJsonAsync<JsonElement>("/api/staffing/rotation/report?unit=000.00.15.H26&from=2023-04-01&to=2023-12-31")).GetProperty("total").GetInt32());

            // The yearly report, from the page's link (its sign-in cookie): the same figures on paper and in Excel.
            using var browser = await Pages.SignedInAsync(app, CityLeader);
            Assert.Contains("data-testid=\"report-pdf\"", await browser.GetStringAsync("/Staffing?Unit=000.00.15.H26&Year=2023"), StringComparison.Ordinal);
            var pdf = Flow.PdfText(await browser.GetByteArrayAsync("/api/staffing/report.pdf?unit=000.00.15.H26&year=2023&from=2021-01-01&to=2023-03-31"));
            Assert.Contains("1.768", pdf, StringComparison.Ordinal);
            Assert.Contains("1.968", pdf, StringComparison.Ordinal);
            Assert.Contains("66 người", pdf, StringComparison.Ordinal);
            using var excel = new MemoryStream(await browser.GetByteArrayAsync("/api/staffing/report.xlsx?unit=000.00.15.H26&year=2023&from=2021-01-01&to=2023-03-31"));
            var rotated = MiniExcelLibs.MiniExcel.Query(excel, useHeaderRow: true, sheetName: "Chuyển đổi vị trí").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal([16, 25, 25], rotated.Select(r => Convert.ToInt32(r["Số người đã chuyển đổi"], System.Globalization.CultureInfo.InvariantCulture)));
        }, new Dictionary<string, string?> { ["Demo:Staffing"] = "true" });
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var workbook = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(workbook, rows.ToList());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(workbook.ToArray()), "file", "nhan-su.xlsx" } };
        return await client.PostAsync("/api/staffing/import", form);
    }

    private static Dictionary<string, object?> Row(string name, string id, string unit, string position, string from = "01/09/2025") => new()
    {
        ["Họ và tên"] = name, ["Số định danh"] = id, ["Loại"] = "Công chức", ["Ngạch"] = "Chuyên viên", ["Ngày vào"] = "01/01/2020",
        ["Mã đơn vị"] = unit, ["Vị trí việc làm"] = position, ["Từ ngày"] = from, ["Tài khoản"] = null,
    };

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_staff_list_is_imported_whole_or_not_at_all_and_each_bad_row_is_named(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            const string Ward = "000.00.62.H26"; // Từ Liêm
            var year = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).Year;
            using var leader = await app.ClientForAsync(CityLeader);
            using (var set = await leader.PutAsJsonAsync($"/api/staffing/quotas/{Ward}/{year}", new { category = "civilServant", quota = 3 }))
            {
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            }

            var good = new[]
            {
                Row("Lê Thị Hoa", "001085000001", Ward, "Công chức Văn phòng - Thống kê"),
                Row("Trần Văn Nam", "001085000002", Ward, "Công chức Tư pháp - Hộ tịch"),
            };
            using (var refused = await ImportAsync(leader, [.. good, Row("Sai Số", "12345", Ward, "Công chức Tư pháp - Hộ tịch"), Row("Không Đơn Vị", "001085000004", "999.99.99.H26", "X", "31/02/2025")]))
            {
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
                Assert.Equal(["row 4.Số định danh", "row 5.Mã đơn vị", "row 5.Từ ngày"], errors.Order());
            }

            Assert.Equal(0, (await CivilServantsAsync(leader, Ward, year)).GetProperty("filled").GetInt32()); // nothing written

            // Two more than the quota allows: the row that goes over is named, nothing written.
            using (var over = await ImportAsync(leader, [.. good, Row("Ba", "001085000005", Ward, "A"), Row("Bốn", "001085000006", Ward, "A")]))
            {
                Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
                Assert.Equal(["row 5.Mã đơn vị"], (await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
            }

            using (var imported = await ImportAsync(leader, good))
            {
                Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
                Assert.Equal(2, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("people").GetInt32());
            }

            Assert.Equal(2, (await CivilServantsAsync(leader, Ward, year)).GetProperty("filled").GetInt32());
            using (var again = await ImportAsync(leader, good))
            {
                Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // the same people twice: refused, named
            }

            using var officer = await app.ClientForAsync("canbo.trungvan");
            Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(officer, good)).StatusCode);
            using var garbage = new ByteArrayContent([1, 2, 3, 4, 5]);
            Assert.Equal(HttpStatusCode.BadRequest, (await leader.PostAsync("/api/staffing/import", garbage)).StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_people_page_appoints_a_new_person_at_once_or_saves_nothing_when_the_unit_is_full(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            const string Ward = "000.00.62.H26"; // Từ Liêm
            var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
            using var api = await app.ClientForAsync(CityLeader);
            using (var set = await api.PutAsJsonAsync($"/api/staffing/quotas/{Ward}/{today.Year}", new { category = "civilServant", quota = 1 }))
            {
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            }

            var post = await PositionAsync(api, Ward, "Công chức Tư pháp - Hộ tịch", 3);
            using var leader = await Pages.SignedInAsync(app, CityLeader);
            async Task<string> AddAsync(string idNumber, string name)
            {
                var token = Pages.AntiforgeryToken(await leader.GetStringAsync($"/Staffing/People?Unit={Ward}"));
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["NewPerson.FullName"] = name, ["NewPerson.IdNumber"] = idNumber, ["NewPerson.Category"] = "civilServant",
                    ["NewPerson.PositionId"] = post.ToString(), ["NewPerson.From"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
                using var response = await leader.PostAsync($"/Staffing/People?Unit={Ward}&handler=Person", form);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadAsStringAsync();
            }

            var added = await AddAsync("001085000101", "Lê Thị Hoa");
            Assert.Contains("data-testid=\"done\"", added);
            Assert.Contains("Lê Thị Hoa", added);
            Assert.Equal(1, (await CivilServantsAsync(api, Ward, today.Year)).GetProperty("filled").GetInt32());

            var full = await AddAsync("001085000102", "Trần Văn Nam");
            Assert.DoesNotContain("data-testid=\"done\"", full);
            Assert.Contains("1/1", System.Net.WebUtility.HtmlDecode(full)); // the figures, in the message
            Assert.Equal(1, (await CivilServantsAsync(api, Ward, today.Year)).GetProperty("filled").GetInt32());
            await PersonAsync(api, "001085000102", "Trần Văn Nam"); // the refused person was not saved either

            // The ward's specialist reads the page without its forms; another ward's officer does not find it.
            using var specialist = await Pages.SignedInAsync(app, "chuyenvien.phuongkhac");
            var read = await specialist.GetStringAsync($"/Staffing/People?Unit={Ward}");
            Assert.Contains("Lê Thị Hoa", read);
            Assert.DoesNotContain("data-testid=\"add-person\"", read);
            using var stranger = await Pages.SignedInAsync(app, "canbo.trungvan");
            using var hidden = await stranger.GetAsync($"/Staffing/People?Unit={Ward}");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        });
    }
}
