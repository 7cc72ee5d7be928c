using MotCua.Infrastructure.Database;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Tests.Features.Workflow;

/// <summary>The two bundles of the inter-agency one-stop: one dossier at the ward counter, handled in turn by the ward, the police and social insurance.</summary>
public sealed class InterAgencyTests
{
    public static TheoryData<DatabaseProvider, string> Bundles => Databases.Cross("1.000001.H26", "1.000002.H26");

    [SkippableTheory]
    [MemberData(nameof(Bundles))]
    public async Task A_bundle_passes_through_each_agency_in_turn_and_comes_back_to_the_counter(DatabaseProvider provider, string bundle)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, bundle);
            using (var police = await app.ClientForAsync("congan.daimo"))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/dossiers/{code}")).StatusCode); // not theirs yet
            }

            await Flow.ActAsync(app, "canbo.trungvan", code, "forward");
            await Flow.ActAsync(app, "chuyenvien.trungvan", code, "forward");
            var signed = await Flow.ActAsync(app, "lanhdao.trungvan", code, "approve");
            Assert.Equal("inProgress", signed.GetProperty("status").GetString()); // the civil-status part is signed; the police are next

            var policeInbox = await Flow.InboxAsync(app, "congan.daimo");
            var item = policeInbox.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
            Assert.Contains("Công an", item.GetProperty("step").GetString(), StringComparison.Ordinal);
            Assert.True(Flow.Vn(item, "stepDueAt") >= Flow.Monday.AddDays(3), "the police get their own allotted time (three or four working days)");
            Assert.Equal(HttpStatusCode.Forbidden, (await Flow.TryAsync(app, "chuyenvien.trungvan", code, "forward")).StatusCode); // the ward cannot act for the police
            using (var otherWard = await app.ClientForAsync("canbo.phuongkhac"))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await otherWard.GetAsync($"/api/dossiers/{code}")).StatusCode);
            }

            await Flow.ActAsync(app, "congan.daimo", code, "forward");
            Assert.True(Flow.InboxHas(await Flow.InboxAsync(app, "bhxh.thanhpho"), code));
            Assert.False(Flow.InboxHas(await Flow.InboxAsync(app, "congan.daimo"), code));
            var ready = await Flow.ActAsync(app, "bhxh.thanhpho", code, "issueResult");
            Assert.Equal("resultReady", ready.GetProperty("status").GetString());
            Assert.True(Flow.InboxHas(await Flow.InboxAsync(app, "canbo.trungvan"), code), "the results are gathered back at the counter");
            await Flow.ActAsync(app, "canbo.trungvan", code, "returnResult", new { receivedBy = "Nguyễn Văn An" });

            var progress = await Flow.ProgressAsync(app, code);
            var agencies = progress.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("unitCode").GetString()).Distinct().ToList();
            Assert.Equal(["001.00.61.H26", "000.00.61.H26", "003.00.61.H26", "000.00.35.H26"], agencies);
            Assert.Equal(6, progress.GetProperty("controlSlip").GetArrayLength()); // one row per hand-over, the return included
            using var api = await app.ClientForAsync("canbo.trungvan");
            var pdf = await api.GetByteArrayAsync($"/api/dossiers/{code}/control-slip.pdf");
            var text = Flow.PdfText(pdf);
            Assert.Contains("PHIẾU KIỂM SOÁT", text, StringComparison.Ordinal);
            Assert.Contains("Mẫu số 06", text, StringComparison.Ordinal); // a 2027 dossier: the 2025 form set
            Assert.True((await api.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify")).GetProperty("intact").GetBoolean());
        });
    }
}
