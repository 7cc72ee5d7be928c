using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Payments;
using MotCua.Features.Payments.VnPay;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Payments;

/// <summary>Fees on dossiers, paid at the counter and online through the VNPay sandbox, on both databases.</summary>
public sealed class PaymentsApiTests
{
    private const string An = "001090123456";
    private const string Binh = "001303012345";
    private const string Secret = "test_secret_for_motcua";
    private const string Terminal = "TESTTMN1";

    private static readonly string[] PaidWithRequest = ["2.001035", "2.000815"];

    private static readonly Dictionary<string, string?> Gateway = new()
    {
        ["Payments:VnPay:TmnCode"] = Terminal,
        ["Payments:VnPay:HashSecret"] = Secret,
    };

    /// <summary>A certification dossier (2,000 đồng a page) received at the counter for An.</summary>
    private static async Task<string> CertificationAsync(TestApp app)
    {
        app.Clock.SetUtcNow(Flow.Monday);
        return await Flow.ReceiveAsync(app, "2.000815");
    }

    private static async Task<JsonElement> FeesAsync(TestApp app, string user, string path)
    {
        using var client = await app.ClientForAsync(user);
        return await client.GetFromJsonAsync<JsonElement>(path);
    }

    /// <summary>Starts paying online as An; the gateway's address.</summary>
    private static async Task<Uri> StartAsync(TestApp app, string code)
    {
        using var an = await app.ClientForAsync(An);
        using var started = await an.PostAsJsonAsync($"/api/portal/dossiers/{code}/payments", new { provider = "vnpay" });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return new Uri((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentUrl").GetString()!);
    }

    /// <summary>The tester answers on the sandbox's pay page (which calls the IPN); the address the browser is sent back to.</summary>
    private static async Task<Uri> AnswerAsync(TestApp app, Uri payUrl, string answer)
    {
        using var browser = Pages.Browser(app);
        var fields = QueryHelpers.ParseQuery(payUrl.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        fields["Answer"] = answer;
        using var posted = await browser.PostAsync(payUrl.AbsolutePath, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return posted.Headers.Location!;
    }

    private static string Signed(Dictionary<string, string> fields, string secret = Secret) =>
        VnPayProtocol.SignedQuery(fields, secret);

    private static string QueryString(Dictionary<string, string> fields) => string.Join('&', fields.Select(f => VnPayProtocol.Encode(f.Key) + "=" + VnPayProtocol.Encode(f.Value)));

    private static async Task<JsonElement> IpnAsync(TestApp app, string query)
    {
        using var gateway = app.CreateClient();
        using var response = await gateway.GetAsync("/api/payments/vnpay/ipn?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, string> IpnFields(string txnRef, long amountVnd, string responseCode = "00") => new()
    {
        ["vnp_Amount"] = (amountVnd * 100).ToString(System.Globalization.CultureInfo.InvariantCulture), ["vnp_BankCode"] = "NCB", ["vnp_OrderInfo"] = "Le phi",
        ["vnp_PayDate"] = "20270301100000", ["vnp_ResponseCode"] = responseCode, ["vnp_TmnCode"] = Terminal, ["vnp_TransactionNo"] = "14422574",
        ["vnp_TransactionStatus"] = responseCode == "00" ? "00" : "02", ["vnp_TxnRef"] = txnRef,
    };

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_citizen_pays_online_the_IPN_alone_settles_it_once_and_the_receipt_downloads(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var code = await CertificationAsync(app);
            var fees = await FeesAsync(app, An, $"/api/portal/dossiers/{code}/fees");
            Assert.Equal(2000m, fees.GetProperty("due").GetDecimal());
            Assert.Equal("due", fees.GetProperty("items")[0].GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(Binh)).GetAsync($"/api/portal/dossiers/{code}/fees")).StatusCode);

            // The officer counts 4 pages: 2 × 2,000 + 2 × 1,000 (from the third page).
            using (var officer = await app.ClientForAsync("canbo.trungvan"))
            {
                using var counted = await officer.PutAsJsonAsync($"/api/dossiers/{code}/fees/0", new { quantity = 4 });
                Assert.Equal(HttpStatusCode.NoContent, counted.StatusCode);
                using var silly = await officer.PutAsJsonAsync($"/api/dossiers/{code}/fees/0", new { quantity = 0 });
                Assert.Equal(HttpStatusCode.BadRequest, silly.StatusCode);
            }

            Assert.Equal(6000m, (await FeesAsync(app, "canbo.trungvan", $"/api/dossiers/{code}/fees")).GetProperty("due").GetDecimal());

            var payUrl = await StartAsync(app, code);
            var request = QueryHelpers.ParseQuery(payUrl.Query);
            Assert.Equal("600000", request["vnp_Amount"].ToString()); // đồng × 100
            Assert.Equal(Terminal, request["vnp_TmnCode"].ToString());
            Assert.Equal("20270301090000", request["vnp_CreateDate"].ToString()); // Vietnam time
            Assert.Equal("20270301091500", request["vnp_ExpireDate"].ToString());
            Assert.DoesNotContain(request["vnp_OrderInfo"].ToString(), c => c > 127);

            // The return address alone, even signed, changes nothing: before the IPN the payment reads as waiting.
            var txnRef = request["vnp_TxnRef"].ToString();
            using (var browser = Pages.Browser(app))
            {
                var early = await browser.GetStringAsync("/payments/vnpay/return?" + Signed(IpnFields(txnRef, 6000)));
                Assert.Contains("data-testid=\"return-pending\"", early, StringComparison.Ordinal);
                var forged = await browser.GetStringAsync("/payments/vnpay/return?" + QueryString(IpnFields(txnRef, 6000)) + "&vnp_SecureHash=" + new string('a', 128));
                Assert.Contains("data-testid=\"return-unknown\"", forged, StringComparison.Ordinal);
            }

            Assert.Equal(6000m, (await FeesAsync(app, An, $"/api/portal/dossiers/{code}/fees")).GetProperty("due").GetDecimal());

            var back = await AnswerAsync(app, payUrl, "00");
            using (var browser = Pages.Browser(app))
            {
                Assert.Contains("data-testid=\"return-paid\"", await browser.GetStringAsync(back.PathAndQuery), StringComparison.Ordinal);
            }

            fees = await FeesAsync(app, An, $"/api/portal/dossiers/{code}/fees");
            Assert.Equal(0m, fees.GetProperty("due").GetDecimal());
            Assert.Equal(6000m, fees.GetProperty("paid").GetDecimal());

            // The gateway sends the IPN again (its answer was lost): already confirmed, nothing changes.
            var again = await IpnAsync(app, back.Query.TrimStart('?'));
            Assert.Equal("02", again.GetProperty("RspCode").GetString());

            using var officerClient = await app.ClientForAsync("canbo.trungvan");
            var payments = (await officerClient.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/payments")).GetProperty("items").EnumerateArray().ToList();
            var paid = Assert.Single(payments);
            Assert.Equal("paid", paid.GetProperty("status").GetString());
            var receipt = await officerClient.GetByteArrayAsync(paid.GetProperty("receiptUrl").GetString());
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(receipt, 0, 4));
            using var an = await app.ClientForAsync(An);
            Assert.Equal(receipt.Length, (await an.GetByteArrayAsync(paid.GetProperty("receiptUrl").GetString())).Length);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(Binh)).GetAsync(paid.GetProperty("receiptUrl").GetString())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("canbo.phuongkhac")).GetAsync(paid.GetProperty("receiptUrl").GetString())).StatusCode);

            // Nothing left to pay: 409, online or at the counter.
            using var nothing = await an.PostAsJsonAsync($"/api/portal/dossiers/{code}/payments", new { provider = "vnpay" });
            Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
            using var cash = await officerClient.PostAsJsonAsync($"/api/dossiers/{code}/payments", new { method = "cash" });
            Assert.Equal(HttpStatusCode.Conflict, cash.StatusCode);
        }, Gateway);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Each_bad_IPN_gets_the_protocols_answer_in_order_and_changes_nothing(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var code = await CertificationAsync(app);
            var txnRef = QueryHelpers.ParseQuery((await StartAsync(app, code)).Query)["vnp_TxnRef"].ToString();

            Assert.Equal("97", (await IpnAsync(app, Signed(IpnFields(txnRef, 2000), "wrong secret"))).GetProperty("RspCode").GetString());
            Assert.Equal("97", (await IpnAsync(app, QueryString(IpnFields(txnRef, 2000)))).GetProperty("RspCode").GetString());
            Assert.Equal("01", (await IpnAsync(app, Signed(IpnFields("NOSUCHORDER", 2000)))).GetProperty("RspCode").GetString());
            Assert.Equal("04", (await IpnAsync(app, Signed(IpnFields(txnRef, 1)))).GetProperty("RspCode").GetString());
            Assert.Equal(2000m, (await FeesAsync(app, An, $"/api/portal/dossiers/{code}/fees")).GetProperty("due").GetDecimal());

            // The bank refused: the payment failed and the fee is still due; the same refusal again is already confirmed.
            Assert.Equal("00", (await IpnAsync(app, Signed(IpnFields(txnRef, 2000, "51")))).GetProperty("RspCode").GetString());
            Assert.Equal("02", (await IpnAsync(app, Signed(IpnFields(txnRef, 2000, "51")))).GetProperty("RspCode").GetString());
            Assert.Equal(2000m, (await FeesAsync(app, An, $"/api/portal/dossiers/{code}/fees")).GetProperty("due").GetDecimal());

            // The bank's late word that it did take the money (after a timeout): recorded, never dropped; then confirmed.
            Assert.Equal("00", (await IpnAsync(app, Signed(IpnFields(txnRef, 2000)))).GetProperty("RspCode").GetString());
            Assert.Equal("02", (await IpnAsync(app, Signed(IpnFields(txnRef, 2000)))).GetProperty("RspCode").GetString());
            Assert.Equal(0m, (await FeesAsync(app, An, $"/api/portal/dossiers/{code}/fees")).GetProperty("due").GetDecimal());

            // A signed IPN whose amount field is absurd or missing: the protocol's "invalid request", nothing else.
            var huge = IpnFields(txnRef, 2000);
            huge["vnp_Amount"] = "99999999999999999999999";
            Assert.Equal("99", (await IpnAsync(app, Signed(huge))).GetProperty("RspCode").GetString());
        }, Gateway);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_payment_whose_IPN_never_came_is_settled_by_querying_the_gateway(DatabaseProvider provider)
    {
        var unreachable = new Dictionary<string, string?>(Gateway) { ["Payments:VnPay:IpnUrl"] = "/nowhere/ipn" };
        await TestApp.RunAsync(provider, async app =>
        {
            var code = await CertificationAsync(app);
            var back = await AnswerAsync(app, await StartAsync(app, code), "00");
            Assert.Equal(2000m, (await FeesAsync(app, An, $"/api/portal/dossiers/{code}/fees")).GetProperty("due").GetDecimal()); // the bank took it; MotCua does not know yet

            app.Clock.SetUtcNow(Flow.Monday.AddMinutes(3));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<PendingPayments>().RunAsync(CancellationToken.None);
            }

            var fees = await FeesAsync(app, An, $"/api/portal/dossiers/{code}/fees");
            Assert.Equal(0m, fees.GetProperty("due").GetDecimal());
            Assert.Equal(2000m, fees.GetProperty("paid").GetDecimal());
            Assert.Equal("02", (await IpnAsync(app, back.Query.TrimStart('?'))).GetProperty("RspCode").GetString()); // the late IPN finds it settled
        }, unreachable);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Reconciliation_shows_the_day_asks_again_about_pending_payments_and_lists_money_to_refund(DatabaseProvider provider)
    {
        var unreachable = new Dictionary<string, string?>(Gateway) { ["Payments:VnPay:IpnUrl"] = "/nowhere/ipn" };
        await TestApp.RunAsync(provider, async app =>
        {
            var code = await CertificationAsync(app);
            await AnswerAsync(app, await StartAsync(app, code), "00"); // the bank took it; the IPN was lost
            using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
            var page = await officer.GetStringAsync("/Payments/Reconciliation");
            Assert.Contains("data-testid=\"pending\"", page, StringComparison.Ordinal);
            Assert.Contains(code, page, StringComparison.Ordinal);

            app.Clock.SetUtcNow(Flow.Monday.AddMinutes(3)); // the page asks about attempts more than two minutes old
            using var asked = await Pages.PostFormAsync(officer, "/Payments/Reconciliation?handler=requery", []);
            var after = await asked.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"requeried\"", after, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"pending\"", after, StringComparison.Ordinal);
            Assert.Equal(0m, (await FeesAsync(app, An, $"/api/portal/dossiers/{code}/fees")).GetProperty("due").GetDecimal());

            // Paid online while the officer took cash for the same fee: the online payment paid nothing and is to refund.
            var second = await Flow.ReceiveAsync(app, "2.000815");
            var txnRef = QueryHelpers.ParseQuery((await StartAsync(app, second)).Query)["vnp_TxnRef"].ToString();
            using (var cash = await (await app.ClientForAsync("canbo.trungvan")).PostAsJsonAsync($"/api/dossiers/{second}/payments", new { method = "cash" }))
            {
                Assert.Equal(HttpStatusCode.Created, cash.StatusCode);
            }

            Assert.Equal("00", (await IpnAsync(app, Signed(IpnFields(txnRef, 2000)))).GetProperty("RspCode").GetString());
            var refund = await officer.GetStringAsync("/Payments/Reconciliation");
            Assert.Contains("data-testid=\"to-refund\"", refund, StringComparison.Ordinal);
            Assert.Contains(second, refund[refund.IndexOf("to-refund", StringComparison.Ordinal)..], StringComparison.Ordinal);
            // An attempt started for 2,000 đồng, then the officer counts 4 pages (6,000): the old attempt, paid, settles nothing.
            var third = await Flow.ReceiveAsync(app, "2.000815");
            var stale = QueryHelpers.ParseQuery((await StartAsync(app, third)).Query)["vnp_TxnRef"].ToString();
            using (var counted = await (await app.ClientForAsync("canbo.trungvan")).PutAsJsonAsync($"/api/dossiers/{third}/fees/0", new { quantity = 4 }))
            {
                Assert.Equal(HttpStatusCode.NoContent, counted.StatusCode);
            }

            Assert.Equal("00", (await IpnAsync(app, Signed(IpnFields(stale, 2000)))).GetProperty("RspCode").GetString());
            Assert.Equal(6000m, (await FeesAsync(app, An, $"/api/portal/dossiers/{third}/fees")).GetProperty("due").GetDecimal());
            var refunds = await officer.GetStringAsync("/Payments/Reconciliation");
            Assert.Contains(third, refunds[refunds.IndexOf("to-refund", StringComparison.Ordinal)..], StringComparison.Ordinal);

            // The bank took the money, its IPN was lost, and the officer took cash meanwhile: asked again, the attempt
            // paid nothing. The office's leader gives it back through the gateway; an officer may not.
            var fourth = await Flow.ReceiveAsync(app, "2.000815");
            await AnswerAsync(app, await StartAsync(app, fourth), "00");
            using (var cash = await (await app.ClientForAsync("canbo.trungvan")).PostAsJsonAsync($"/api/dossiers/{fourth}/payments", new { method = "cash" }))
            {
                Assert.Equal(HttpStatusCode.Created, cash.StatusCode);
            }

            app.Clock.SetUtcNow(Flow.Monday.AddMinutes(8));
            using (await Pages.PostFormAsync(officer, "/Payments/Reconciliation?handler=requery", []))
            {
            }

            async Task<JsonElement> PaymentOf(string dossier, string provider) =>
                (await FeesAsync(app, "canbo.trungvan", $"/api/dossiers/{dossier}/payments")).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("provider").GetString() == provider);
            var online = (await PaymentOf(fourth, "vnpay")).GetProperty("id").GetGuid();
            Assert.DoesNotContain("data-testid=\"refund\"", await officer.GetStringAsync("/Payments/Reconciliation"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("canbo.trungvan")).PostAsync($"/api/payments/{online}/refund", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("lanhdao.phuongkhac")).PostAsync($"/api/payments/{online}/refund", null)).StatusCode);
            using var leader = await Pages.SignedInAsync(app, "lanhdao.trungvan");
            var listed = await leader.GetStringAsync("/Payments/Reconciliation");
            Assert.Contains("data-testid=\"refund\"", listed, StringComparison.Ordinal);
            using (var refunded = await Pages.PostFormAsync(leader, $"/Payments/Reconciliation?handler=refund&id={online}", []))
            {
                var said = await refunded.Content.ReadAsStringAsync();
                Assert.Contains("data-testid=\"refund-said\"", said, StringComparison.Ordinal);
                Assert.DoesNotContain(fourth, said[said.IndexOf("refund-said", StringComparison.Ordinal)..].Split("</p>", 2)[1], StringComparison.Ordinal);
            }

            Assert.Equal("refunded", (await PaymentOf(fourth, "vnpay")).GetProperty("status").GetString());
            using var api = await app.ClientForAsync("lanhdao.trungvan");
            using (var again = await api.PostAsync($"/api/payments/{online}/refund", null))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // refunded once
            }

            using (var cashBack = await api.PostAsync($"/api/payments/{(await PaymentOf(fourth, "cash")).GetProperty("id").GetGuid()}/refund", null))
            {
                Assert.Equal(HttpStatusCode.Conflict, cashBack.StatusCode); // cash that paid the fee is not money to give back
            }

            // A gateway that does not know the transaction does not confirm: the payment stays taken, to try again.
            var unknown = (await PaymentOf(second, "vnpay")).GetProperty("id").GetGuid();
            using (var notConfirmed = await api.PostAsync($"/api/payments/{unknown}/refund", null))
            {
                Assert.Equal(HttpStatusCode.Conflict, notConfirmed.StatusCode);
            }

            Assert.Equal("paid", (await PaymentOf(second, "vnpay")).GetProperty("status").GetString());

            // Dates nobody means are kept to the years payments can have.
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Payments/Reconciliation?From=0001-01-01&To=9999-12-31")).StatusCode);

            using var specialist = await Pages.SignedInAsync(app, "chuyenvien.trungvan");
            Assert.NotEqual(HttpStatusCode.OK, (await specialist.GetAsync("/Payments/Reconciliation")).StatusCode);
        }, unreachable);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Cash_at_the_counter_is_recorded_once_with_its_receipt_and_waived_fees_are_never_due(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var code = await CertificationAsync(app);
            using var officer = await app.ClientForAsync("canbo.trungvan");
            using var wrong = await officer.PostAsJsonAsync($"/api/dossiers/{code}/payments", new { method = "cheque" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            using var specialist = await app.ClientForAsync("chuyenvien.trungvan");
            Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsJsonAsync($"/api/dossiers/{code}/payments", new { method = "cash" })).StatusCode);

            var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                using var response = await officer.PostAsJsonAsync($"/api/dossiers/{code}/payments", new { method = "cash" });
                return response.StatusCode;
            }));
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], twice.Order());
            var payment = Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/payments")).GetProperty("items").EnumerateArray());
            Assert.StartsWith("001.00.61.H26-2027-", payment.GetProperty("receiptNumber").GetString(), StringComparison.Ordinal);

            var birth = await Flow.ReceiveAsync(app, "1.001193");
            var free = await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{birth}/fees");
            Assert.Equal("waived", free.GetProperty("items")[0].GetProperty("status").GetString());
            Assert.Equal(0m, free.GetProperty("due").GetDecimal());
            using var an = await app.ClientForAsync(An);
            Assert.Equal(HttpStatusCode.Conflict, (await an.PostAsJsonAsync($"/api/portal/dossiers/{birth}/payments", new { provider = "vnpay" })).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await an.PostAsJsonAsync($"/api/portal/dossiers/{code}/payments", new { provider = "bitcoin" })).StatusCode);
        }, Gateway);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_procedure_paid_with_the_request_waits_at_intake_until_its_fee_is_paid(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            // The catalog keeper marks contract certification (2 days) and copy certification (same day) as paid with the request, from 2027.
            using var admin = await app.ClientForAsync("admin");
            var export = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync("/api/catalog/export"))!.AsObject();
            var marked = PaidWithRequest.Select(code =>
            {
                var version = export["procedures"]!.AsArray().Single(p => p!["code"]!.GetValue<string>() == code)!["versions"]!.AsArray()[^1]!.DeepClone().AsObject();
                (version["effectiveFrom"], version["payBeforeProcessing"]) = ("2027-01-01", true);
                return new { code, versions = new[] { version } };
            }).ToArray();
            using var imported = await admin.PostAsJsonAsync("/api/catalog/import", new { procedures = marked });
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
            Assert.True((await (await app.ClientForAsync(An)).GetFromJsonAsync<JsonElement>("/api/procedures/2.001035?date=2027-03-01")).GetProperty("payBeforeProcessing").GetBoolean());

            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.001035");
            using (var waiting = await Flow.TryAsync(app, "canbo.trungvan", code, "forward"))
            {
                Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
                Assert.Contains("50.000", await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using (var cash = await (await app.ClientForAsync("canbo.trungvan")).PostAsJsonAsync($"/api/dossiers/{code}/payments", new { method = "cash" }))
            {
                Assert.Equal(HttpStatusCode.Created, cash.StatusCode);
            }

            using var handedOn = await Flow.TryAsync(app, "canbo.trungvan", code, "forward");
            Assert.True(handedOn.IsSuccessStatusCode, await handedOn.Content.ReadAsStringAsync());

            // A same-day one waits at intake too, instead of going straight to its handler; paid, the officer hands it on.
            var copy = await Flow.ReceiveAsync(app, "2.000815");
            using (var waiting = await Flow.TryAsync(app, "chuyenvien.trungvan", copy, "forward"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, waiting.StatusCode); // still the one-stop officer's step
            }

            Assert.Equal(HttpStatusCode.Conflict, (await Flow.TryAsync(app, "canbo.trungvan", copy, "forward")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await (await app.ClientForAsync("canbo.trungvan")).PostAsJsonAsync($"/api/dossiers/{copy}/payments", new { method = "cash" })).StatusCode);
            await Flow.ActAsync(app, "canbo.trungvan", copy, "forward");
            await Flow.ActAsync(app, "chuyenvien.trungvan", copy, "forward");

            // Without the mark (the certification of a signature, same day), a dossier goes to its handler with its fee still due.
            var signature = await Flow.ReceiveAsync(app, "2.000884");
            await Flow.ActAsync(app, "chuyenvien.trungvan", signature, "forward");
        }, Gateway);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_hundred_IPNs_at_once_for_distinct_payments_are_each_recorded_once(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var code = await CertificationAsync(app);
            var refs = new List<string>();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var dossierId = await db.Set<MotCua.Features.Dossiers.Dossier>().Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
                for (var i = 0; i < 100; i++)
                {
                    var payment = new Payment
                    {
                        DossierId = dossierId, DossierCode = code, OfficeCode = "001.00.61.H26", Provider = "vnpay", TxnRef = $"BULK{i:000}", Amount = 2000,
                        Status = PaymentStatus.Pending, CreatedAt = app.Clock.GetUtcNow(),
                    };
                    db.Add(payment);
                    refs.Add(payment.TxnRef);
                }

                await db.SaveChangesAsync();
            }

            var answers = await Task.WhenAll(refs.Concat(refs).Select(r => IpnAsync(app, Signed(IpnFields(r, 2000)))));
            Assert.Equal(100, answers.Count(a => a.GetProperty("RspCode").GetString() == "00"));
            Assert.Equal(100, answers.Count(a => a.GetProperty("RspCode").GetString() == "02"));
            var receipts = await app.WithDbAsync(db => db.Set<Payment>().Where(p => p.TxnRef.StartsWith("BULK")).Select(p => p.ReceiptNumber).ToListAsync());
            Assert.Equal(100, receipts.Distinct().Count(r => r is not null));
        }, Gateway);
    }
}
