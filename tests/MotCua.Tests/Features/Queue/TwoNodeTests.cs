using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace MotCua.Tests.Features.Queue;

/// <summary>
/// Two real MotCua processes behind one address, sharing the database (PostgreSQL when configured) and Redis:
/// counters calling through either node never get the same ticket, and a board connected to one node hears the
/// calls made on the other.
/// </summary>
public sealed class TwoNodeTests
{
    private const string Office = "001.00.61.H26";

    [Fact]
    public async Task Two_nodes_never_hand_one_ticket_to_two_counters_and_every_board_sees_every_call()
    {
        var redis = Environment.GetEnvironmentVariable("MOTCUA_TEST_REDIS");
        Assert.False(string.IsNullOrEmpty(redis), "MOTCUA_TEST_REDIS must name a Redis server (test.sh starts one).");
        var dataDir = Directory.CreateTempSubdirectory("motcua-nodes-");
        var (database, drop) = await DatabaseAsync(dataDir.FullName);
        var environment = new Dictionary<string, string>(database) { ["Redis__Configuration"] = redis! };
        var (portA, portB) = (AppProcess.FreePort(), AppProcess.FreePort());
        using var nodeA = AppProcess.Start(Path.Combine(dataDir.FullName, "motcua.db"), dataDir.FullName, portA, environment);
        try
        {
            using var a = await AppProcess.ReadyClientAsync(portA); // the first node migrates and seeds
            using var nodeB = AppProcess.Start(Path.Combine(dataDir.FullName, "motcua.db"), dataDir.FullName, portB, environment);
            try
            {
                using var b = await AppProcess.ReadyClientAsync(portB);
                var heard = new ConcurrentBag<string>();
                await using var board = new HubConnectionBuilder().WithUrl($"http://127.0.0.1:{portA}/hubs/queue").Build();
                board.On<JsonElement>("call", call => heard.Add(call.GetProperty("number").GetString()!));
                await board.StartAsync();
                await board.InvokeAsync("Watch", Office);

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
                    return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString() : null;
                }));
                var numbers = calls.Where(n => n is not null).ToList();
                Assert.Equal(30, numbers.Count);
                Assert.Equal(30, numbers.Distinct().Count());

                for (var wait = 0; heard.Count < 30 && wait < 100; wait++)
                {
                    await Task.Delay(100);
                }

                Assert.Equal(numbers.Order(), heard.Order()); // half the calls were made on the other node
            }
            finally
            {
                await AppProcess.KillAsync(nodeB);
            }
        }
        finally
        {
            await AppProcess.KillAsync(nodeA);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await drop();
            dataDir.Delete(recursive: true);
        }
    }

    /// <summary>A fresh PostgreSQL database when a server is configured; otherwise one SQLite file both processes open.</summary>
    private static async Task<(Dictionary<string, string> Settings, Func<Task> Drop)> DatabaseAsync(string dataDir)
    {
        if (TestApp.PostgresServer is not { } server)
        {
            return (new Dictionary<string, string>(), () => Task.CompletedTask);
        }

        var name = $"motcua_nodes_{Environment.ProcessId}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\"" })
            {
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync();
            }
        }

        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
        return (settings, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
