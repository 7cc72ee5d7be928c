using System.Text.RegularExpressions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Notifications;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Reports;

/// <summary>The double evaluation (DOMAIN §9) through the public endpoint, as the device and the QR page send it.</summary>
public sealed class EvaluationTests
{
    private static readonly string[] AllSatisfied = [.. Enumerable.Repeat("satisfied", 9)];
    private static readonly string[] OneWrong = ["satisfied", "satisfied", "satisfied", "meh", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied"];

    /// <summary>Posts an evaluation with the proof its kind needs, as the counter screen (a fresh token) or the QR page (the key) sends it.</summary>
    public static async Task<HttpResponseMessage> RateAsync(TestApp app, object body)
    {
        var json = JsonSerializer.SerializeToNode(body)!.AsObject();
        if (json["dossierCode"]?.GetValue<string>() is { } code)
        {
            if (json["kind"]?.GetValue<string>() == "dossier")
            {
                json["key"] = await app.WithDbAsync(db => db.Set<MotCua.Features.Dossiers.Dossier>().Where(d => d.Code == code).Select(d => d.TrackingKey).FirstOrDefaultAsync()) ?? "NO-SUCH-KEY";
            }
            else
            {
                json["token"] = app.Services.GetRequiredService<MotCua.Features.Feedback.CounterRatingTokens>().Issue(code, "canbo.trungvan");
            }
        }

        return await RateWithoutProofAsync(app, json);
    }

    public static async Task<HttpResponseMessage> RateWithoutProofAsync(TestApp app, object body)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/evaluations", body);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Bad_evaluations_are_refused_with_the_field_named(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            using (var unknown = await RateAsync(app, new { dossierCode = "001.00.61.H26-270301-9999", kind = "counter", rating = 4 }))
            {
                Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
                Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
            }

            foreach (var (body, field) in new (object, string)[]
            {
                (new { dossierCode = code, kind = "counter", rating = 5 }, "rating"),
                (new { dossierCode = code, kind = "counter", rating = 0 }, "rating"),
                (new { dossierCode = code, kind = "counter" }, "rating"),
                (new { dossierCode = code, kind = "stars", rating = 3 }, "kind"),
                (new { dossierCode = code, kind = "dossier", criteria = AllSatisfied[..8] }, "criteria"),
                (new { dossierCode = code, kind = "dossier", criteria = OneWrong }, "criteria[3]"),
                (new { dossierCode = code, kind = "dossier", criteria = AllSatisfied, complaint = "weather" }, "complaint"),
                (new { kind = "counter", rating = 3 }, "dossierCode"),
            })
            {
                using var response = await RateAsync(app, body);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
                Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{field} named in {text}");
            }

            Assert.Equal(0, await app.WithDbAsync(db => db.Set<MotCua.Features.Feedback.Evaluation>().CountAsync()));
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task One_evaluation_per_dossier_changeable_within_the_window_then_closed(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            using (var first = await RateAsync(app, new { dossierCode = code, kind = "counter", rating = 2 }))
            {
                Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            }

            app.Clock.Advance(TimeSpan.FromMinutes(2));
            using (var changed = await RateAsync(app, new { dossierCode = code, kind = "counter", rating = 3 }))
            {
                Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
                Assert.Equal(3, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rating").GetInt32());
            }

            app.Clock.Advance(TimeSpan.FromDays(4));
            using (var late = await RateAsync(app, new { dossierCode = code, kind = "counter", rating = 1 }))
            {
                Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
                Assert.Contains("chỉ được sửa", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var kept = await app.WithDbAsync(db => db.Set<MotCua.Features.Feedback.Evaluation>().SingleAsync());
            Assert.Equal((3, 1, "canbo.trungvan"), (kept.Rating!.Value, kept.Changes, kept.Officer!));
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task The_online_service_criterion_does_not_apply_to_a_dossier_filed_at_the_counter(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        app.Clock.SetUtcNow(Flow.Monday);
        var atCounter = await Flow.ReceiveAsync(app, "2.000815", "001090400031");
        await Flow.ToResultReadyAsync(app, atCounter);
        var key = (await Flow.GetAsync(app, atCounter)).GetProperty("trackingKey").GetString();

        // The form does not ask it: it says it does not apply.
        using var citizen = Pages.Browser(app);
        var form = await citizen.GetStringAsync($"/danh-gia/{atCounter}?key={key}");
        Assert.Contains("Không áp dụng: hồ sơ này không nộp trực tuyến.", System.Net.WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.Equal(8, Regex.Count(form, "name=\"Criteria\\[\\d\\]\" value=\"verySatisfied\""));

        // Rated "very satisfied" throughout: 16 of the 16 points that apply, the ninth recorded as not applying.
        using (var rated = await RateAsync(app, new { dossierCode = atCounter, kind = "dossier", criteria = Enumerable.Repeat("verySatisfied", 9), source = "qr" }))
        {
            var body = await rated.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
            Assert.Equal(16, body.GetProperty("points").GetInt32());
            Assert.Equal(16, body.GetProperty("maxPoints").GetInt32());
            Assert.Equal("notApplicable", body.GetProperty("criteria")[8].GetString());
        }

        // Filed online, the online service applies: "not applicable" is refused there, and on any other criterion.
        using var officer = await app.ClientForAsync("canbo.trungvan");
        using var created = await officer.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "2.000815", channel = "online", applicant = new { idNumber = "001090400032", fullName = "Lê Thị Hoa", email = "hoa@example.vn" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var online = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await Flow.ToResultReadyAsync(app, online);
        var notApplying = AllSatisfied.ToArray();
        notApplying[8] = "notApplicable";
        using (var refused = await RateAsync(app, new { dossierCode = online, kind = "dossier", criteria = notApplying, source = "qr" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("criteria[8]", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        notApplying[8] = "satisfied";
        notApplying[2] = "notApplicable";
        using (var refused = await RateAsync(app, new { dossierCode = online, kind = "dossier", criteria = notApplying, source = "qr" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var full = await RateAsync(app, new { dossierCode = online, kind = "dossier", criteria = AllSatisfied, source = "qr" });
        Assert.Equal(9, (await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").GetInt32());
    });

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Good_at_the_counter_and_bad_after_the_result_is_flagged_to_the_leader(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            using (var counter = await RateAsync(app, new { dossierCode = code, kind = "counter", rating = 4, source = "device" }))
            {
                Assert.Equal(HttpStatusCode.Created, counter.StatusCode);
            }

            await Flow.ToResultReadyAsync(app, code);
            await Flow.ActAsync(app, "canbo.trungvan", code, "returnResult", new { receivedBy = "Nguyễn Văn An" });
            var criteria = AllSatisfied.ToArray();
            criteria[6] = "unsatisfied"; // the officers' attitude
            using (var after = await RateAsync(app, new { dossierCode = code, kind = "dossier", criteria, source = "qr" }))
            {
                var body = await after.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(HttpStatusCode.Created, after.StatusCode);
                Assert.True(body.GetProperty("disagreement").GetBoolean());
                Assert.True(body.GetProperty("unsatisfied").GetBoolean());
                Assert.Equal(7, body.GetProperty("points").GetInt32()); // 7 satisfied; no online service to rate for a counter dossier
                Assert.Equal(16, body.GetProperty("maxPoints").GetInt32());
            }

            var told = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key.Contains("/disagreement/")).Select(m => m.Recipient).ToListAsync());
            Assert.Contains("staff:lanhdao.trungvan", told);
            Assert.DoesNotContain("staff:canbo.trungvan", told);

            using var leader = await app.ClientForAsync("lanhdao.trungvan");
            var flagged = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dossiers?unit=000.00.61.H26&from=2027-03-01&to=2027-03-01&measure=disagreement");
            Assert.Equal(code, flagged.GetProperty("items")[0].GetProperty("code").GetString());

            // The citizen changes their mind: the two agree again and the flag goes.
            using (var changed = await RateAsync(app, new { dossierCode = code, kind = "dossier", criteria = AllSatisfied }))
            {
                Assert.False((await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disagreement").GetBoolean());
            }
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_citizen_facing_screen_is_asked_about_the_transaction_the_officer_just_finished(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var prompt = await officer.GetFromJsonAsync<JsonElement>("/api/evaluations/counter-prompt");
            Assert.Equal(code, prompt.GetProperty("dossierCode").GetString());
            using (var other = await app.ClientForAsync("canbo.phuongkhac"))
            using (var none = await other.GetAsync("/api/evaluations/counter-prompt"))
            {
                Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
            }

            using (var pressed = await RateWithoutProofAsync(app, new { dossierCode = code, kind = "counter", rating = 3, source = "device", token = prompt.GetProperty("token").GetString() }))
            {
                Assert.Equal(HttpStatusCode.Created, pressed.StatusCode);
            }

            using var after = await officer.GetAsync("/api/evaluations/counter-prompt");
            Assert.Equal(HttpStatusCode.NoContent, after.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_device_hammering_the_evaluation_endpoint_is_rate_limited(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var client = app.CreateClient();
            for (var i = 0; i < 5; i++)
            {
                using var refused = await client.PostAsJsonAsync("/api/evaluations", new { dossierCode = "001.00.61.H26-270301-9999", kind = "counter", rating = 4 });
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode); // no proof
            }

            using var limited = await client.PostAsJsonAsync("/api/evaluations", new { dossierCode = "001.00.61.H26-270301-9999", kind = "counter", rating = 4 });
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.NotNull(limited.Headers.RetryAfter);
        }, new Dictionary<string, string?> { ["RateLimiting:PublicPerMinute"] = "5" });
    }
}
