using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Accounts;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Queue;
using MotCua.Features.Units;
using MotCua.Infrastructure.Database;

namespace MotCua.Benchmarks;

/// <summary>
/// A city's day against the several-node deployment (<c>deploy/local.sh</c>): the city's wards, each with its
/// service centre, officer, specialist, leader and counters, and a history of dossiers with their hash-chained events
/// stored beforehand through COPY on the primary; then the peak hour of every office at once, at each speed given
/// (1× is the city's peak, 10× ten times it), open loop: requests start on their schedule whether or not the earlier
/// ones answered, as people arrive. Reports each kind's latency (client side, through HAProxy), errors, the CPU each
/// process used, and how stale the dashboards read from the replica were.
/// </summary>
public static class CityDayScenario
{
    /// <summary>
    /// The city's peak hour, in requests a second for the whole city at 1×, from a busy ward's day (about 120 dossiers
    /// at the counter, a quarter of them in the peak hour) times the offices; docs/benchmarks.md gives the reasoning.
    /// </summary>
    private static readonly (string Kind, double PerSecondPerOffice)[] Mix =
    [
        ("intake", 30 / 3600.0),          // 30 dossiers received in the peak hour
        ("ticket", 40 / 3600.0),          // a third more tickets than dossiers (questions, pick-ups of results)
        ("call-next", 40 / 3600.0),
        ("workflow action", 60 / 3600.0), // the ward's specialists and leaders moving dossiers on
        ("inbox", 5 / 30.0),              // five staff, each inbox refreshed every 30 s
        ("dossier read", 90 / 3600.0),
        ("dashboard (replica)", 3 / 3600.0),
        ("public tracking", 60 / 3600.0),
        ("portal read", 60 / 3600.0),
    ];

    public static async Task RunAsync(Uri front, string primary, string deployDir, int offices, int dossiers, int eventsPer, int seconds, IReadOnlyList<double> speeds)
    {
        var city = await PrepareAsync(primary, offices, dossiers, eventsPer);
        using var handler = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = front, Timeout = TimeSpan.FromSeconds(30) };
        await SignInAsync(http, city);
        Console.WriteLine("warming up: 20 s at 1×, not counted");
        await ReplayAsync(http, city, deployDir, 1, 20, report: false);
        foreach (var speed in speeds)
        {
            await ReplayAsync(http, city, deployDir, speed, seconds);
        }
    }

    private sealed class CityOffice(string code, string wardCode, int index)
    {
        public string Code => code;
        public string WardCode => wardCode;
        public string Officer => $"canbo.thanhpho{index:000}";
        public string Specialist => $"chuyenvien.thanhpho{index:000}";
        public string Leader => $"lanhdao.thanhpho{index:000}";
        public string[] Tokens { get; } = new string[3];
        public List<Guid> Counters { get; } = [];
        public List<(string Code, string Key)> Stored { get; } = [];
        public ConcurrentQueue<(string Code, int Version)> Open { get; } = new();
    }

    private sealed class City(List<CityOffice> offices)
    {
        public List<CityOffice> Offices => offices;
        public string CitizenToken { get; set; } = "";
    }

    /// <summary>The city's wards, people and counters, and its stored history, added once to the deployment's database.</summary>
    private static async Task<City> PrepareAsync(string primary, int count, int dossiers, int eventsPer)
    {
        await using var host = new BenchHost(primary, extra: new Dictionary<string, string?>
        {
            ["Demo:Month"] = "false", ["Demo:Staffing"] = "false", ["Demo:Reform"] = "false", ["Notifications:DispatchEnabled"] = "false", ["NationalSync:Enabled"] = "false",
        });
        var services = host.Services;
        var offices = new List<CityOffice>();
        var seedOffices = new List<SeedOffice>();
        Guid version;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var cityUnit = await db.Units.SingleAsync(u => u.Code == "000.00.00.H26");
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            version = (await scope.ServiceProvider.GetRequiredService<CatalogReader>().VersionInForceAsync("1.004873", today))!.Id;
            var hash = users.PasswordHasher.HashPassword(new Account { UserName = "x" }, "Demo@12345");
            for (var i = 0; i < count; i++)
            {
                var office = new CityOffice($"001.{80 + i / 100:00}.{i % 100:00}.H26", $"000.{80 + i / 100:00}.{i % 100:00}.H26", i + 1);
                offices.Add(office);
                var ward = await db.Units.FirstOrDefaultAsync(u => u.Code == office.WardCode);
                var centre = await db.Units.FirstOrDefaultAsync(u => u.Code == office.Code);
                if (ward is null || centre is null)
                {
                    var from = new DateOnly(2024, 1, 1);
                    ward = new Unit { Code = office.WardCode, Name = $"Phường Thành phố {i + 1}", Kind = UnitKind.Ward, ParentId = cityUnit.Id, ValidFrom = from, Note = "Dữ liệu đo tải (bench city-day)." };
                    centre = new Unit
                    {
                        Code = office.Code, Name = $"Trung tâm Phục vụ hành chính công phường Thành phố {i + 1}", Kind = UnitKind.ServiceCentre, ParentId = ward.Id,
                        ValidFrom = from, ReceivesDossiers = true, Note = "Dữ liệu đo tải (bench city-day).",
                    };
                    db.Units.AddRange(ward, centre);
                    db.AddRange(
                        new QueueService { OfficeId = centre.Id, Code = "HT", Name = "Hộ tịch", Prefix = "A", Fields = ["ho-tich", "lien-thong"], SortOrder = 0 },
                        new QueueService { OfficeId = centre.Id, Code = "CT", Name = "Chứng thực", Prefix = "B", Fields = ["chung-thuc"], SortOrder = 1 },
                        new QueueCounter { OfficeId = centre.Id, Number = 1, Name = "Quầy số 1", Services = ["HT", "CT"] },
                        new QueueCounter { OfficeId = centre.Id, Number = 2, Name = "Quầy số 2", Services = ["HT", "CT"] },
                        new QueueOffice { OfficeId = centre.Id });
                    await db.SaveChangesAsync();
                    foreach (var (username, role, unit) in new[] { (office.Officer, Roles.OneStopOfficer, centre.Id), (office.Specialist, Roles.Specialist, ward.Id), (office.Leader, Roles.Leader, ward.Id) })
                    {
                        var account = new Account { UserName = username, FullName = $"Cán bộ đo tải {i + 1}", Kind = AccountKind.Staff, EmailConfirmed = true, PasswordHash = hash };
                        Check(await users.CreateAsync(account));
                        Check(await users.AddToRoleAsync(account, role));
                        db.Memberships.Add(new Membership { AccountId = account.Id, UnitId = unit, ValidFrom = from });
                    }

                    await db.SaveChangesAsync();
                }

                seedOffices.Add(new SeedOffice(centre.Id, centre.Code, ward.Id, office.Officer, office.Specialist));
            }
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ids = seedOffices.Select(o => o.Id).ToList();
            var have = await db.Set<Dossier>().CountAsync(d => ids.Contains(d.OfficeId));
            if (have < dossiers)
            {
                await WorkflowScenario.SeedAsync(services, seedOffices, version, dossiers - have, have, eventsPer, DateTimeOffset.UtcNow);
                var clock = Stopwatch.StartNew();
                var days = await scope.ServiceProvider.GetRequiredService<MotCua.Features.Reports.ReportRollup>().CatchUpAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored daily figures: {days} days built in {clock.Elapsed.TotalSeconds:N0} s"));
            }

            var (total, events) = (await db.Set<Dossier>().CountAsync(), await db.Set<DossierEvent>().CountAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"city-day: {count} offices; the database holds {total:N0} dossiers and {events:N0} events"));
            for (var i = 0; i < offices.Count; i++)
            {
                var id = seedOffices[i].Id;
                offices[i].Stored.AddRange((await db.Set<Dossier>().Where(d => d.OfficeId == id).OrderByDescending(d => d.ReceivedAt).Take(200)
                    .Select(d => new { d.Code, d.TrackingKey }).ToListAsync()).Select(d => (d.Code, d.TrackingKey)));
                foreach (var open in await db.Set<Dossier>().Where(d => d.OfficeId == id && d.Status == DossierStatus.InProgress && d.CurrentStep == 1)
                             .OrderBy(d => d.Id).Select(d => new { d.Code, d.Version }).Take(500).ToListAsync())
                {
                    offices[i].Open.Enqueue((open.Code, open.Version));
                }
            }
        }

        return new City(offices);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static async Task SignInAsync(HttpClient http, City city)
    {
        foreach (var office in city.Offices)
        {
            string[] people = [office.Officer, office.Specialist, office.Leader];
            for (var k = 0; k < 3; k++)
            {
                office.Tokens[k] = await TokenAsync(http, new { username = people[k], password = "Demo@12345" });
            }

            using var counters = new HttpRequestMessage(HttpMethod.Get, $"/api/queue/counters?office={office.Code}");
            counters.Headers.Authorization = new("Bearer", office.Tokens[0]);
            using var answer = await http.SendAsync(counters);
            answer.EnsureSuccessStatusCode();
            office.Counters.AddRange((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        }

        city.CitizenToken = await TokenAsync(http, new { idNumber = "001090123456", password = "Demo@12345" });
    }

    private static async Task<string> TokenAsync(HttpClient http, object credentials)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", credentials);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>One speed of the peak hour, for <paramref name="seconds"/>: every kind on its own open-loop schedule.</summary>
    private static async Task ReplayAsync(HttpClient http, City city, string deployDir, double speed, int seconds, bool report = true)
    {
        var results = Mix.ToDictionary(m => m.Kind, _ => new ConcurrentBag<(double Ms, bool Ok)>());
        var lags = new ConcurrentBag<double>();
        var inFlight = new ConcurrentDictionary<Task, byte>();
        var dropped = 0;
        var before = CpuTimes.Read(deployDir);
        var wall = Stopwatch.StartNew();
        var schedules = Mix.Select((m, k) => Task.Run(async () =>
        {
            var random = new Random(k + (int)(speed * 1000));
            var rate = m.PerSecondPerOffice * city.Offices.Count * speed;
            for (var at = Exponential(random, rate); at < seconds; at += Exponential(random, rate))
            {
                if (TimeSpan.FromSeconds(at) - wall.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                if (inFlight.Count >= 4000)
                {
                    Interlocked.Increment(ref dropped); // the client's own limit: the city is past saturation
                    continue;
                }

                var office = city.Offices[random.Next(city.Offices.Count)];
                var request = Request(m.Kind, office, city, random);
                if (request is null)
                {
                    continue;
                }

                var task = SendAsync(http, request, m.Kind, results[m.Kind], lags);
                inFlight.TryAdd(task, 0);
                _ = task.ContinueWith(t => inFlight.TryRemove(t, out _), TaskScheduler.Default);
            }
        })).ToList();
        await Task.WhenAll(schedules);
        await Task.WhenAll(inFlight.Keys.ToArray());
        var elapsed = wall.Elapsed;
        var after = CpuTimes.Read(deployDir);
        if (!report)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\n{speed:0.#}× the city's peak, {city.Offices.Count} offices, {seconds} s ({elapsed.TotalSeconds:0.0} s until the last answer); client time through HAProxy, ms:"));
        Console.WriteLine("| request | per second | requests | errors | p50 | p95 | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (kind, _) in Mix)
        {
            var done = results[kind].ToArray();
            var p = LoadGenerator.Percentiles([.. done.Select(d => d.Ms)]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {done.Length / (double)seconds:0.0} | {done.Length} | {done.Count(d => !d.Ok)} | {p.P50:0.0} | {p.P95:0.0} | {p.P99:0.0} | {p.Max:0.0} |"));
        }

        if (dropped > 0)
        {
            Console.WriteLine($"not sent (4,000 requests already waiting): {dropped}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboards read from the replica: {lags.Count}, the replica at most {(lags.IsEmpty ? 0 : lags.Max()):0.0} s behind"));
        Console.WriteLine("CPU over the run (share of one core): " + CpuTimes.Describe(before, after, elapsed));
    }

    private static double Exponential(Random random, double rate) => -Math.Log(1 - random.NextDouble()) / rate;

    private static HttpRequestMessage? Request(string kind, CityOffice office, City city, Random random)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var stored = office.Stored.Count == 0 ? default : office.Stored[random.Next(office.Stored.Count)];
        (HttpMethod Method, string Url, object? Body, string? Token) r = kind switch
        {
            "intake" => (HttpMethod.Post, "/api/dossiers", new
            {
                procedureCode = "2.000815", channel = "counter",
                applicant = new { idNumber = string.Create(CultureInfo.InvariantCulture, $"001{random.Next(100_000_000, 999_999_999)}"), fullName = "Nguyễn Văn An", phone = "0912345678" },
            }, office.Tokens[0]),
            "ticket" => (HttpMethod.Post, "/api/queue/tickets", new { office = office.Code, service = random.Next(2) == 0 ? "HT" : "CT" }, null),
            "call-next" => (HttpMethod.Post, $"/api/queue/counters/{office.Counters[random.Next(office.Counters.Count)]}/call-next", null, office.Tokens[0]),
            "workflow action" when office.Open.TryDequeue(out var open) =>
                (HttpMethod.Post, $"/api/dossiers/{open.Code}/actions", new { action = "forward", expectedVersion = open.Version }, office.Tokens[1]),
            "workflow action" => (HttpMethod.Get, "", null, null),
            "inbox" => (HttpMethod.Get, "/api/inbox", null, office.Tokens[1 + random.Next(2)]),
            "dossier read" => (HttpMethod.Get, $"/api/dossiers/{stored.Code}", null, office.Tokens[0]),
            "dashboard (replica)" => (HttpMethod.Get, $"/api/reports/dashboard?unit={office.WardCode}&from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}", null, office.Tokens[2]),
            "public tracking" => (HttpMethod.Get, $"/api/public/dossiers/{stored.Code}?key={Uri.EscapeDataString(stored.Key)}", null, null),
            "portal read" => (HttpMethod.Get, "/api/portal/dossiers", null, city.CitizenToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (r.Url.Length == 0)
        {
            return null; // every open dossier of the office has been moved on
        }

        var message = new HttpRequestMessage(r.Method, r.Url);
        if (r.Body is not null)
        {
            message.Content = JsonContent.Create(r.Body);
        }

        if (r.Token is not null)
        {
            message.Headers.Authorization = new("Bearer", r.Token);
        }

        if (kind == "intake")
        {
            message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        return message;
    }

    private static async Task SendAsync(HttpClient http, HttpRequestMessage request, string kind, ConcurrentBag<(double, bool)> results, ConcurrentBag<double> lags)
    {
        var started = Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            ok = response.IsSuccessStatusCode; // a forward refused for its version would be a 409: an error too
            if (ok && kind == "dashboard (replica)" && JsonDocument.Parse(body).RootElement.TryGetProperty("replicaLagSeconds", out var lag) && lag.ValueKind == JsonValueKind.Number)
            {
                lags.Add(lag.GetDouble());
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            ok = false;
        }
        finally
        {
            request.Dispose();
        }

        results.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok));
    }

    /// <summary>CPU time of the deployment's processes, from /proc (clock ticks of 1/100 s).</summary>
    private static class CpuTimes
    {
        public static Dictionary<string, double> Read(string deployDir)
        {
            var times = new Dictionary<string, double>();
            foreach (var file in Directory.GetFiles(deployDir, "node*.pid").Order())
            {
                times[Path.GetFileNameWithoutExtension(file)] = Process(Pid(file), withChildren: false);
            }

            times["haproxy"] = Process(Pid(Path.Combine(deployDir, "haproxy.pid")), withChildren: false);
            times["redis"] = Process(Pid(Path.Combine(deployDir, "redis.pid")), withChildren: false);
            times["postgres primary"] = Process(Pid(Path.Combine(deployDir, "pg", "primary", "postmaster.pid")), withChildren: true);
            times["postgres replica"] = Process(Pid(Path.Combine(deployDir, "pg", "replica", "postmaster.pid")), withChildren: true);
            times["load generator"] = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            return times;
        }

        public static string Describe(Dictionary<string, double> before, Dictionary<string, double> after, TimeSpan elapsed) =>
            string.Join(", ", after.Select(a => string.Create(CultureInfo.InvariantCulture,
                $"{a.Key} {(a.Value - before.GetValueOrDefault(a.Key)) / elapsed.TotalSeconds * 100:0} %")));

        private static int Pid(string file) =>
            File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault()?.Trim(), out var pid) ? pid : 0;

        /// <summary>Seconds of CPU of a process, and with <paramref name="withChildren"/> of its live children and those it reaped.</summary>
        private static double Process(int pid, bool withChildren)
        {
            if (pid == 0 || Stat(pid) is not { } own)
            {
                return 0;
            }

            var ticks = own[11] + own[12] + (withChildren ? own[13] + own[14] : 0);
            if (withChildren)
            {
                foreach (var dir in Directory.GetDirectories("/proc"))
                {
                    if (int.TryParse(Path.GetFileName(dir), out var child) && Stat(child) is { } s && s[1] == pid)
                    {
                        ticks += s[11] + s[12];
                    }
                }
            }

            return ticks / 100.0;
        }

        /// <summary>The fields of /proc/PID/stat after the command's name (field 3 onwards), as numbers where they are.</summary>
        private static long[]? Stat(int pid)
        {
            try
            {
                var text = File.ReadAllText($"/proc/{pid}/stat");
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                return [.. fields.Select(f => long.TryParse(f, out var v) ? v : 0)];
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
