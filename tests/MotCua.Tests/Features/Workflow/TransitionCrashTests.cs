using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Workflow;

/// <summary>Kills the real app process while officers move dossiers on, and checks every dossier is before or after each transition, never between.</summary>
public sealed class TransitionCrashTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_killed_process_leaves_every_dossier_whole_and_keeps_every_acknowledged_transition(DatabaseProvider provider)
    {
        var dataDir = Directory.CreateTempSubdirectory("motcua-crash-wf-");
        await using var database = await AppProcess.DatabaseAsync(provider, dataDir.FullName);
        var db = Path.Combine(dataDir.FullName, "motcua.db");
        var port = AppProcess.FreePort();
        var codes = new List<string>();
        var acknowledged = new ConcurrentBag<(string Code, string Action)>();
        var refused = new ConcurrentBag<string>();
        using (var first = AppProcess.Start(db, dataDir.FullName, port, database.Settings))
        {
            using var counter = await AppProcess.ReadyClientAsync(port);
            for (var i = 0; i < 40; i++)
            {
                using var response = await counter.PostAsJsonAsync("/api/dossiers", new
                {
                    procedureCode = "2.000815", channel = "counter", applicant = new { idNumber = $"0010905{i:00000}", fullName = "Người Nộp Thử", email = "a@example.vn" },
                });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                codes.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
            }

            using var specialist = await AppProcess.ReadyClientAsync(port, "chuyenvien.trungvan");
            using var leader = await AppProcess.ReadyClientAsync(port, "lanhdao.trungvan");
            using var stop = new CancellationTokenSource();
            var workers = codes.Select(code => Task.Run(async () =>
            {
                try
                {
                    foreach (var (client, action, version) in new[] { (specialist, "forward", 1), (leader, "approve", 2) })
                    {
                        using var response = await client.PostAsJsonAsync($"/api/dossiers/{code}/actions", new { action, expectedVersion = version }, stop.Token);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            refused.Add($"{code} {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop.Token)}");
                            return; // any answer but "done" fails the test below
                        }

                        acknowledged.Add((code, action));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                {
                    // the process died under this request: it was never acknowledged
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (acknowledged.Count < 20 && refused.IsEmpty && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            await AppProcess.KillAsync(first);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            Assert.True(refused.IsEmpty, "answers during the burst: " + string.Join("\n", refused));
            Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} transitions acknowledged in two minutes");
        }

        using var second = AppProcess.Start(db, dataDir.FullName, port, database.Settings);
        try
        {
            using var client = await AppProcess.ReadyClientAsync(port);
            foreach (var code in codes)
            {
                var dossier = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}");
                var events = dossier.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
                var version = dossier.GetProperty("version").GetInt32();
                Assert.Equal(version + 1, events.Count); // receive + forward at version 1, then one event per version
                var progress = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/progress");
                var open = progress.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("endedAt").ValueKind == JsonValueKind.Null).ToList();
                var step = Assert.Single(open).GetProperty("stepIndex").GetInt32();
                var (expectedStep, expectedStatus) = events[^1] switch
                {
                    "approve" => (3, "resultReady"),
                    "forward" when version == 2 => (2, "inProgress"),
                    _ => (1, "inProgress"),
                };
                Assert.Equal((expectedStep, expectedStatus), (step, dossier.GetProperty("status").GetString()));
                Assert.True((await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify")).GetProperty("intact").GetBoolean(), code);
                foreach (var (_, action) in acknowledged.Where(a => a.Code == code))
                {
                    Assert.Contains(action, events.Skip(2));
                }
            }
        }
        finally
        {
            await AppProcess.KillAsync(second);
            dataDir.Delete(recursive: true);
        }
    }
}
