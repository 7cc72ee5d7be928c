using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using MotCua.Features.Payments.VnPay;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Payments;

/// <summary>
/// Kills the real app process while VNPay's IPNs arrive, so that some die between the payment's write and the
/// answer: after the restart, VNPay's retries find each payment recorded once (or record it now), and nothing is paid twice.
/// </summary>
[Collection(OwnProcessTests.Name)]
public sealed class IpnCrashTests
{
    private const string An = "001090123456";
    private const string Secret = "crash_test_secret";
    private const string Terminal = "CRASHTMN";

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_process_killed_under_IPNs_keeps_every_acknowledged_payment_and_settles_the_others_once_on_retry(DatabaseProvider provider)
    {
        var dataDir = Directory.CreateTempSubdirectory("motcua-crash-ipn-");
        await using var database = await AppProcess.DatabaseAsync(provider, dataDir.FullName);
        var settings = database.With(new Dictionary<string, string> { ["Payments__VnPay__TmnCode"] = Terminal, ["Payments__VnPay__HashSecret"] = Secret });
        var db = Path.Combine(dataDir.FullName, "motcua.db");
        var port = AppProcess.FreePort();
        var ipns = new List<(string Code, string Query)>();
        var acknowledged = new ConcurrentBag<string>();
        var answers = new ConcurrentBag<string>();
        using (var first = AppProcess.Start(db, dataDir.FullName, port, settings))
        {
            using var officer = await AppProcess.ReadyClientAsync(port);
            using var citizen = new HttpClient { BaseAddress = officer.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
            using (var token = await citizen.PostAsJsonAsync("/api/auth/token", new { idNumber = An, password = TestApp.Password }))
            {
                citizen.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            }

            for (var i = 0; i < 40; i++)
            {
                using var received = await officer.PostAsJsonAsync("/api/dossiers", new
                {
                    procedureCode = "2.000815", channel = "counter", applicant = new { idNumber = An, fullName = "Nguyễn Văn An", phone = "0912345678" },
                });
                var code = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
                using var started = await citizen.PostAsJsonAsync($"/api/portal/dossiers/{code}/payments", new { provider = "vnpay" });
                var request = QueryHelpers.ParseQuery(new Uri((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentUrl").GetString()!).Query);
                ipns.Add((code, VnPayProtocol.SignedQuery(new Dictionary<string, string>
                {
                    ["vnp_Amount"] = request["vnp_Amount"].ToString(), ["vnp_BankCode"] = "NCB", ["vnp_PayDate"] = request["vnp_CreateDate"].ToString(), ["vnp_ResponseCode"] = "00",
                    ["vnp_TmnCode"] = Terminal, ["vnp_TransactionNo"] = $"{20_000_000 + i}", ["vnp_TransactionStatus"] = "00", ["vnp_TxnRef"] = request["vnp_TxnRef"].ToString(),
                }, Secret)));
            }

            // The gateway sends them all at once (some twice); the process is killed while they are being written.
            using var gateway = new HttpClient { BaseAddress = officer.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
            var storm = ipns.Concat(ipns.Take(10)).Select(ipn => Task.Run(async () =>
            {
                try
                {
                    var answer = (await gateway.GetFromJsonAsync<JsonElement>("/api/payments/vnpay/ipn?" + ipn.Query)).GetProperty("RspCode").GetString()!;
                    answers.Add(answer);
                    if (answer == "00")
                    {
                        acknowledged.Add(ipn.Code);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
                {
                    // the process died under this IPN: VNPay never got an answer and retries
                }
            })).ToList();
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (acknowledged.Count < 5 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(2);
            }

            await AppProcess.KillAsync(first);
            await Task.WhenAll(storm);
            Assert.True(acknowledged.Count >= 5, $"only {acknowledged.Count} IPNs answered before the kill");
            Assert.All(answers, a => Assert.True(a is "00" or "02", a));
        }

        using var second = AppProcess.Start(db, dataDir.FullName, port, settings);
        try
        {
            using var officer = await AppProcess.ReadyClientAsync(port);
            var receipts = new List<string>();
            foreach (var (code, query) in ipns)
            {
                // VNPay's retry: recorded before the kill ("02": already confirmed) or recorded now ("00"), never anything else.
                var retry = (await officer.GetFromJsonAsync<JsonElement>("/api/payments/vnpay/ipn?" + query)).GetProperty("RspCode").GetString();
                Assert.True(retry is "00" or "02", $"{code}: {retry}");
                if (acknowledged.Contains(code))
                {
                    Assert.Equal("02", retry); // an acknowledged payment survived the kill
                }

                var payments = (await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/payments")).GetProperty("items").EnumerateArray().ToList();
                var paid = Assert.Single(payments, p => p.GetProperty("status").GetString() == "paid");
                receipts.Add(paid.GetProperty("receiptNumber").GetString()!);
                var fees = await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/fees");
                Assert.Equal((0m, 2000m), (fees.GetProperty("due").GetDecimal(), fees.GetProperty("paid").GetDecimal()));
            }

            Assert.Equal(receipts.Count, receipts.Distinct().Count());
        }
        finally
        {
            await AppProcess.KillAsync(second);
            dataDir.Delete(recursive: true);
        }
    }
}
