using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Reports;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Feedback;

/// <summary>Nobody rates without proof: the counter screen's one-transaction token, or the dossier's tracking key after the result.</summary>
public sealed class EvaluationProofTests
{
    private static readonly string[] AllSatisfied = [.. Enumerable.Repeat("satisfied", 9)];

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_stranger_cannot_change_a_counter_rating(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            var other = await Flow.ReceiveAsync(app, "2.000815", "001090123457");
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var prompt = await officer.GetFromJsonAsync<JsonElement>($"/api/evaluations/counter-prompt?dossier={code}");
            var token = prompt.GetProperty("token").GetString();
            using (var pressed = await EvaluationTests.RateWithoutProofAsync(app, new { dossierCode = code, kind = "counter", rating = 4, token }))
            {
                Assert.Equal(HttpStatusCode.Created, pressed.StatusCode);
            }

            foreach (var forged in new object[]
            {
                new { dossierCode = code, kind = "counter", rating = 1 },
                new { dossierCode = code, kind = "counter", rating = 1, token = "forged" },
                new { dossierCode = code, kind = "counter", rating = 1, token = await TokenForAsync(officer, other) },
            })
            {
                using var refused = await EvaluationTests.RateWithoutProofAsync(app, forged);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }

            // The token expires with the prompt.
            app.Clock.Advance(TimeSpan.FromMinutes(11));
            using (var late = await EvaluationTests.RateWithoutProofAsync(app, new { dossierCode = code, kind = "counter", rating = 1, token }))
            {
                Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
            }

            Assert.Equal(4, await app.WithDbAsync(db => db.Set<MotCua.Features.Feedback.Evaluation>().Where(e => e.DossierCode == code).Select(e => e.Rating).SingleAsync()));
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_dossier_is_rated_only_with_its_tracking_key_and_only_after_the_result(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            var key = (await Flow.GetAsync(app, code)).GetProperty("trackingKey").GetString();
            using (var noKey = await EvaluationTests.RateWithoutProofAsync(app, new { dossierCode = code, kind = "dossier", criteria = AllSatisfied }))
            {
                Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
            }

            using (var wrongKey = await EvaluationTests.RateWithoutProofAsync(app, new { dossierCode = code, kind = "dossier", criteria = AllSatisfied, key = "ABCDE-FGHJK" }))
            {
                Assert.Equal(HttpStatusCode.Forbidden, wrongKey.StatusCode);
            }

            using (var early = await EvaluationTests.RateWithoutProofAsync(app, new { dossierCode = code, kind = "dossier", criteria = AllSatisfied, key }))
            {
                Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            }

            await Flow.ToResultReadyAsync(app, code);
            using (var rated = await EvaluationTests.RateWithoutProofAsync(app, new { dossierCode = code, kind = "dossier", criteria = AllSatisfied, key }))
            {
                Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
            }

            Assert.Equal(1, await app.WithDbAsync(db => db.Set<MotCua.Features.Feedback.Evaluation>().CountAsync(e => e.DossierCode == code)));
        });
    }

    private static async Task<string?> TokenForAsync(HttpClient officer, string code) =>
        (await officer.GetFromJsonAsync<JsonElement>($"/api/evaluations/counter-prompt?dossier={code}")).GetProperty("token").GetString();
}
