using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Tests.Features.Dossiers;

/// <summary>Kills the real app process in the middle of a burst of intakes and starts it again on the same database.</summary>
public sealed class IntakeCrashTests
{
    [Fact]
    public async Task A_killed_process_loses_no_acknowledged_dossier_and_numbering_goes_on_unique()
    {
        var dataDir = Directory.CreateTempSubdirectory("motcua-crash-");
        var db = Path.Combine(dataDir.FullName, "motcua.db");
        var port = AppProcess.FreePort();
        var acknowledged = new ConcurrentBag<string>();

        using (var first = AppProcess.Start(db, dataDir.FullName, port))
        {
            using var client = await AppProcess.ReadyClientAsync(port);
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync("/api/dossiers", Body($"0010901{w}{i:0000}"), stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("code").GetString()!);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the process died under this request: it was never acknowledged
                    }
                }
            })).ToList();

            while (acknowledged.Count < 40)
            {
                await Task.Delay(20);
            }

            await AppProcess.KillAsync(first);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        using var second = AppProcess.Start(db, dataDir.FullName, port);
        try
        {
            using var client = await AppProcess.ReadyClientAsync(port);
            foreach (var code in acknowledged)
            {
                var check = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify");
                Assert.True(check.GetProperty("intact").GetBoolean(), code);
            }

            var after = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                using var response = await client.PostAsJsonAsync("/api/dossiers", Body($"00109099{i:0000}"));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                after.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
            }

            var all = acknowledged.Concat(after).ToList();
            Assert.Equal(all.Count, all.Distinct().Count());
            var numbers = all.Select(c => int.Parse(c[^4..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(after.Select(c => int.Parse(c[^4..], System.Globalization.CultureInfo.InvariantCulture)).Min() > acknowledged.Select(c => int.Parse(c[^4..], System.Globalization.CultureInfo.InvariantCulture)).Max());
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
        }
        finally
        {
            await AppProcess.KillAsync(second);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dataDir.Delete(recursive: true);
        }
    }

    private static object Body(string idNumber) => new
    {
        procedureCode = "2.000908", channel = "counter", receivedAt = "2026-03-05T09:00:00+07:00",
        applicant = new { idNumber, fullName = "Người Nộp Thử" },
    };
}
