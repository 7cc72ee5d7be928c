using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Queue;

/// <summary>
/// Two real MotCua processes behind one address, sharing the database (PostgreSQL when configured) and Redis:
/// counters calling through either node never get the same ticket, and a board connected to one node hears the
/// calls made on the other.
/// </summary>
public sealed class TwoNodeTests
{
    private const string Office = "001.00.61.H26";

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Two_nodes_never_hand_one_ticket_to_two_counters_and_every_board_sees_every_call(DatabaseProvider provider)
    {
        var redis = Environment.GetEnvironmentVariable("MOTCUA_TEST_REDIS");
        Skip.If(string.IsNullOrEmpty(redis), "Redis is not configured (MOTCUA_TEST_REDIS); ./test.sh starts one.");
        var dataDir = Directory.CreateTempSubdirectory("motcua-nodes-");
        await using var database = await AppProcess.DatabaseAsync(provider, dataDir.FullName); // SQLite: one file both processes open
        var environment = database.With(new Dictionary<string, string> { ["Redis__Configuration"] = redis! });
        var (portA, portB) = (AppProcess.FreePort(), AppProcess.FreePort());
        using var nodeA = AppProcess.Start(Path.Combine(dataDir.FullName, "motcua.db"), dataDir.FullName, portA, environment);
        try
        {
            using var a = await AppProcess.ReadyClientAsync(portA); // the first node migrates and seeds
            using var nodeB = AppProcess.Start(Path.Combine(dataDir.FullName, "motcua.db"), dataDir.FullName, portB, environment);
            try
            {
                using var b = await AppProcess.ReadyClientAsync(portB);
                // A board on each node: each must hear every call, half of which are made on the other node.
                var heard = new[] { new ConcurrentBag<string>(), new ConcurrentBag<string>() };
                var boards = new List<HubConnection>();
                foreach (var (port, i) in new[] { (portA, 0), (portB, 1) })
                {
                    var board = new HubConnectionBuilder().WithUrl($"http://127.0.0.1:{port}/hubs/queue").Build();
                    board.On<JsonElement>("call", call => heard[i].Add(call.GetProperty("number").GetString()!));
                    await board.StartAsync();
                    await board.InvokeAsync("Watch", Office);
                    boards.Add(board);
                }

                a.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + Office);
                b.DefaultRequestHeaders.Add("X-Kiosk-Key", "MK-DEMO-" + Office);
                string[] services = ["HT", "CT", "DX", "CK"];
                for (var i = 0; i < 30; i++)
                {
                    using var ticket = await (i % 2 == 0 ? a : b).PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = services[i % 4] });
                    Assert.Equal(HttpStatusCode.Created, ticket.StatusCode);
                }

                var counters = (await a.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items").EnumerateArray()
                    .Select(c => c.GetProperty("id").GetGuid()).ToList();
                var calls = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
                {
                    using var response = await (i % 2 == 0 ? a : b).PostAsync($"/api/queue/counters/{counters[i % counters.Count]}/call-next", null);
                    // Called, or nobody left to call: any other answer is a failure, not a missing number.
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"call-next: {(int)response.StatusCode}");
                    return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString() : null;
                }));
                var numbers = calls.Where(n => n is not null).ToList();
                Assert.Equal(30, numbers.Count);
                Assert.Equal(30, numbers.Distinct().Count());

                for (var wait = 0; heard.Any(h => h.Count < 30) && wait < 100; wait++)
                {
                    await Task.Delay(100);
                }

                Assert.All(heard, board => Assert.Equal(numbers.Order(), board.Order()));
                foreach (var board in boards)
                {
                    await board.DisposeAsync();
                }
            }
            finally
            {
                await AppProcess.KillAsync(nodeB);
            }
        }
        finally
        {
            await AppProcess.KillAsync(nodeA);
            dataDir.Delete(recursive: true);
        }
    }
}
