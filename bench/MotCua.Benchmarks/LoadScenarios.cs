using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Dossiers;
using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Benchmarks;

/// <summary>
/// Load scenarios against a real server on 127.0.0.1. Each reports client latency and the server's own time
/// (from the Server-Timing header), as percentiles.
/// </summary>
public static class LoadScenarios
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = args.FirstOrDefault() ?? "";
        var requests = Option(args, "--requests", 3000);
        var concurrency = Option(args, "--concurrency", 8);
        switch (scenario)
        {
            case "catalog-search":
                await CatalogSearchAsync(Option(args, "--versions", 2000), requests, concurrency);
                return 0;
            case "intake":
                await IntakeAsync(Text(args, "--db"), Text(args, "--postgres"), Option(args, "--dossiers", 1_000_000), requests, Option(args, "--concurrency", 50), Option(args, "--rate", 0));
                return 0;
            case "workflow":
                await WorkflowScenario.RunAsync(Text(args, "--db"), Text(args, "--postgres"), Option(args, "--dossiers", 1_000_000), Option(args, "--events", 20), requests, concurrency);
                return 0;
            case "queue":
                await QueueScenario.RunAsync(Text(args, "--postgres"), Option(args, "--tickets", 2000), Option(args, "--counters", 30), Option(args, "--boards", 10), args.Contains("--back-to-back"));
                return 0;
            case "queue-day":
                await QueueScenario.ReplayDayAsync(Text(args, "--postgres"), Option(args, "--tickets", 2000), Option(args, "--counters", 30), Option(args, "--speed", 100));
                return 0;
            case "reports":
                await ReportsScenario.RunAsync(Text(args, "--db"), Text(args, "--postgres"), Option(args, "--dossiers", 1_000_000), Option(args, "--requests", 50));
                return 0;
            case "portal":
                await PortalScenario.RunAsync(Text(args, "--db"), Text(args, "--postgres"), Option(args, "--citizens", 1_000_000), Option(args, "--dossiers", 1_000_000), requests, concurrency);
                return 0;
            case "payments":
                await PaymentsScenario.RunAsync(Text(args, "--db"), Text(args, "--postgres"), Option(args, "--dossiers", 1_000_000), requests, concurrency);
                return 0;
            case "national-sync":
                await NationalSyncScenario.RunAsync(Text(args, "--db"), Text(args, "--postgres"), Option(args, "--messages", 10_000), Option(args, "--latency", 50));
                return 0;
            case "staffing":
                await StaffingScenario.RunAsync(Text(args, "--db"), Text(args, "--postgres"), Option(args, "--units", 3000), Option(args, "--people", 30_000), requests, concurrency);
                return 0;
            case "reform":
                await ReformScenario.RunAsync(Text(args, "--db"), Text(args, "--postgres"), Option(args, "--wards", 126), Option(args, "--requests", 50));
                return 0;
            case "hot-read":
                await HotReadScenario.RunAsync(Text(args, "--db"), Text(args, "--postgres"), Option(args, "--requests", 20_000), Option(args, "--concurrency", 16));
                return 0;
            case "telemetry-cost":
                await TelemetryCostScenario.RunAsync(
                    Text(args, "--postgres"), Option(args, "--requests", 1000), Option(args, "--writes", 100), Option(args, "--concurrency", 16), Option(args, "--slices", 30), args.Contains("--control"),
                    args.Zip(args.Skip(1)).Where(a => a.First == "--trace-setting").Select(a => a.Second.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]));
                return 0;
            case "telemetry-serve":
                await TelemetryCostScenario.ServeAsync(args[1..]);
                return 0;
            case "city-day":
                await CityDayScenario.RunAsync(
                    new Uri(Text(args, "--url") ?? "http://127.0.0.1:5100"), Text(args, "--postgres") ?? "Host=127.0.0.1;Port=5540;Username=postgres;Database=motcua",
                    Text(args, "--deploy-dir") ?? "/tmp/motcua-city", Option(args, "--offices", 126), Option(args, "--dossiers", 1_000_000), Option(args, "--events", 20),
                    Option(args, "--seconds", 120), [.. (Text(args, "--speeds") ?? "1,10").Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture))]);
                return 0;
            case "citizen-search":
                await CitizenSearchAsync(Text(args, "--db"), Option(args, "--citizens", 1_000_000), requests, concurrency);
                return 0;
            default:
                await Console.Error.WriteLineAsync("Scenarios: catalog-search [--versions N] | citizen-search [--db file.db] [--citizens N] | intake [--db f|--postgres cs] [--dossiers N] [--rate R] | workflow [--db f|--postgres cs] [--dossiers N] [--events N] | queue [--postgres cs] [--tickets N] [--counters N] [--boards N] [--back-to-back] | queue-day [--speed 100] | reports [--db f|--postgres cs] [--dossiers N] | portal [--db f|--postgres cs] [--citizens N] [--dossiers N] | payments [--db f|--postgres cs] [--dossiers N] | national-sync [--db f|--postgres cs] [--messages N] [--latency ms] | staffing [--db f|--postgres cs] [--units N] [--people N] | reform [--db f|--postgres cs] [--wards N] | hot-read [--db f|--postgres cs]; [--requests N] [--concurrency N] | telemetry-cost [--postgres cs] [--requests N] [--writes N] [--concurrency N] [--slices N] [--control] [--trace-setting key=value] | city-day [--url front] [--postgres primary] [--deploy-dir d] [--offices N] [--dossiers N] [--events N] [--seconds S] [--speeds 1,10]");
                return 2;
        }
    }

    /// <summary>Search the catalog (diacritic-insensitive, filtered) with the given number of procedure versions stored.</summary>
    private static async Task CatalogSearchAsync(int versions, int requests, int concurrency)
    {
        await using var host = new BenchHost();
        var baseAddress = host.Start();
        var procedures = versions / 2;
        using (var scope = host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<CatalogStore>();
            var file = SyntheticCatalog(procedures);
            var errors = store.Validate(file);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join("; ", errors.Keys.Take(5)));
            }

            await store.ImportAsync(file, "bench");
        }

        string[] queries = ["khai sinh", "chung thuc", "giay phep xay dung", "dang ky", "ho tich", "bao hiem", "dat dai", "xac nhan", "cap ban sao", "thuong tru"];
        string[] filters = ["", "&field=ho-tich", "&sameDay=true", "&level=ward", "&onlineLevel=full"];
        var urls = Enumerable.Range(0, requests).Select(i => $"/api/procedures?q={Uri.EscapeDataString(queries[i % queries.Length])}{filters[i % filters.Length]}&limit=50").ToArray();
        var result = await LoadGenerator.RunAsync(baseAddress, urls, concurrency, warmup: 200);
        Console.WriteLine($"catalog-search: {versions + 20} versions stored ({procedures + 19} procedures), {requests} requests, concurrency {concurrency}");
        Console.WriteLine(result);
    }

    /// <summary>
    /// Name search (folded prefix) and ID-number lookup over a city of citizens. With --db, an existing SQLite file
    /// seeded by "MotCua seed-citizens"; otherwise the citizens are seeded first through the same bulk path.
    /// </summary>
    private static async Task CitizenSearchAsync(string? dbFile, int citizens, int requests, int concurrency)
    {
        await using var host = new BenchHost(sqliteFile: dbFile);
        var baseAddress = host.Start();
        if (dbFile is null)
        {
            var import = host.Services.GetRequiredService<CitizenBulkImport>();
            await import.ImportAsync(MotCua.Infrastructure.Demo.DemoPeople.Generate(citizens), null, "bench");
        }

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Infrastructure.Database.AppDbContext>();
        var stored = await db.Set<MotCua.Features.Citizens.Citizen>().CountAsync();
        var sample = await db.Set<MotCua.Features.Citizens.Citizen>().OrderBy(c => c.Id).Where((c) => c.Phone != null).Take(5000).Select(c => new { c.IdNumber, c.NameFolded }).ToListAsync();
        var token = await host.TokenAsync("canbo.trungvan");
        var random = new Random(1);
        var names = sample.Select(s => string.Join(' ', s.NameFolded.Split(' ').Take(random.Next(1, 4)))).ToArray();
        var byName = Enumerable.Range(0, requests).Select(i => $"/api/citizens?q={Uri.EscapeDataString(names[i % names.Length])}&limit=20").ToArray();
        var byId = Enumerable.Range(0, requests).Select(i => $"/api/citizens?q={sample[(i * 7) % sample.Count].IdNumber}").ToArray();
        Console.WriteLine($"citizen-search: {stored:N0} citizens stored, {requests} requests each, concurrency {concurrency}");
        Console.WriteLine("name search (folded prefix of 1–3 words, 20 a page):");
        Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, byName, concurrency, warmup: 200, token));
        Console.WriteLine("ID number lookup:");
        Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, byId, concurrency, warmup: 200, token));
    }

    /// <summary>
    /// Counters accepting dossiers at once over a database already holding many dossiers: each request checks the
    /// input, picks the procedure version, computes the appointment, takes the office's next number and writes the
    /// dossier, its first event and the applicant's data in one transaction.
    /// </summary>
    private static async Task IntakeAsync(string? dbFile, string? postgres, int stored, int requests, int concurrency, int rate)
    {
        await using var host = new BenchHost(postgres, dbFile);
        var baseAddress = host.Start();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Infrastructure.Database.AppDbContext>();
            var have = await db.Set<Dossier>().CountAsync();
            if (have < stored)
            {
                await SeedDossiersAsync(host, stored - have, have);
            }
        }

        var token = await host.TokenAsync("canbo.trungvan");
        var run = Guid.NewGuid().ToString("N")[..6];
        HttpRequestMessage Accept(int i) => new(HttpMethod.Post, "/api/dossiers")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                procedureCode = "1.004873", channel = "counter",
                applicant = new { idNumber = string.Create(CultureInfo.InvariantCulture, $"0791{(i / 1_000_000) % 100:00}{i % 1_000_000:000000}"), fullName = $"Người Nộp {run} {i}", phone = "0912345678" },
            }),
        };
        var result = await LoadGenerator.RunAsync(baseAddress, Accept, requests, concurrency, warmup: 100, token, perSecond: rate);
        await using var check = host.Services.CreateAsyncScope();
        var total = await check.ServiceProvider.GetRequiredService<MotCua.Infrastructure.Database.AppDbContext>().Set<Dossier>().CountAsync();
        Console.WriteLine($"intake: {total:N0} dossiers stored after the run, {requests} accepted by {concurrency} counters" + (rate > 0 ? $", {rate} a second in all" : " back to back"));
        Console.WriteLine(result);
    }

    internal static async Task SeedDossiersAsync(BenchHost host, int count, int offset)
    {
        var clock = Stopwatch.StartNew();
        var start = new DateOnly(2024, 7, 1);
        for (var done = 0; done < count;)
        {
            var batch = Math.Min(10_000, count - done);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Infrastructure.Database.AppDbContext>();
            var office = await db.Units.Where(u => u.Code == "001.00.61.H26").Select(u => u.Id).SingleAsync();
            var dossiers = new List<Dossier>(batch);
            var events = new List<DossierEvent>(batch);
            for (var k = 0; k < batch; k++)
            {
                var n = offset + done + k;
                var day = start.AddDays(n / 1500);
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)).AddSeconds(n % 1500 * 19), TimeSpan.FromHours(7)).ToUniversalTime();
                var d = new Dossier
                {
                    Code = $"001.00.61.H26-{day:yyMMdd}-{(n % 1500) + 1:0000}", OfficeId = office, OfficeCode = "001.00.61.H26", Sequence = (n % 1500) + 1,
                    ProcedureVersionId = Guid.Empty, ProcedureCode = "2.000815", ProcedureName = "Chứng thực bản sao từ bản chính giấy tờ, văn bản", LegalWorkingDays = 0, SameDay = true,
                    Channel = DossierChannel.Counter, Status = n % 10 == 0 ? DossierStatus.InProgress : DossierStatus.Returned,
                    ApplicantIdNumber = string.Create(CultureInfo.InvariantCulture, $"001090{n % 1_000_000:000000}"), ApplicantName = $"Công Dân {n}",
                    ReceivedAt = at, DueDate = day, DueAt = at.AddHours(8), ReceivedBy = "bench", Version = 1,
                };
                dossiers.Add(d);
                events.Add(DossierEvent.Chained(d.Id, 0, DossierEvents.Genesis, at, "receive", "bench"));
            }

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await MotCua.Infrastructure.Database.BulkInsert.RowsAsync(db, dossiers);
                await MotCua.Infrastructure.Database.BulkInsert.RowsAsync(db, events);
                await tx.CommitAsync();
            }

            done += batch;
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"\r  seeding dossiers: {done:N0} / {count:N0} ({done / clock.Elapsed.TotalSeconds:N0}/s)   "));
        }

        Console.WriteLine();
    }

    internal static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static CatalogFile SyntheticCatalog(int procedures)
    {
        string[] verbs = ["Cấp", "Đăng ký", "Xác nhận", "Chứng thực", "Cấp đổi", "Cấp lại", "Thay đổi", "Gia hạn", "Điều chỉnh", "Thu hồi"];
        string[] objects = ["giấy phép xây dựng", "khai sinh", "bản sao trích lục", "hợp đồng", "thẻ bảo hiểm y tế", "quyền sử dụng đất", "hộ kinh doanh", "thường trú", "giấy chứng nhận", "chữ ký"];
        string[] fields = ["ho-tich", "chung-thuc", "xay-dung", "dat-dai", "kinh-doanh", "cu-tru"];
        var random = new Random(42);
        StepData[] steps = [new("Tiếp nhận", "OneStopOfficer", "own", 2), new("Thẩm định", "Specialist", "own", 4)];
        return new CatalogFile("bench", null, [.. Enumerable.Range(0, procedures).Select(i =>
        {
            var name = $"{verbs[random.Next(verbs.Length)]} {objects[random.Next(objects.Length)]} (mẫu {i})";
            var days = random.Next(0, 4) == 0 ? 0 : random.Next(1, 30);
            VersionData Version(DateOnly from) => new(from, name, fields[i % fields.Length], i % 3 == 0 ? "province" : "ward", days, days == 0, "Kết quả",
                i % 2 == 0 ? "full" : "partial", ClockPolicy.Resume, "anyOffice", [], false, "bench", [new("Tờ khai", "to-khai", 1, 0)], [], steps, []);
            return new ProcedureData(string.Create(CultureInfo.InvariantCulture, $"9.{i:000000}"), [Version(new DateOnly(2020, 1, 1)), Version(new DateOnly(2025, 7, 1))]);
        })]);
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}

/// <summary>A small closed-loop load generator: N workers each send the next request as soon as the last one answered.</summary>
public static class LoadGenerator
{
    public static Task<LoadResult> RunAsync(Uri baseAddress, IReadOnlyList<string> urls, int concurrency, int warmup, string? token = null, System.Net.CookieContainer? cookies = null) =>
        RunAsync(baseAddress, i => new HttpRequestMessage(HttpMethod.Get, urls[i % urls.Count]), urls.Count, concurrency, warmup, token, cookies: cookies);

    /// <summary>Closed loop by default; with <paramref name="perSecond"/>, requests start on a fixed schedule (open loop), as counters serving people do.</summary>
    public static async Task<LoadResult> RunAsync(
        Uri baseAddress, Func<int, HttpRequestMessage> request, int count, int concurrency, int warmup, string? token = null, int perSecond = 0, System.Net.CookieContainer? cookies = null)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new(), UseCookies = cookies is not null, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        for (var i = 0; i < Math.Min(warmup, count); i++)
        {
            using var message = request(count + i);
            using var r = await client.SendAsync(message);
        }

        var client_ = new double[count];
        var server = new double[count];
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (perSecond > 0 && TimeSpan.FromSeconds((double)i / perSecond) - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                using var message = request(i);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                client_[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                server[i] = ServerMs(response);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return new LoadResult(count, failures, clock.Elapsed, Percentiles(client_), Percentiles(server));
    }

    internal static double ServerMs(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values) && values.First().Split("dur=") is [_, var ms]
            ? double.Parse(ms, CultureInfo.InvariantCulture)
            : double.NaN;

    internal static (double P50, double P95, double P99, double Max) Percentiles(double[] values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}

public sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, (double P50, double P95, double P99, double Max) Client, (double P50, double P95, double P99, double Max) Server)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"  {Requests} requests, {Failures} failed, {Requests / Elapsed.TotalSeconds:0} req/s\n" +
        $"  server time ms: {Line(Server)}\n  client time ms: {Line(Client)}");

    public static string Line((double P50, double P95, double P99, double Max) p) =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {p.P50:0.00}  p95 {p.P95:0.00}  p99 {p.P99:0.00}  max {p.Max:0.00}");
}
