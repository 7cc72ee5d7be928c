using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Features.Dossiers;
using MotCua.Features.Payments;
using MotCua.Features.Payments.VnPay;

namespace MotCua.Benchmarks;

/// <summary>
/// VNPay's IPN at a city's volume (target p95 under 20 ms): payments pending on stored dossiers, each settled by one
/// signed IPN; then 100 IPNs for distinct payments sent at once, each twice: all recorded, none twice.
/// </summary>
public static class PaymentsScenario
{
    public static async Task RunAsync(string? dbFile, string? postgres, int dossiers, int requests, int concurrency)
    {
        await using var host = new BenchHost(postgres, dbFile);
        var baseAddress = host.Start();
        var run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        VnPayOptions options;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Infrastructure.Database.AppDbContext>();
            var have = await db.Set<Dossier>().CountAsync();
            if (have < dossiers)
            {
                await LoadScenarios.SeedDossiersAsync(host, dossiers - have, have);
            }

            options = scope.ServiceProvider.GetRequiredService<IOptions<VnPayOptions>>().Value;
            var targets = await db.Set<Dossier>().AsNoTracking().OrderBy(d => d.Id).Take(requests + 200).Select(d => new { d.Id, d.Code, d.OfficeCode }).ToListAsync();
            db.AddRange(targets.Select((d, i) => new Payment
            {
                DossierId = d.Id, DossierCode = d.Code, OfficeCode = d.OfficeCode, Provider = "vnpay", TxnRef = $"{run}{i:0000000}", Amount = 2000,
                Status = PaymentStatus.Pending, CreatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        HttpRequestMessage Ipn(int i)
        {
            var fields = new Dictionary<string, string>
            {
                ["vnp_Amount"] = "200000", ["vnp_BankCode"] = "NCB", ["vnp_PayDate"] = VnPayProtocol.Time(DateTimeOffset.UtcNow), ["vnp_ResponseCode"] = "00",
                ["vnp_TmnCode"] = options.TmnCode, ["vnp_TransactionNo"] = (10_000_000 + i).ToString(CultureInfo.InvariantCulture), ["vnp_TransactionStatus"] = "00",
                ["vnp_TxnRef"] = $"{run}{i % (requests + 200):0000000}",
            };
            return new HttpRequestMessage(HttpMethod.Get, "/api/payments/vnpay/ipn?" + VnPayProtocol.SignedQuery(fields, options.HashSecret));
        }

        var settled = await LoadGenerator.RunAsync(baseAddress, Ipn, requests, concurrency, warmup: 0);
        using var client = new HttpClient { BaseAddress = baseAddress };
        var burst = await Task.WhenAll(Enumerable.Range(requests, 100).Concat(Enumerable.Range(requests, 100)).Select(async i =>
        {
            using var message = Ipn(i);
            using var response = await client.SendAsync(message);
            return (await response.Content.ReadAsStringAsync()).Contains("\"00\"", StringComparison.Ordinal);
        }));

        await using var check = host.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<MotCua.Infrastructure.Database.AppDbContext>();
        var paid = await checkDb.Set<Payment>().Where(p => p.TxnRef.StartsWith(run) && p.Status == PaymentStatus.Paid).Select(p => p.ReceiptNumber).ToListAsync();
        Console.WriteLine($"payments: {await checkDb.Set<Dossier>().CountAsync():N0} dossiers stored; IPNs settling distinct payments, concurrency {concurrency}:");
        Console.WriteLine(settled);
        Console.WriteLine($"100 IPNs at once for distinct payments, each sent twice: {burst.Count(b => b)} settled (\"00\"), {burst.Count(b => !b)} found settled; " +
            $"{paid.Count} paid in all, {paid.Distinct().Count()} distinct receipt numbers");
    }
}
