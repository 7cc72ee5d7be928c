using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Queue;
using MotCua.Infrastructure.Database;

namespace MotCua.Benchmarks;

/// <summary>
/// A busy office: 2,000 tickets waiting over four services and 30 counters calling at once until the hall is empty,
/// with 10 display boards connected. Reports call-next latency and how long each call took to reach every board.
/// </summary>
public static class QueueScenario
{
    private const string Office = "001.00.61.H26";

    public static async Task RunAsync(string? postgres, int tickets, int counters, int boards, bool backToBack)
    {
        await using var host = new BenchHost(postgres);
        var baseAddress = host.Start();
        await AddCountersAsync(host, counters);

        var sent = new ConcurrentDictionary<Guid, long>(); // the start of each counter's call in flight
        var delays = new ConcurrentBag<double>();
        var connections = new List<HubConnection>();
        for (var b = 0; b < boards; b++)
        {
            var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/queue")).Build();
            connection.On<JsonElement>("call", call =>
            {
                if (sent.TryGetValue(call.GetProperty("counterId").GetGuid(), out var started))
                {
                    delays.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            });
            await connection.StartAsync();
            await connection.InvokeAsync("Watch", Office);
            connections.Add(connection);
        }

        var token = await host.TokenAsync("canbo.trungvan");
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var kiosk = new HttpClient { BaseAddress = baseAddress };
        kiosk.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + Office);
        var ids = (await client.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();

        // A server that has run for a while has compiled its hot paths for good; a fresh one spends the first minute
        // recompiling them (tiered JIT) on the same two cores. Warm up with the same work until the JIT is quiet.
        var warmUp = Stopwatch.StartNew();
        for (var round = 0; round < 24; round++)
        {
            // Back to back until the JIT is nearly done (fastest), then a few rounds of the measured kind.
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await IssueAsync(kiosk, 10 * ids.Count);
            await CallUntilEmptyAsync(client, ids, backToBack: round < 20, sent, [], []);
            await Task.Delay(500);
            if (round < 20 && System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 20)
            {
                round = 19;
            }
        }

        delays.Clear();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmUp.Elapsed.TotalSeconds:N0} s, {System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods compiled"));
        var issue = Stopwatch.StartNew();
        await IssueAsync(kiosk, tickets);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queue: {tickets:N0} tickets issued in {issue.Elapsed.TotalSeconds:N1} s ({tickets / issue.Elapsed.TotalSeconds:N0}/s, one kiosk)"));

        var latencies = new ConcurrentBag<(double Client, double Server)>();
        var numbers = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (gcs, paused) = (GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var (jitted, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        await CallUntilEmptyAsync(client, ids, backToBack, sent, latencies, numbers);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        (gcs, paused) = (GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcs, GC.GetTotalPauseDuration() - paused);
        (jitted, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount() - jitted, System.Runtime.JitInfo.GetCompilationTime() - jitTime);
        await Task.Delay(1000);
        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"call-next: {numbers.Count:N0} calls by {ids.Count} counters at once ({(backToBack ? "back to back" : "in bursts, every counter each second")}) in {clock.Elapsed.TotalSeconds:N1} s, {numbers.Distinct().Count():N0} distinct tickets"));
        Console.WriteLine("  server time ms: " + LoadResult.Line(LoadGenerator.Percentiles([.. latencies.Select(l => l.Server)])));
        Console.WriteLine("  client time ms: " + LoadResult.Line(LoadGenerator.Percentiles([.. latencies.Select(l => l.Client)])));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"board delivery ({boards} boards, {delays.Count:N0} deliveries of {numbers.Count * boards:N0}), from the call's start: ") + LoadResult.Line(LoadGenerator.Percentiles([.. delays])));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per call (server, boards and load generator together): {cpu.TotalMilliseconds / Math.Max(1, numbers.Count):N2} ms; {gcs} garbage collections ({GC.CollectionCount(2)} of generation 2 since the start), paused {paused.TotalMilliseconds:N0} ms in all; {jitted:N0} methods (re)compiled meanwhile, {jitTime.TotalMilliseconds:N0} ms"));
    }

    private static async Task IssueAsync(HttpClient kiosk, int tickets)
    {
        string[] services = ["HT", "CT", "DX", "CK"];
        for (var i = 0; i < tickets; i++)
        {
            using var r = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = services[i % 4], priority = i % 10 == 0 });
            r.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// Every counter calls until nobody waits: in rounds, every counter at the same instant (a burst of 30 calls),
    /// then the hall pauses for a second, as counters do when their visitors sit down; or back to back (saturation).
    /// </summary>
    private static async Task CallUntilEmptyAsync(HttpClient client, List<Guid> ids, bool backToBack, ConcurrentDictionary<Guid, long> sent,
        ConcurrentBag<(double Client, double Server)> latencies, ConcurrentBag<string> numbers)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(async id =>
        {
            while (true)
            {
                if (!backToBack)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(1000 - (clock.ElapsedMilliseconds % 1000)));
                }

                var started = Stopwatch.GetTimestamp();
                sent[id] = started;
                using var response = await client.PostAsync($"/api/queue/counters/{id}/call-next", null);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
                {
                    return;
                }

                response.EnsureSuccessStatusCode();
                var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
                numbers.Add(number);
                latencies.Add((elapsed, LoadGenerator.ServerMs(response)));
            }
        }));
    }

    /// <summary>
    /// A busy day replayed at <paramref name="speed"/>× (100: nine hours in 5.4 minutes): tickets arrive on a day's
    /// curve (morning peak, a smaller one after lunch, 10 % priority), 30 counters call, serve for about eight
    /// (scaled) minutes, 3 % of visitors do not come. Counts every error; prints the day's figures from the API.
    /// </summary>
    public static async Task ReplayDayAsync(string? postgres, int tickets, int counters, double speed)
    {
        await using var host = new BenchHost(postgres);
        var baseAddress = host.Start();
        await AddCountersAsync(host, counters);

        var random = new Random(7);
        double Hour()
        {
            // Morning peak around 9:00, afternoon peak around 14:30, some all day long (hours after 08:00).
            var u = random.NextDouble();
            var h = u < 0.55 ? 1 + (Normal() * 0.8) : u < 0.85 ? 6.5 + (Normal() * 0.7) : random.NextDouble() * 9;
            return Math.Clamp(h, 0, 8.9);
        }

        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var arrivals = Enumerable.Range(0, tickets).Select(_ => TimeSpan.FromHours(Hour() / speed)).Order().ToList();
        string[] services = ["HT", "CT", "DX", "CK"];
        var errors = 0;
        var issued = 0;
        var served = 0;
        var token = await host.TokenAsync("canbo.trungvan");
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var kiosk = new HttpClient { BaseAddress = baseAddress };
        kiosk.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + Office);
        var ids = (await client.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        var clock = Stopwatch.StartNew();
        var dayEnd = TimeSpan.FromHours(9 / speed);
        var arriving = Task.Run(async () =>
        {
            foreach (var (at, i) in arrivals.Select((a, i) => (a, i)))
            {
                if (at - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                using var r = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = services[random.Next(4)], priority = i % 10 == 0 });
                if (r.IsSuccessStatusCode) { Interlocked.Increment(ref issued); } else { Interlocked.Increment(ref errors); }
            }
        });
        var calling = ids.Select((id, k) => Task.Run(async () =>
        {
            var own = new Random(k);
            while (clock.Elapsed < dayEnd || !arriving.IsCompleted || Volatile.Read(ref served) < Volatile.Read(ref issued))
            {
                using var call = await client.PostAsync($"/api/queue/counters/{id}/call-next", null);
                if (call.StatusCode == System.Net.HttpStatusCode.NoContent)
                {
                    if (arriving.IsCompleted && clock.Elapsed > dayEnd)
                    {
                        return;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(30 / speed));
                    continue;
                }

                if (!call.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                var noShow = own.NextDouble() < 0.03;
                await Task.Delay(TimeSpan.FromMinutes((noShow ? 1 : 2 + (-Math.Log(1 - own.NextDouble()) * 6)) / speed));
                using var end = await client.PostAsync($"/api/queue/counters/{id}/{(noShow ? "no-show" : "done")}", null);
                if (!end.IsSuccessStatusCode) { Interlocked.Increment(ref errors); }
                Interlocked.Increment(ref served);
            }
        })).ToList();
        await arriving;
        await Task.WhenAll(calling);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var figures = await client.GetFromJsonAsync<JsonElement>($"/api/queue/figures?office={Office}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var total = figures.GetProperty("total");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"day replay at {speed}×: {issued:N0} tickets, {served:N0} called and ended by {ids.Count} counters in {clock.Elapsed:mm\\:ss}, {errors} errors; " +
            $"served {total.GetProperty("served").GetInt32():N0}, no-shows {total.GetProperty("noShows").GetInt32()}, still waiting {total.GetProperty("stillWaiting").GetInt32()}, " +
            $"average wait {total.GetProperty("averageWaitMinutes")} real minutes (× {speed} in the day)"));
    }

    /// <summary>The demo office has three counters; more, serving everything, up to <paramref name="counters"/>.</summary>
    private static async Task AddCountersAsync(BenchHost host, int counters)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var office = await db.Units.Where(u => u.Code == Office).Select(u => u.Id).SingleAsync();
        for (var n = 4; n <= counters; n++)
        {
            db.Add(new QueueCounter { OfficeId = office, Number = n, Name = $"Quầy số {n}", Services = ["HT", "CT", "DX", "CK"] });
        }

        await db.SaveChangesAsync();
    }
}
