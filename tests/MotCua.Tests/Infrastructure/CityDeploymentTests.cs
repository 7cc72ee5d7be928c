using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using netDumbster.smtp;
using Npgsql;
using Xunit.Abstractions;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The repository's several-node deployment (<c>deploy/local.sh</c>: HAProxy, three MotCua nodes, PostgreSQL with a
/// streaming replica, Redis) started for real, a burst of intakes, tickets and calls through the load balancer, one
/// node killed with <c>kill -9</c> and the primary database restarted in the middle of it. A display board on the
/// node that dies reconnects through the load balancer and catches up within ten seconds. Afterwards every
/// acknowledged dossier, ticket and cash payment is there, no number or receipt was given twice, a payment cut by the
/// kill and tried again is recorded once, and the outbox, dispatched by all three
/// nodes, delivered every e-mail; dossiers received late are marked overdue once each by the three nodes' sweepers;
/// Prometheus, when installed, sees the killed node down and the others up.
/// </summary>
[Collection(OwnProcessTests.Name)]
public sealed class CityDeploymentTests(ITestOutputHelper output)
{
    private const string Office = "001.00.61.H26";
    private static readonly string[] Services = ["HT", "CT", "DX", "CK"];

    private static bool Has(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Any(dir => File.Exists(Path.Combine(dir, program)));

    [SkippableFact]
    public async Task Three_nodes_behind_HAProxy_lose_nothing_when_a_node_is_killed_and_the_database_restarts()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Has("haproxy") && Has("redis-server") && Directory.Exists("/usr/lib/postgresql"), "haproxy, redis-server and PostgreSQL are needed (./test.sh installs them).");
        using var smtp = SimpleSmtpServer.Start(AppProcess.FreePort());
        var dir = Directory.CreateTempSubdirectory("motcua-city-");
        var (lb, pg, redis) = (FreeBlock(4), FreeBlock(2), FreeBlock(1));
        var environment = new Dictionary<string, string>
        {
            ["MOTCUA_DEPLOY_DIR"] = dir.FullName, ["LB_PORT"] = Text(lb), ["PG_PORT"] = Text(pg), ["REDIS_PORT"] = Text(redis),
            ["MOTCUA_DLL"] = Path.Combine(TestApp.RepoRoot(), "src", "MotCua", "bin", AppProcess.Configuration, "net10.0", "MotCua.dll"),
            ["Demo__Month"] = "false", ["RateLimiting__PublicPerMinute"] = "100000", ["Scanning__Enabled"] = "false",
            ["Smtp__Host"] = "127.0.0.1", ["Smtp__Port"] = Text(smtp.Configuration.Port), ["Smtp__Security"] = "none",
            ["Notifications__Lease"] = "00:00:05", // a message the killed node held is sent by another within seconds
            ["Workflow__SweepEvery"] = "00:00:01", // every node sweeps deadlines each second: one at a time, by the database lock
            ["Intake__BackdateDays"] = "60", ["Intake__OfficersMayBackdate"] = "true",
        };
        try
        {
            await DeployAsync(environment, "start");
            using var client = await AppProcess.ReadyClientAsync(lb);
            client.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + Office);
            var counters = (await client.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items").EnumerateArray()
                .Select(c => c.GetProperty("id").GetGuid()).ToList();

            // A board kept on node 2 by the load balancer's cookie, reconnecting as the board's page does (queue-board.js).
            var cookies = new CookieContainer();
            cookies.Add(new Uri($"http://127.0.0.1:{lb}"), new Cookie("MOTCUA_NODE", "n2"));
            await using var board = new HubConnectionBuilder().WithUrl($"http://127.0.0.1:{lb}/hubs/queue", o => o.Cookies = cookies)
                .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)]).Build();
            var heard = new ConcurrentBag<(DateTime At, string Number)>();
            DateTime? caughtUp = null;
            board.On<JsonElement>("call", call => heard.Add((DateTime.UtcNow, call.GetProperty("number").GetString()!)));
            board.Reconnected += async _ =>
            {
                await board.InvokeAsync("Watch", Office);
                using var shown = await client.GetAsync($"/api/queue/board?office={Office}");
                if (shown.IsSuccessStatusCode)
                {
                    caughtUp = DateTime.UtcNow;
                }
            };
            await board.StartAsync();
            await board.InvokeAsync("Watch", Office);

            // Dossiers received a month ago, long past their deadline: the three nodes' deadline sweepers race for them.
            var late = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                using var created = await client.PostAsJsonAsync("/api/dossiers", new
                {
                    procedureCode = "2.000815", channel = "counter", receivedAt = DateTimeOffset.UtcNow.AddDays(-30),
                    applicant = new { idNumber = $"0010905{i:00000}", fullName = "Trần Thị Bình", phone = "0912345678" },
                });
                Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
                late.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
            }

            var dossiers = new ConcurrentBag<string>();
            var tickets = new ConcurrentBag<string>();
            var called = new ConcurrentBag<string>();
            var toPay = new ConcurrentQueue<string>();
            var receipts = new ConcurrentBag<(string Code, string Receipt)>();
            var cutPayments = new ConcurrentBag<string>();
            var paidBefore = new ConcurrentBag<string>(); // tried again after a cut, and found already paid
            var lost = new ConcurrentBag<string>();   // requests cut by the kill or the restart (never acknowledged)
            var wrong = new ConcurrentBag<string>();  // any other answer: a failure
            using var stop = new CancellationTokenSource();

            async Task Work(Func<int, Task<HttpResponseMessage>> send, HttpStatusCode[] fine, Func<HttpResponseMessage, Task> acknowledged)
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var response = await send(i);
                        if (fine.Contains(response.StatusCode))
                        {
                            await acknowledged(response);
                        }
                        else if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                        {
                            lost.Add($"{(int)response.StatusCode}");
                        }
                        else
                        {
                            wrong.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !stop.IsCancellationRequested)
                    {
                        lost.Add(e.GetType().Name);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }

            var workers = new List<Task>();
            for (var w = 0; w < 3; w++)
            {
                var worker = w;
                workers.Add(Task.Run(() => Work(
                    i => client.PostAsJsonAsync("/api/dossiers", new
                    {
                        procedureCode = "2.000815", channel = "counter",
                        applicant = new { idNumber = $"0010904{worker}{i:0000}", fullName = "Nguyễn Văn An", email = $"an{worker}.{i}@example.vn", phone = "0912345678" },
                    }),
                    [HttpStatusCode.Created],
                    async r =>
                    {
                        var code = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
                        dossiers.Add(code);
                        toPay.Enqueue(code);
                    })));
            }

            // The counter takes the fee in cash for each dossier received; a payment cut by the kill is tried again, as
            // the officer would: it is then recorded now, or found paid by the attempt that was cut.
            workers.Add(Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (!toPay.TryDequeue(out var code))
                    {
                        await Task.Delay(20);
                        continue;
                    }

                    try
                    {
                        using var paid = await client.PostAsJsonAsync($"/api/dossiers/{code}/payments", new { method = "cash" });
                        if (paid.StatusCode == HttpStatusCode.Created)
                        {
                            receipts.Add((code, (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!));
                        }
                        else if (paid.StatusCode == HttpStatusCode.Conflict && cutPayments.Contains(code))
                        {
                            paidBefore.Add(code);
                        }
                        else if (paid.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                        {
                            cutPayments.Add(code);
                            toPay.Enqueue(code);
                        }
                        else
                        {
                            wrong.Add($"payment {(int)paid.StatusCode} {await paid.Content.ReadAsStringAsync()}");
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !stop.IsCancellationRequested)
                    {
                        cutPayments.Add(code);
                        toPay.Enqueue(code);
                    }
                }
            }));

            workers.Add(Task.Run(() => Work(
                i => client.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = Services[i % Services.Length] }),
                [HttpStatusCode.Created],
                async r => tickets.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!))));
            for (var c = 0; c < 2; c++)
            {
                var counter = counters[c];
                workers.Add(Task.Run(() => Work(
                    _ => client.PostAsync($"/api/queue/counters/{counter}/call-next", null),
                    [HttpStatusCode.OK, HttpStatusCode.NoContent],
                    async r =>
                    {
                        if (r.StatusCode == HttpStatusCode.OK)
                        {
                            called.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
                        }
                    })));
            }

            await UntilAsync(() => dossiers.Count >= 20 || !wrong.IsEmpty);
            Assert.NotEmpty(heard); // the board hears node 1's and node 3's calls through Redis
            var killed = DateTime.UtcNow;
            await DeployAsync(environment, "kill", "2");
            await UntilAsync(() => dossiers.Count >= 45 || !wrong.IsEmpty);
            await UntilAsync(() => caughtUp is not null);
            output.WriteLine($"the board on the killed node caught up on another {(caughtUp!.Value - killed).TotalSeconds:0.0} s after the kill");
            Assert.True(caughtUp.Value - killed < TimeSpan.FromSeconds(10), "the board took more than ten seconds to catch up");
            var afterCatchUp = called.Count;
            await UntilAsync(() => called.Count >= afterCatchUp + 10);
            Assert.Contains(heard, h => h.At > caughtUp.Value); // and hears the calls made after
            await DeployAsync(environment, "restart-db");
            await UntilAsync(() => dossiers.Count >= 70 || !wrong.IsEmpty);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            output.WriteLine($"acknowledged: {dossiers.Count} dossiers, {tickets.Count} tickets, {called.Count} calls, {receipts.Count} cash payments ({paidBefore.Count} found paid when tried again); payments cut: {cutPayments.Count}; other requests cut by the kill or the restart: {lost.Count} ({string.Join(", ", lost.GroupBy(l => l).Select(g => $"{g.Key} × {g.Count()}"))})");
            Assert.True(wrong.IsEmpty, "answers that are neither acknowledged nor cut: " + string.Join("\n", wrong.Take(5)));

            // Nothing acknowledged is lost, and no number was given twice.
            Assert.Equal(dossiers.Count, dossiers.Distinct().Count());
            Assert.Equal(tickets.Count, tickets.Distinct().Count());
            Assert.Equal(called.Count, called.Distinct().Count());
            var database = $"Host=127.0.0.1;Port={pg};Username=postgres;Database=motcua;Pooling=false";
            var stored = await AppDatabase.ColumnAsync(database, "SELECT \"Code\" FROM dossiers_dossier");
            Assert.Empty(dossiers.Except(stored));
            Assert.Equal(stored.Count, stored.Distinct().Count());
            var issued = await AppDatabase.ColumnAsync(database, "SELECT \"Number\" FROM queue_ticket");
            Assert.Empty(tickets.Except(issued));
            Assert.Equal(issued.Count, issued.Distinct().Count());

            // Every acknowledged payment is stored with its receipt; no receipt number twice, no dossier paid twice.
            var payments = (await AppDatabase.ColumnAsync(database, "SELECT \"DossierCode\" || '|' || \"ReceiptNumber\" FROM payments_payment WHERE \"ReceiptNumber\" IS NOT NULL"))
                .Select(p => p.Split('|')).Select(p => (Code: p[0], Receipt: p[1])).ToList();
            Assert.NotEmpty(receipts);
            Assert.Empty(receipts.Except(payments));
            Assert.Equal(payments.Count, payments.Select(p => p.Receipt).Distinct().Count());
            Assert.Equal(payments.Count, payments.Select(p => p.Code).Distinct().Count());
            Assert.Empty(paidBefore.Except(payments.Select(p => p.Code))); // "already paid" only where the cut attempt was recorded

            // Each late dossier was marked overdue once: one event each, however many nodes swept.
            var overdue = await AppDatabase.ColumnAsync(database,
                $"SELECT d.\"Code\" FROM dossiers_event e JOIN dossiers_dossier d ON d.\"Id\" = e.\"DossierId\" WHERE e.\"Action\" = 'overdue' AND d.\"Code\" IN ({string.Join(',', late.Select(c => $"'{c}'"))})");
            output.WriteLine($"late dossiers: {late.Count}, overdue events: {overdue.Count}");
            Assert.Equal(late.Order(), overdue.Order());

            // The ward's dashboard of today is read from the streaming replica, says how far behind it is, and catches up.
            using var leader = await AppProcess.ReadyClientAsync(lb, "lanhdao.trungvan");
            var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            JsonElement dashboard = default;
            for (var wait = 0; wait < 100; wait++)
            {
                dashboard = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit=000.00.61.H26&from={today}&to={today}");
                if (dashboard.GetProperty("totals").GetProperty("received").GetInt32() >= stored.Count - late.Count)
                {
                    break;
                }

                await Task.Delay(100);
            }

            output.WriteLine($"dashboard from the replica: {dashboard.GetProperty("totals").GetProperty("received").GetInt32()} received, {dashboard.GetProperty("replicaLagSeconds")} s behind");
            Assert.Equal(stored.Count - late.Count, dashboard.GetProperty("totals").GetProperty("received").GetInt32()); // the late ones were received a month ago
            Assert.Equal(JsonValueKind.Number, dashboard.GetProperty("replicaLagSeconds").ValueKind);

            // Every e-mail written with those dossiers is delivered, by whichever node's dispatcher took it.
            List<string> messages = [];
            for (var wait = 0; wait < 600; wait++)
            {
                messages = await AppDatabase.ColumnAsync(database, "SELECT \"Id\"::text FROM notifications_outbox WHERE \"Channel\" = 'email'");
                var unsent = await AppDatabase.ColumnAsync(database, "SELECT \"Id\"::text FROM notifications_outbox WHERE \"Channel\" = 'email' AND \"SentAt\" IS NULL");
                if (unsent.Count == 0)
                {
                    break;
                }

                await Task.Delay(100);
            }

            var received = smtp.ReceivedEmail.Select(m => m.Headers["Message-ID"]!.Trim('<', '>')).ToList();
            output.WriteLine($"e-mails: {messages.Count} written, {received.Distinct().Count()} delivered, {received.Count - received.Distinct().Count()} delivered again (same Message-ID)");
            Assert.True(messages.Count >= dossiers.Count, $"{messages.Count} e-mails for {dossiers.Count} dossiers");
            Assert.Empty(messages.Select(id => $"{Guid.Parse(id):N}@motcua").Except(received));
            // Sent again only what the killed node had handed to the mail server without living to record it: a node
            // sends one message at a time, so one at most (with its Message-ID, which mail systems keep once). A
            // database restart no longer sends anything again: the dispatcher waits for it to record a delivery.
            Assert.InRange(received.Count - received.Distinct().Count(), 0, 1);

            // Prometheus (when installed) scrapes every node: the killed one is down, the others up, and the city's console shows them.
            if (Has("prometheus"))
            {
                using var prometheus = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{lb + 98}") };
                Dictionary<string, string> up = [];
                for (var wait = 0; wait < 100 && !(up.Count == 3 && up.Values.Count(v => v == "1") == 2); wait++)
                {
                    await Task.Delay(200);
                    var answer = await prometheus.GetFromJsonAsync<JsonElement>("/api/v1/query?query=up%7Bjob%3D%22motcua%22%7D");
                    up = answer.GetProperty("data").GetProperty("result").EnumerateArray()
                        .ToDictionary(r => r.GetProperty("metric").GetProperty("instance").GetString()!, r => r.GetProperty("value")[1].GetString()!);
                }

                output.WriteLine("Prometheus: " + string.Join(", ", up.Select(u => $"{u.Key} up={u.Value}")));
                Assert.Equal("0", up[$"127.0.0.1:{lb + 2}"]);
                Assert.Equal("1", up[$"127.0.0.1:{lb + 1}"]);
                Assert.Equal("1", up[$"127.0.0.1:{lb + 3}"]);
                var console = await prometheus.GetStringAsync("/consoles/motcua.html");
                Assert.Contains($"127.0.0.1:{lb + 2}", console, StringComparison.Ordinal);
                Assert.Contains(Office, console, StringComparison.Ordinal);
                using var throughBalancer = await client.GetAsync("/metrics");
                Assert.Equal(HttpStatusCode.NotFound, throughBalancer.StatusCode); // never through the load balancer
            }
        }
        finally
        {
            await DeployAsync(environment, "stop");
            NpgsqlConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task UntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the burst stalled");
            await Task.Delay(20);
        }
    }

    /// <summary>A first port of <paramref name="count"/> free ones in a row (the script numbers its nodes from it).</summary>
    private static int FreeBlock(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(20_000, 60_000);
            if (Enumerable.Range(first, count + (count > 1 ? 100 : 0)).Where(p => p < first + count || p >= first + 98).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException("No free ports.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task DeployAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestApp.RepoRoot(), "deploy", "local.sh"), .. args]);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var (exit, text) = await AppProcess.RunToEndAsync(start);
        output.WriteLine($"deploy/local.sh {string.Join(' ', args)}: {text.Trim()}");
        Assert.True(exit == 0, $"deploy/local.sh {string.Join(' ', args)}: {text}");
    }
}
