using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Database;

namespace MotCua.Benchmarks;

/// <summary>
/// A city's history: a million dossiers with twenty events each, most of them returned and a few percent open at
/// the ward's specialists, leaders and the counter, due around now. Then the agency's inbox (first page and
/// counts), transitions on distinct open dossiers, and the deadline sweeper's pass.
/// </summary>
public static class WorkflowScenario
{
    private const int OpenEvery = 33; // about 3 % of dossiers are open

    public static async Task RunAsync(string? dbFile, string? postgres, int stored, int eventsPer, int requests, int concurrency)
    {
        await using var host = new BenchHost(postgres, dbFile);
        var baseAddress = host.Start();
        var now = DateTimeOffset.UtcNow;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var have = await db.Set<Dossier>().CountAsync();
            if (have < stored)
            {
                await SeedAsync(host, stored - have, have, eventsPer, now);
            }
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (dossiers, events, tasks, openTasks) = (await db.Set<Dossier>().CountAsync(), await db.Set<DossierEvent>().CountAsync(),
                await db.Set<DossierTask>().CountAsync(), await db.Set<DossierTask>().CountAsync(t => t.EndedAt == null));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workflow: {dossiers:N0} dossiers, {events:N0} events, {tasks:N0} tasks ({openTasks:N0} open)"));
        }

        foreach (var user in new[] { "chuyenvien.trungvan", "lanhdao.trungvan" })
        {
            var token = await host.TokenAsync(user);
            string[] queries = ["", "filter=overdue", "filter=dueToday", "filter=dueSoon", "mine=true", "procedure=1.004873"];
            var urls = Enumerable.Range(0, requests).Select(i => "/api/inbox?" + queries[i % queries.Length]).ToArray();
            Console.WriteLine($"inbox of {user} (first page of 50 with counts; all, overdue, due today, due soon, mine, by procedure), concurrency {concurrency}:");
            Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, urls, concurrency, warmup: 100, token));
        }

        // A dossier's page: the dossier with its history, for the specialist who holds it.
        List<string> held;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            held = await db.Set<Dossier>().Where(d => d.Status == DossierStatus.InProgress && d.OfficeCode == "001.00.61.H26").OrderByDescending(d => d.Id).Take(500).Select(d => d.Code).ToListAsync();
        }

        var reader = await host.TokenAsync("chuyenvien.trungvan");
        Console.WriteLine($"a dossier's page (GET /api/dossiers/{{code}}, {eventsPer} events, 500 distinct open dossiers), concurrency {concurrency}:");
        Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, [.. Enumerable.Range(0, requests).Select(i => $"/api/dossiers/{held[i % held.Count]}")], concurrency, warmup: 50, reader));

        // Transitions: each request forwards a different open dossier from the specialist to the leader.
        List<(string Code, int Version)> open;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            open = (await db.Set<Dossier>().Where(d => d.Status == DossierStatus.InProgress && d.CurrentStep == 1).OrderBy(d => d.Id).Take(requests + 100)
                .Select(d => new { d.Code, d.Version }).ToListAsync()).Select(d => (d.Code, d.Version)).ToList();
        }

        var specialist = await host.TokenAsync("chuyenvien.trungvan");
        var count = Math.Min(requests, open.Count - 100);
        HttpRequestMessage Forward(int i) => new(HttpMethod.Post, $"/api/dossiers/{open[i % open.Count].Code}/actions")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { action = "forward", expectedVersion = open[i % open.Count].Version }),
        };
        Console.WriteLine($"transition (forward, on {count} distinct open dossiers), concurrency {Math.Min(concurrency, 4)}:");
        Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, Forward, count, Math.Min(concurrency, 4), warmup: 0, specialist));

        for (var pass = 1; pass <= 2; pass++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<DeadlineSweeper>().SweepAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweeper pass {pass}: {clock.Elapsed.TotalMilliseconds:N0} ms ({result.Warned} warned, {result.MarkedOverdue} marked overdue)"));
        }
    }

    private static async Task SeedAsync(BenchHost host, int count, int offset, int eventsPer, DateTimeOffset now)
    {
        SeedOffice office;
        Guid version;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            office = new SeedOffice(
                await db.Units.Where(u => u.Code == "001.00.61.H26").Select(u => u.Id).SingleAsync(), "001.00.61.H26",
                await db.Units.Where(u => u.Code == "000.00.61.H26").Select(u => u.Id).SingleAsync(), "canbo.trungvan", "chuyenvien.trungvan");
            version = (await scope.ServiceProvider.GetRequiredService<CatalogReader>().VersionInForceAsync("1.004873", DateOnly.FromDateTime(now.UtcDateTime)))!.Id;
        }

        await SeedAsync(host.Services, [office], version, count, offset, eventsPer, now);
    }

    /// <summary>
    /// Stores <paramref name="count"/> dossiers of the marriage-status procedure through the bulk path (COPY on
    /// PostgreSQL), spread over <paramref name="offices"/> in blocks of eight, each with <paramref name="eventsPer"/>
    /// hash-chained events and its tasks; about 3 % open at the ward's specialists, leaders and the counter.
    /// </summary>
    internal static async Task SeedAsync(IServiceProvider services, IReadOnlyList<SeedOffice> offices, Guid version, int count, int offset, int eventsPer, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        string[] steps = ["Tiếp nhận, kiểm tra hồ sơ, cấp giấy tiếp nhận", "Công chức chuyên môn thẩm định", "Lãnh đạo xem xét, ký", "Trả kết quả"];
        string[] roles = ["OneStopOfficer", "Specialist", "Leader", "OneStopOfficer"];
        var start = now.AddDays(-800);
        var perDay = new Dictionary<(string Office, DateOnly Day), int>(); // seeded numbers from 90001 a day: the live counters' start at 1
        for (var done = 0; done < count;)
        {
            var batch = Math.Min(5_000, count - done);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dossiers = new List<Dossier>(batch);
            var events = new List<DossierEvent>(batch * eventsPer);
            var tasks = new List<DossierTask>(batch * 4);
            for (var k = 0; k < batch; k++)
            {
                var n = offset + done + k;
                var isOpen = n % OpenEvery == 0;
                // Open dossiers were received in the last two weeks and fall due from five days ago to ten days ahead.
                var received = isOpen ? now.AddHours(-(n % 336)) : start.AddMinutes(n * 1.1);
                var due = isOpen ? now.AddHours((n % 360) - 120) : received.AddDays(4);
                var day = DateOnly.FromDateTime(received.ToOffset(TimeSpan.FromHours(7)).DateTime);
                var step = isOpen ? 1 + (n / OpenEvery % 3) : 3;
                var office = offices[n / 8 % offices.Count];
                var sequence = perDay[(office.Code, day)] = perDay.GetValueOrDefault((office.Code, day), 90_000) + 1;
                var d = new Dossier
                {
                    Id = Guid.CreateVersion7(received), // as intake makes it at the moment of receipt: its month's partition on PostgreSQL
                    Code = DossierCode.Format(office.Code, day, sequence), OfficeId = office.Id, OfficeCode = office.Code,
                    Sequence = sequence, ProcedureVersionId = version, ProcedureCode = "1.004873", ProcedureName = "Cấp Giấy xác nhận tình trạng hôn nhân",
                    LegalWorkingDays = 3, Channel = DossierChannel.Counter, Status = isOpen ? (step == 3 ? DossierStatus.ResultReady : DossierStatus.InProgress) : DossierStatus.Returned,
                    ApplicantIdNumber = string.Create(CultureInfo.InvariantCulture, $"001090{n % 1_000_000:000000}"), ApplicantName = $"Công Dân {n}",
                    ReceivedAt = received, DueDate = DateOnly.FromDateTime(due.ToOffset(TimeSpan.FromHours(7)).DateTime), DueAt = due, ReceivedBy = office.Officer,
                    Version = eventsPer, CurrentStep = step,
                    OverdueAt = isOpen && due < now && n % 50 != 0 ? due : null, // swept already, but for a few
                    WarnedAt = isOpen && due < now.AddHours(8) && n % 50 != 0 ? due.AddHours(-8) : null,
                    ResolvedAt = isOpen ? null : received.AddDays(2), ClosedAt = isOpen ? null : received.AddDays(3),
                };
                dossiers.Add(d);
                var previous = DossierEvents.Genesis;
                for (var e = 0; e < eventsPer; e++)
                {
                    var action = e == 0 ? "receive" : !isOpen && e == eventsPer - 1 ? "returnResult" : (e % 3) switch { 0 => "assign", 1 => "forward", _ => "consultReply" };
                    var ev = DossierEvent.Chained(d.Id, e, previous, received.AddMinutes(e * 7), action, "bench", steps[Math.Min(e % 4, 3)], steps[Math.Min((e + 1) % 4, 3)]);
                    events.Add(ev);
                    previous = ev.Hash;
                }

                for (var s = 0; s <= step; s++)
                {
                    var started = received.AddHours(s * 6);
                    var ended = !isOpen || s < step ? started.AddHours(5) : (DateTimeOffset?)null;
                    var stepDue = s == 3 ? due : started.AddHours(8);
                    var task = DossierTask.Open(d, s, steps[s], TaskKind.Step, roles[s] == "OneStopOfficer" ? office.Id : office.WardId, roles[s], started,
                        isOpen && ended is null ? due : stepDue, s == 1 && n % 4 == 0 ? office.Specialist : null);
                    if (ended is { } end)
                    {
                        task.End(end, "bench", DossierAction.Forward);
                    }

                    tasks.Add(task);
                }
            }

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await BulkInsert.RowsAsync(db, dossiers);
                await BulkInsert.RowsAsync(db, events);
                await BulkInsert.RowsAsync(db, tasks);
                await tx.CommitAsync();
            }

            done += batch;
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"\r  seeding: {done:N0} / {count:N0} dossiers ({done / clock.Elapsed.TotalSeconds:N0}/s, {clock.Elapsed:mm\\:ss})   "));
        }

        Console.WriteLine();
    }
}

/// <summary>An office dossiers are seeded into: its ward holds the specialists' and leaders' steps.</summary>
internal sealed record SeedOffice(Guid Id, string Code, Guid WardId, string Officer, string Specialist);
