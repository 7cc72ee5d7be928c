using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Reports;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Reform;

/// <summary>The reform office's plans with measured and reported targets, and the findings to follow up, through the API, on both databases.</summary>
public sealed class ReformTests
{
    private const string Ward = "000.00.61.H26"; // Đại Mỗ
    private const string Leader = "lanhdao.trungvan";

    private static readonly string[] Satisfied = ["satisfied", "satisfied", "verySatisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied"];
    private static readonly string[] OneUnsatisfied = ["satisfied", "satisfied", "verySatisfied", "satisfied", "satisfied", "satisfied", "unsatisfied", "satisfied", "satisfied"];

    private static readonly string[] Justice = ["000.00.31.H26"];
    private static readonly string[] Members = ["Lê Quang Vinh – Trưởng ban", "Trần Văn Hùng – thành viên"];

    private static DateOnly Today(TestApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_measured_satisfaction_target_is_the_dashboards_figure_and_a_reported_one_keeps_its_evidence(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            foreach (var criteria in new[] { Satisfied, Satisfied, OneUnsatisfied })
            {
                var code = await Flow.ReceiveAsync(app, "2.000815");
                await Flow.ToResultReadyAsync(app, code);
                using var rated = await EvaluationTests.RateAsync(app, new { dossierCode = code, kind = "dossier", criteria });
                Assert.True(rated.StatusCode == HttpStatusCode.Created, await rated.Content.ReadAsStringAsync());
            }

            var today = Today(app);
            using var leader = await app.ClientForAsync(Leader);
            var plan = new
            {
                unitCode = Ward, name = "Kế hoạch cải cách hành chính", from = Day(new DateOnly(today.Year, 1, 1)), to = Day(new DateOnly(today.Year + 1, 12, 31)),
                decision = "KH 01/KH-UBND",
                targets = new object[]
                {
                    new { name = "Mức độ hài lòng của người dân", measure = "satisfaction", target = 90 },
                    new { name = "Thủ tục đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình", measure = (string?)null, target = 100 },
                    new { name = "Biên chế trong số được giao", measure = (string?)"withinQuota", target = 100 },
                },
            };
            using (var city = await app.ClientForAsync("lanhdao.thanhpho"))
            {
                using var quota = await city.PutAsJsonAsync($"/api/staffing/quotas/{Ward}/{today.Year}", new { category = "civilServant", quota = 2 });
                Assert.Equal(HttpStatusCode.OK, quota.StatusCode);
            }

            using var created = await leader.PostAsJsonAsync("/api/reform/plans", plan);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            var dashboard = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit={Ward}&from={Day(new DateOnly(today.Year, 1, 1))}&to={Day(today)}");
            var expected = dashboard.GetProperty("totals").GetProperty("satisfaction").GetDouble();
            Assert.Equal(66.67, expected);
            var view = await leader.GetFromJsonAsync<JsonElement>($"/api/reform/plans/{id}");
            var targets = view.GetProperty("targets").EnumerateArray().ToList();
            var measured = targets.Single(t => t.GetProperty("measure").GetString() == "satisfaction");
            var staffing = targets.Single(t => t.GetProperty("measure").GetString() == "withinQuota");
            Assert.Equal((100.0, true), (staffing.GetProperty("actual").GetDouble(), staffing.GetProperty("reached").GetBoolean())); // nobody in post: within the quota of 2
            Assert.StartsWith($"/Staffing?Unit={Ward}", staffing.GetProperty("source").GetString(), StringComparison.Ordinal);
            Assert.Equal(expected, measured.GetProperty("actual").GetDouble());
            Assert.False(measured.GetProperty("reached").GetBoolean());
            Assert.Contains("measure=rated", measured.GetProperty("source").GetString(), StringComparison.Ordinal);
            Assert.Single(measured.GetProperty("years").EnumerateArray()); // next year has not begun

            // The hand-reported target takes its value with evidence; the measured one refuses a hand value.
            var manual = targets.Single(t => !t.GetProperty("measured").GetBoolean()).GetProperty("id").GetGuid();
            using (var reported = await leader.PostAsJsonAsync($"/api/reform/plans/{id}/targets/{manual}/report", new { actual = 100, evidence = "Báo cáo số 15/BC-UBND" }))
            {
                Assert.Equal(HttpStatusCode.NoContent, reported.StatusCode);
            }

            using (var refused = await leader.PostAsJsonAsync($"/api/reform/plans/{id}/targets/{measured.GetProperty("id").GetGuid()}/report", new { actual = 99, evidence = "x" }))
            {
                Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            }

            view = await leader.GetFromJsonAsync<JsonElement>($"/api/reform/plans/{id}");
            var hand = view.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == manual);
            Assert.Equal((100.0, true, "Báo cáo số 15/BC-UBND"), (hand.GetProperty("actual").GetDouble(), hand.GetProperty("reached").GetBoolean(), hand.GetProperty("evidence").GetString()));

            // Bad input names the field.
            foreach (var (body, field) in new (object Body, string Field)[]
            {
                (new { unitCode = Ward, name = "X", from = "2026-01-01", to = "2026-12-31", targets = new[] { new { name = "A", measure = "satisfaction", target = 150 } } }, "targets[0].target"),
                (new { unitCode = Ward, name = "X", from = "2026-01-01", to = "2025-12-31", targets = new[] { new { name = "A", measure = "online", target = 50 } } }, "to"),
                (new { unitCode = (string?)null, name = "X", from = "2026-01-01", to = "2026-12-31", targets = new[] { new { name = "A", measure = "online", target = 50 } } }, "unitCode"),
                (new { unitCode = Ward, name = "X", from = "2026-01-01", to = "2026-12-31", targets = new[] { new { name = "A", measure = "speed", target = 50 } } }, "targets[0].measure"),
            })
            {
                using var bad = await leader.PostAsJsonAsync("/api/reform/plans", body);
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
            }

            // The unit's report to the city holds the plan's targets with their actuals.
            using (var report = await leader.GetAsync($"/api/reform/report.pdf?unit={Ward}&year={today.Year}"))
            {
                var text = Flow.PdfText(await report.Content.ReadAsByteArrayAsync());
                Assert.Contains("BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH", text, StringComparison.Ordinal);
                Assert.Contains("Mức độ hài lòng của người dân", text, StringComparison.Ordinal);
                Assert.Contains(expected.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")), text, StringComparison.Ordinal);
            }

            using (var excel = await leader.GetAsync($"/api/reform/report.xlsx?unit={Ward}&year={today.Year}"))
            {
                Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
            }

            // Another ward's leader does not see the plan.
            using var other = await app.ClientForAsync("lanhdao.phuongkhac");
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/reform/plans/{id}")).StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_finding_going_overdue_reaches_the_responsible_units_leaders_once(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var today = Today(app);
            using var leader = await app.ClientForAsync(Leader);
            using (var missing = await leader.PostAsJsonAsync("/api/reform/findings", new { source = "Đoàn giám sát HĐND", text = "Rà soát quy trình", deadline = Day(today) }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
                Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("responsibleUnit", out _));
            }

            using var created = await leader.PostAsJsonAsync("/api/reform/findings", new
            {
                source = "Đoàn giám sát của Ban Pháp chế HĐND thành phố", text = "Hoàn thành số hoá kết quả giải quyết thủ tục hành chính còn tồn đọng",
                responsibleUnit = Ward, coordinatingUnits = Justice, deadline = Day(today.AddDays(-1)),
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var listed = (await leader.GetFromJsonAsync<JsonElement>($"/api/reform/findings?unit={Ward}")).GetProperty("items").EnumerateArray().Single();
            Assert.True(listed.GetProperty("overdue").GetBoolean());

            Assert.Equal(1, await SweepAsync(app));
            Assert.Equal(0, await SweepAsync(app)); // told once
            var told = await app.WithDbAsync(db => db.Set<MotCua.Features.Notifications.OutboxMessage>().Where(m => m.Key.StartsWith("reform-finding/")).Select(m => m.Recipient).ToListAsync());
            Assert.Equal(["staff:lanhdao.trungvan"], told);

            // In the leader's inbox as overdue dossiers are, until done; not in an officer's.
            var inbox = await leader.GetFromJsonAsync<JsonElement>("/api/inbox?filter=findings");
            Assert.Equal(1, inbox.GetProperty("counts").GetProperty("findings").GetInt32());
            var item = inbox.GetProperty("items").EnumerateArray().Single();
            Assert.Equal(("finding", "Hoàn thành số hoá kết quả giải quyết thủ tục hành chính còn tồn đọng"), (item.GetProperty("kind").GetString(), item.GetProperty("procedureName").GetString()));
            Assert.Equal($"/Reform?Unit={Ward}#finding-{id:N}", item.GetProperty("link").GetString());
            using (var officer = await app.ClientForAsync("canbo.trungvan"))
            {
                var theirs = await officer.GetFromJsonAsync<JsonElement>("/api/inbox?filter=findings");
                Assert.Equal((0, 0), (theirs.GetProperty("counts").GetProperty("findings").GetInt32(), theirs.GetProperty("items").GetArrayLength()));
            }

            using (var done = await leader.PostAsJsonAsync($"/api/reform/findings/{id}/done", new { evidence = "Báo cáo số 20/BC-UBND" }))
            {
                Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
            }

            using (var again = await leader.PostAsJsonAsync($"/api/reform/findings/{id}/done", new { evidence = "lần hai" }))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            }

            listed = (await leader.GetFromJsonAsync<JsonElement>($"/api/reform/findings?unit={Ward}")).GetProperty("items").EnumerateArray().Single();
            Assert.Equal(("done", false), (listed.GetProperty("status").GetString(), listed.GetProperty("overdue").GetBoolean()));
            Assert.Equal(0, (await leader.GetFromJsonAsync<JsonElement>("/api/inbox")).GetProperty("counts").GetProperty("findings").GetInt32());
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_committee_and_its_meeting_are_recorded_from_the_forms_page_and_a_bad_one_names_its_field(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var browser = await Pages.SignedInAsync(app, Leader);
            using var api = await app.ClientForAsync(Leader);
            var url = $"/Reform/Edit?Unit={Ward}";
            async Task<string> PostAsync(string handler, Dictionary<string, string> fields)
            {
                using var response = await Pages.PostFormAsync(browser, $"{url}&handler={handler}", fields);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            }

            var committee = new Dictionary<string, string>
            {
                ["Committee.Name"] = "Ban Chỉ đạo cải cách hành chính phường", ["Committee.Decision"] = "Quyết định số 15/QĐ-UBND", ["Committee.Members"] = " \n ",
            };
            var refused = await PostAsync("Committee", committee);
            Assert.Contains("Nhập thành viên, mỗi người một dòng", refused, StringComparison.Ordinal); // under the members' field
            Assert.DoesNotContain("data-testid=\"done\"", refused, StringComparison.Ordinal);
            Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/reform/committees?unit={Ward}")).GetProperty("items").EnumerateArray());

            committee["Committee.Members"] = "Lê Quang Vinh – Trưởng ban\nTrần Văn Hùng – thành viên";
            Assert.Contains("Đã thêm ban chỉ đạo.", await PostAsync("Committee", committee));
            var added = (await api.GetFromJsonAsync<JsonElement>($"/api/reform/committees?unit={Ward}")).GetProperty("items").EnumerateArray().Single();
            Assert.Equal(Members, added.GetProperty("members").EnumerateArray().Select(m => m.GetString()));

            var meeting = new Dictionary<string, string>
            {
                ["Meeting.Committee"] = added.GetProperty("id").GetString()!, ["Meeting.HeldOn"] = Day(Today(app)), ["Meeting.Conclusions"] = "Giao văn phòng rà soát quy trình nội bộ",
            };
            Assert.Contains("Đã ghi cuộc họp.", await PostAsync("Meeting", meeting));
            var met = (await api.GetFromJsonAsync<JsonElement>($"/api/reform/committees?unit={Ward}")).GetProperty("items")[0].GetProperty("meetings").EnumerateArray().Single();
            Assert.Equal("Giao văn phòng rà soát quy trình nội bộ", met.GetProperty("conclusions").GetString());
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task An_index_year_is_self_assessed_measured_appraised_ranked_and_exported(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var code = await Flow.ReceiveAsync(app, "2.000815");
            await Flow.ToResultReadyAsync(app, code);
            using (var rated = await EvaluationTests.RateAsync(app, new { dossierCode = code, kind = "dossier", criteria = Satisfied }))
            {
                Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
            }

            var year = Today(app).Year;
            using var ward = await app.ClientForAsync(Leader);
            using (var self = await ward.PutAsJsonAsync($"/api/reform/index/{year}/{Ward}/1.1", new { self = 4, evidence = "Kế hoạch 01/KH-UBND" }))
            {
                Assert.Equal(HttpStatusCode.OK, self.StatusCode);
            }

            using (var over = await ward.PutAsJsonAsync($"/api/reform/index/{year}/{Ward}/1.1", new { self = 4.5 }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
                Assert.True((await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("self", out _));
            }

            // The evidence as a scan: kept as one PDF, linked from the criterion.
            using (var evidence = new MultipartFormDataContent { { new ByteArrayContent(MotCua.Tests.Builders.TestImages.QrPng("KH 01/KH-UBND")), "files", "ke-hoach.png" } })
            using (var attached = await ward.PostAsync($"/api/reform/index/{year}/{Ward}/1.1/evidence", evidence))
            {
                Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
                var link = (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groups")[0].GetProperty("criteria")[0].GetProperty("evidenceFile").GetString();
                using var file = await ward.GetAsync(link);
                Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            }

            using (var own = await ward.PutAsJsonAsync($"/api/reform/index/{year}/{Ward}/1.1", new { appraised = 4 }))
            {
                Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode); // the city appraises, not the ward itself
            }

            // Measured: the satisfaction criterion is its share of 20 points, from the dashboard's figure for the year.
            using (var measured = await ward.PostAsync($"/api/reform/index/{year}/{Ward}/measure", null))
            {
                Assert.Equal(HttpStatusCode.OK, measured.StatusCode);
            }

            var dashboard = await ward.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit={Ward}&from={Day(new DateOnly(year, 1, 1))}&to={Day(Today(app))}");
            var index = await ward.GetFromJsonAsync<JsonElement>($"/api/reform/index/{year}?unit={Ward}");
            var satisfaction = index.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("criteria").EnumerateArray()).Single(c => c.GetProperty("code").GetString() == "8.1");
            Assert.Equal(Math.Round(20 * dashboard.GetProperty("totals").GetProperty("satisfaction").GetDecimal() / 100, 2), satisfaction.GetProperty("measuredPoints").GetDecimal());
            Assert.Equal(100m, index.GetProperty("max").GetDecimal());

            foreach (var (leader, unit, points) in new[] { ("lanhdao.phuongkhac", "000.00.62.H26", 3), ("lanhdao.xuanphuong", "000.00.63.H26", 2) })
            {
                using var other = await app.ClientForAsync(leader);
                using var scored = await other.PutAsJsonAsync($"/api/reform/index/{year}/{unit}/1.1", new { self = points });
                Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
            }

            using var city = await app.ClientForAsync("lanhdao.thanhpho");
            using (var appraised = await city.PutAsJsonAsync($"/api/reform/index/{year}/{Ward}/1.1", new { appraised = 3.5 }))
            {
                Assert.Equal(HttpStatusCode.OK, appraised.StatusCode);
            }

            var expected = (await city.GetFromJsonAsync<JsonElement>($"/api/reform/index/{year}?unit={Ward}")).GetProperty("score").GetDecimal();
            var ranking = (await city.GetFromJsonAsync<JsonElement>($"/api/reform/ranking/{year}?level=ward")).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(["000.00.61.H26", "000.00.62.H26", "000.00.63.H26"], ranking.Select(r => r.GetProperty("unitCode").GetString()));
            Assert.Equal([1, 2, 3], ranking.Select(r => r.GetProperty("rank").GetInt32()));
            Assert.Equal([expected, 3m, 2m], ranking.Select(r => r.GetProperty("score").GetDecimal()));
            Assert.True(ranking[0].GetProperty("appraised").GetBoolean());
            Assert.Equal(JsonValueKind.Null, ranking[0].GetProperty("previousRank").ValueKind);

            using (var pdf = await city.GetAsync($"/api/reform/ranking/{year}.pdf?level=ward"))
            {
                Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
                var text = Flow.PdfText(await pdf.Content.ReadAsByteArrayAsync());
                Assert.Contains("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", text, StringComparison.Ordinal);
                Assert.Contains("Phường Đại Mỗ", text, StringComparison.Ordinal);
            }

            using (var excel = await city.GetAsync($"/api/reform/ranking/{year}.xlsx?level=ward"))
            {
                Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
                Assert.Equal((byte)'P', (await excel.Content.ReadAsByteArrayAsync())[0]);
            }

            Assert.Equal(HttpStatusCode.BadRequest, (await city.GetAsync($"/api/reform/ranking/{year}?level=city")).StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_legal_document_that_expires_flags_the_procedures_resting_on_it(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            const string City = "000.00.00.H26";
            using var city = await app.ClientForAsync("lanhdao.thanhpho");
            async Task<HttpResponseMessage> AddAsync(string number, string issuedOn, string effectiveFrom, string[]? replaces = null) =>
                await city.PostAsJsonAsync("/api/reform/legal-documents", new { unitCode = City, number, type = "Luật", title = "Văn bản " + number, issuedOn, effectiveFrom, replaces });

            using (var law = await AddAsync("50/2014/QH13", "2014-06-18", "2015-01-01"))
            {
                Assert.Equal(HttpStatusCode.Created, law.StatusCode);
            }

            async Task<JsonElement> DocumentAsync(string number) =>
                (await city.GetFromJsonAsync<JsonElement>($"/api/reform/legal-documents?unit={City}")).GetProperty("items").EnumerateArray().Single(d => d.GetProperty("number").GetString() == number);

            var inForce = await DocumentAsync("50/2014/QH13");
            Assert.NotEmpty(inForce.GetProperty("procedures").EnumerateArray()); // the construction permits cite it
            Assert.Equal(("inForce", JsonValueKind.Null), (inForce.GetProperty("status").GetString(), inForce.GetProperty("flag").ValueKind));

            foreach (var (number, issued, replaces) in new[] { ("01/2026/QĐ-UBND", "2026-01-05", "01/2026/QĐ-UBND"), ("02/2013/QĐ-UBND", "2013-01-05", "50/2014/QH13") })
            {
                using var bad = await AddAsync(number, issued, issued, [replaces]);
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode); // replacing itself; replacing one issued later
                Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("replaces", out _));
            }

            // A later law replaces it: it ends the day before, and what rests on it is flagged.
            using (var replacing = await AddAsync("135/2025/QH15", "2025-06-24", "2026-07-01", ["50/2014/QH13"]))
            {
                Assert.Equal(HttpStatusCode.Created, replacing.StatusCode);
            }

            var replaced = await DocumentAsync("50/2014/QH13");
            Assert.Equal(("expired", "expired", "2026-06-30"), (replaced.GetProperty("status").GetString(), replaced.GetProperty("flag").GetString(), replaced.GetProperty("expiresOn").GetString()));
            Assert.Equal(["135/2025/QH15"], replaced.GetProperty("replacedBy").EnumerateArray().Select(n => n.GetString()));

            // The periodic review records a document partly in force, with its reason.
            using (var review = await city.PutAsJsonAsync($"/api/reform/legal-documents/{(await DocumentAsync("135/2025/QH15")).GetProperty("id").GetGuid()}/review", new { status = "partlyInForce" }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, review.StatusCode); // no reason
            }
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_steering_committee_keeps_its_members_and_meetings_and_a_plan_assigns_tasks(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var leader = await app.ClientForAsync(Leader);
            using (var bad = await leader.PostAsJsonAsync("/api/reform/committees", new { unitCode = Ward, name = "Ban Chỉ đạo", decision = "QĐ 01", members = Array.Empty<string>() }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("members", out _));
            }

            using var created = await leader.PostAsJsonAsync("/api/reform/committees", new
            {
                unitCode = Ward, name = "Ban Chỉ đạo cải cách hành chính phường", decision = "Quyết định 01/QĐ-UBND", regulation = "Quy chế kèm Quyết định 02/QĐ-BCĐ",
                members = Members,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using (var meeting = await leader.PostAsJsonAsync($"/api/reform/committees/{id}/meetings", new { heldOn = "2026-01-15", conclusions = "Giao số hoá 100 % hồ sơ" }))
            {
                Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
            }

            var committee = (await leader.GetFromJsonAsync<JsonElement>($"/api/reform/committees?unit={Ward}")).GetProperty("items").EnumerateArray().Single();
            Assert.Equal(2, committee.GetProperty("members").GetArrayLength());
            Assert.Equal("Giao số hoá 100 % hồ sơ", committee.GetProperty("meetings")[0].GetProperty("conclusions").GetString());
            using var other = await app.ClientForAsync("lanhdao.phuongkhac");
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/reform/committees/{id}/meetings", new { heldOn = "2026-01-15", conclusions = "x" })).StatusCode);

            // A plan's task is a finding with the plan: listed as a task.
            using var plan = await leader.PostAsJsonAsync("/api/reform/plans", new { unitCode = Ward, name = "Kế hoạch năm", from = "2026-01-01", to = "2026-12-31", targets = new[] { new { name = "Số hoá", measure = "digitised", target = 80 } } });
            var planId = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using (var task = await leader.PostAsJsonAsync("/api/reform/findings", new { source = "Kế hoạch năm", planId, text = "Số hoá sổ hộ tịch", responsibleUnit = Ward, deadline = "2026-12-31" }))
            {
                Assert.Equal(HttpStatusCode.Created, task.StatusCode);
            }

            using (var unknown = await leader.PostAsJsonAsync("/api/reform/findings", new { source = "X", planId = Guid.NewGuid(), text = "Y", responsibleUnit = Ward, deadline = "2026-12-31" }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            }

            var listed = (await leader.GetFromJsonAsync<JsonElement>($"/api/reform/findings?unit={Ward}")).GetProperty("items").EnumerateArray().Single();
            Assert.Equal("task", listed.GetProperty("kind").GetString());
        });
    }

    private static async Task<int> SweepAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MotCua.Features.Reform.FindingSweeper>().SweepAsync();
    }
}
