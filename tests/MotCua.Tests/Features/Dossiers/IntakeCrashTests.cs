using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Dossiers;

/// <summary>Kills the real app process in the middle of a burst of intakes and starts it again on the same database.</summary>
[Collection(OwnProcessTests.Name)]
public sealed class IntakeCrashTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_killed_process_loses_no_acknowledged_dossier_and_numbering_goes_on_unique(DatabaseProvider provider)
    {
        var dataDir = Directory.CreateTempSubdirectory("motcua-crash-");
        await using var database = await AppProcess.DatabaseAsync(provider, dataDir.FullName);
        var db = Path.Combine(dataDir.FullName, "motcua.db");
        var port = AppProcess.FreePort();
        var acknowledged = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<string>();

        using (var first = AppProcess.Start(db, dataDir.FullName, port, database.Settings))
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
                        if (response.StatusCode != HttpStatusCode.Created)
                        {
                            refused.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop.Token)}");
                            return; // any answer but "created" fails the test below
                        }

                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("code").GetString()!);
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the process died under this request: it was never acknowledged
                    }
                }
            })).ToList();

            // A deadline instead of a hang: if the burst stalls (every worker stopped on an error), the test fails.
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (acknowledged.Count < 40 && refused.IsEmpty && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await AppProcess.KillAsync(first);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            Assert.True(refused.IsEmpty, "answers during the burst: " + string.Join("\n", refused));
            Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} dossiers acknowledged in two minutes");
        }

        using var second = AppProcess.Start(db, dataDir.FullName, port, database.Settings);
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
            dataDir.Delete(recursive: true);
        }
    }

    private static object Body(string idNumber) => new
    {
        procedureCode = "2.000815", channel = "counter", receivedAt = "2026-03-05T09:00:00+07:00",
        applicant = new { idNumber, fullName = "Người Nộp Thử" },
    };
}
