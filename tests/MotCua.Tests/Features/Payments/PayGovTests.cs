using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using MotCua.Features.Payments.PayGov;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Payments;

/// <summary>
/// The national payment platform behind the payment port: its checksums by the configured fields, and a payment end to
/// end through its sandbox on both databases. No published test vectors of the platform were found (its integration
/// document is given to agencies when they connect); the vectors here are the default configuration's own: the values
/// of the named fields joined by "|", HMAC-SHA256 with the secret, computed independently of MotCua's code.
/// </summary>
public sealed class PayGovTests
{
    private const string An = "001090123456";
    private const string Secret = "paygov_test_secret";
    private const string Partner = "MOTCUA-TEST";

    private static readonly Dictionary<string, string?> Platform = new()
    {
        ["Payments:PayGov:PartnerCode"] = Partner,
        ["Payments:PayGov:SecretKey"] = Secret,
    };

    private static string Hmac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(text)));

    private static PayGovProtocol Protocol(Action<PayGovOptions>? change = null)
    {
        var options = new PayGovOptions { PartnerCode = Partner, SecretKey = Secret };
        change?.Invoke(options);
        return new PayGovProtocol(options);
    }

    private static JsonObject Confirm(string reference, string amount, string code = "00", string partner = Partner) => new()
    {
        ["LoaiBanTin"] = "confirm", ["PhienBan"] = "2.0", ["MaDoiTac"] = partner, ["MaThamChieu"] = reference, ["SoTien"] = amount,
        ["MaGiaoDich"] = "77001234", ["MaLoi"] = code, ["ThoiGianGD"] = "20270301091000",
    };

    [Fact]
    public void The_checksum_covers_the_configured_fields_in_order_and_a_changed_field_or_partner_breaks_it()
    {
        var message = Confirm("REF1", "2000");
        var p = Protocol();
        Assert.Equal(Hmac("confirm|2.0|MOTCUA-TEST|REF1|2000|77001234|00|20270301091000"), p.Checksum(message, PayGovFields.Confirm));
        Assert.True(p.Verify(p.Sign(message, PayGovFields.Confirm), PayGovFields.Confirm));

        var tampered = (JsonObject)message.DeepClone();
        tampered["SoTien"] = "200";
        Assert.False(p.Verify(tampered, PayGovFields.Confirm));
        Assert.False(Protocol(o => o.PartnerCode = "OTHER").Verify(message, PayGovFields.Confirm));
        Assert.False(Protocol(o => o.SecretKey = "another").Verify(message, PayGovFields.Confirm));

        // Where the sources disagree, configuration says: another wire name, other covered fields, the SHA-256 variant.
        var renamed = Protocol(o =>
        {
            o.Fields["Checksum"] = "ChecksumValue";
            o.ChecksumFields["confirm"] = ["Reference", "Amount", "ErrorCode"];
            o.Hash = "SHA256";
        });
        var signed = renamed.Sign(Confirm("REF1", "2000"), PayGovFields.Confirm);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("REF1|2000|00|" + Secret))), signed["ChecksumValue"]!.GetValue<string>());
        Assert.True(renamed.Verify(signed, PayGovFields.Confirm));
    }

    private static async Task<JsonElement> NotifyAsync(TestApp app, JsonObject message)
    {
        using var platform = app.CreateClient();
        using var response = await platform.PostAsJsonAsync("/api/payments/paygov/notify", message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_citizen_pays_through_the_national_platform_and_only_its_signed_notification_settles_it(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            Uri payUrl;
            using (var an = await app.ClientForAsync(An))
            {
                using var started = await an.PostAsJsonAsync($"/api/portal/dossiers/{code}/payments", new { provider = "paygov" });
                Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
                payUrl = new Uri((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentUrl").GetString()!);
            }

            Assert.Equal("/sandbox/paygov/pay", payUrl.AbsolutePath);
            var reference = QueryHelpers.ParseQuery(payUrl.Query)["ref"].ToString();

            // A notification with a bad checksum, for an unknown bill or with the wrong amount changes nothing.
            var p = Protocol();
            Assert.Equal("97", (await NotifyAsync(app, Confirm(reference, "2000"))).GetProperty("MaLoi").GetString()); // unsigned
            Assert.Equal("97", (await NotifyAsync(app, p.Sign(Confirm(reference, "2000", partner: "SOMEONE"), PayGovFields.Confirm))).GetProperty("MaLoi").GetString());
            Assert.Equal("01", (await NotifyAsync(app, p.Sign(Confirm("NOSUCHREF", "2000"), PayGovFields.Confirm))).GetProperty("MaLoi").GetString());
            Assert.Equal("04", (await NotifyAsync(app, p.Sign(Confirm(reference, "200"), PayGovFields.Confirm))).GetProperty("MaLoi").GetString());
            Assert.Equal("97", (await NotifyAsync(app, new JsonObject())).GetProperty("MaLoi").GetString());

            // The citizen's return before the platform's word, even signed as paid, reads as waiting.
            using var browser = Pages.Browser(app);
            var answer = p.Sign(new JsonObject { ["MaDoiTac"] = Partner, ["MaThamChieu"] = reference, ["MaLoi"] = "00" }, PayGovFields.Answer);
            var early = await browser.GetStringAsync("/payments/paygov/return?" + string.Join('&', answer.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value!.GetValue<string>()))));
            Assert.Contains("data-testid=\"return-pending\"", early, StringComparison.Ordinal);

            // The tester pays on the platform's page: the platform notifies MotCua, which records it once.
            var page = await browser.GetStringAsync(payUrl.PathAndQuery);
            Assert.Contains("data-testid=\"pay-amount\"", page, StringComparison.Ordinal);
            Assert.Contains("Nguyễn Văn An", page, StringComparison.Ordinal); // the receipt's data reached the platform
            using var paid = await Pages.PostFormAsync(browser, payUrl.PathAndQuery, new() { ["ref"] = reference, ["Answer"] = "00" });
            Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
            var back = paid.Headers.Location!;
            Assert.StartsWith("/payments/paygov/return", back.IsAbsoluteUri ? back.AbsolutePath : back.OriginalString, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"return-paid\"", await browser.GetStringAsync(back), StringComparison.Ordinal);

            using var officer = await app.ClientForAsync("canbo.trungvan");
            var fees = await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/fees");
            Assert.Equal(0m, fees.GetProperty("due").GetDecimal());
            var payment = (await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/payments")).GetProperty("items").EnumerateArray().Single(x => x.GetProperty("provider").GetString() == "paygov");
            Assert.Equal("paid", payment.GetProperty("status").GetString());
            using (var receipt = await officer.GetAsync(payment.GetProperty("receiptUrl").GetString()))
            {
                Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
            }

            // The platform's notification again: already confirmed, nothing twice.
            var replay = await NotifyAsync(app, p.Sign(Confirm(reference, "2000"), PayGovFields.Confirm));
            Assert.Equal("02", replay.GetProperty("MaLoi").GetString());
            Assert.True(p.Verify(JsonNode.Parse(replay.GetRawText())!.AsObject(), PayGovFields.Answer), "MotCua signs its answers");
            Assert.Equal(1, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.Set<MotCua.Features.Payments.Payment>(), x => x.Provider == "paygov" && x.ReceiptNumber != null)));

            // The platform refunds through the State Treasury, not by message: MotCua never reads it as refunded.
            using var leader = await app.ClientForAsync("lanhdao.trungvan");
            Assert.Equal(HttpStatusCode.Conflict, (await leader.PostAsync($"/api/payments/{payment.GetProperty("id").GetGuid()}/refund", null)).StatusCode);
        }, Platform);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_lost_notification_is_settled_by_asking_the_platform(DatabaseProvider provider)
    {
        var lost = new Dictionary<string, string?>(Platform) { ["Payments:PayGov:NotifyUrl"] = "/nowhere/notify" };
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            using var an = await app.ClientForAsync(An);
            using var started = await an.PostAsJsonAsync($"/api/portal/dossiers/{code}/payments", new { provider = "paygov" });
            var payUrl = new Uri((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentUrl").GetString()!);
            using var browser = Pages.Browser(app);
            using (await Pages.PostFormAsync(browser, payUrl.PathAndQuery, new() { ["ref"] = QueryHelpers.ParseQuery(payUrl.Query)["ref"].ToString(), ["Answer"] = "00" }))
            {
            }

            Assert.Equal(2000m, (await an.GetFromJsonAsync<JsonElement>($"/api/portal/dossiers/{code}/fees")).GetProperty("due").GetDecimal()); // the notification was lost
            app.Clock.SetUtcNow(Flow.Monday.AddMinutes(3));
            using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
            using (await Pages.PostFormAsync(officer, "/Payments/Reconciliation?handler=requery", []))
            {
            }

            Assert.Equal(0m, (await an.GetFromJsonAsync<JsonElement>($"/api/portal/dossiers/{code}/fees")).GetProperty("due").GetDecimal());
        }, lost);
    }
}
