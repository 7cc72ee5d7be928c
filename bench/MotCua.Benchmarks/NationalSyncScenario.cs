using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Dossiers;
using MotCua.Features.NationalSync;
using MotCua.Features.NationalSync.Sandbox;
using MotCua.Infrastructure.Database;

namespace MotCua.Benchmarks;

/// <summary>
/// The national portal's outbox draining (target: 10,000 step records in under 2 minutes with the portal answering
/// in 50 ms each): five steps for each of a fifth as many stored dossiers, sent by one node's dispatcher to the
/// sandbox portal over HTTP on 127.0.0.1; then what the portal holds: every step once, none out of order.
/// </summary>
public static class NationalSyncScenario
{
    private const int Steps = 5;

    public static async Task RunAsync(string? dbFile, string? postgres, int messages, int latencyMs)
    {
        var port = BenchHost.FreePort();
        await using var host = new BenchHost(postgres, dbFile, new Dictionary<string, string?>
        {
            ["App:PublicUrl"] = $"http://127.0.0.1:{port}",
            ["NationalSync:DispatchEnabled"] = "false", // the scenario runs the rounds itself, to time them
            ["Sandbox:NationalPortal:LatencyMs"] = latencyMs.ToString(CultureInfo.InvariantCulture),
        }, port);
        host.Start();
        var dossiers = messages / Steps;
        List<Guid> ids;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var fresh = await db.Set<Dossier>().CountAsync(d => !db.Set<SyncMessage>().Any(m => m.DossierId == d.Id));
            if (fresh < dossiers)
            {
                await LoadScenarios.SeedDossiersAsync(host, dossiers - fresh, await db.Set<Dossier>().CountAsync());
            }

            var targets = await db.Set<Dossier>().AsNoTracking().Where(d => !db.Set<SyncMessage>().Any(m => m.DossierId == d.Id))
                .OrderBy(d => d.Id).Take(dossiers).ToListAsync();
            ids = [.. targets.Select(d => d.Id)];
            var now = DateTimeOffset.UtcNow;
            foreach (var chunk in targets.Chunk(1000))
            {
                db.AddRange(chunk.SelectMany(d => Enumerable.Range(1, Steps).Select(seq => new SyncMessage
                {
                    DossierId = d.Id, DossierCode = d.Code, OfficeId = d.OfficeId, Seq = seq, CreatedAt = now, NextAttemptAt = now,
                    Payload = JsonSerializer.Serialize(new NationalRecord(
                        d.Code, d.ProcedureCode, d.ProcedureName, d.OfficeCode, 1, d.ApplicantName, d.ApplicantIdNumber, NationalRecord.Instant(d.ReceivedAt),
                        NationalRecord.Instant(d.DueAt), null, seq == 1 ? 2 : 4,
                        new NationalStep(seq, "Nguyễn Thị Minh", "canbo.trungvan", NationalRecord.Instant(now), "Chuyển bước tiếp theo", "Tiếp nhận", "Thẩm định", NationalRecord.Instant(now.AddDays(1))), [])),
                })));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        var clock = Stopwatch.StartNew();
        var (rounds, tried) = (0, 0);
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var round = await scope.ServiceProvider.GetRequiredService<SyncDispatcher>().DispatchOnceAsync();
            if (round == 0)
            {
                break;
            }

            (rounds, tried) = (rounds + 1, tried + round);
        }

        clock.Stop();
        await using var check = host.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var codes = await checkDb.Set<Dossier>().Where(d => ids.Contains(d.Id)).Select(d => d.Code).ToListAsync();
        var stored = await checkDb.Set<SandboxRecord>().Where(r => codes.Contains(r.Code)).Select(r => new { r.Code, r.Seq, r.OutOfOrder }).ToListAsync();
        var unsent = await checkDb.Set<SyncMessage>().CountAsync(m => ids.Contains(m.DossierId) && m.SentAt == null);
        Console.WriteLine($"national-sync: {ids.Count * Steps:N0} step records of {ids.Count:N0} dossiers ({await checkDb.Set<Dossier>().CountAsync():N0} stored), portal answering in {latencyMs} ms, " +
            $"{host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NationalSyncOptions>>().Value.Parallel} in flight:");
        Console.WriteLine($"  drained in {clock.Elapsed.TotalSeconds:N1} s ({ids.Count * Steps / clock.Elapsed.TotalSeconds:N0} records/s), {rounds} rounds, {tried:N0} sendings; " +
            $"{unsent} left unsent; the portal holds {stored.Count:N0} ({stored.Select(r => (r.Code, r.Seq)).Distinct().Count():N0} distinct), {stored.Count(r => r.OutOfOrder)} out of order");
    }
}
