using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MotCua.Tests.Builders;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// <c>MotCua backup</c> and <c>MotCua restore</c> for the embedded database, run as an operator runs them: the
/// backup while the app takes dossiers, the restore into a fresh place, the app started again on what came back.
/// PostgreSQL's base backup and point-in-time restore are <c>PostgresBackupTests</c>'.
/// </summary>
[Collection(OwnProcessTests.Name)]
public sealed class BackupTests
{
    private static object Dossier(string idNumber) => new
    {
        procedureCode = "2.000815", channel = "counter",
        applicant = new { idNumber, fullName = "Nguyễn Văn An", phone = "0912345678" },
    };

    [SkippableFact]
    public async Task A_backup_taken_during_intakes_restores_into_a_fresh_place_with_every_chain_and_file_whole()
    {
        var live = Directory.CreateTempSubdirectory("motcua-live-");
        var backup = Path.Combine(Directory.CreateTempSubdirectory("motcua-backup-").FullName, "b1");
        var db = Path.Combine(live.FullName, "motcua.db");
        var port = AppProcess.FreePort();
        var before = new List<string>();
        var during = new ConcurrentBag<string>();
        string fileHash;
        Uri fileLink;
        byte[] page = TestImages.QrPng("trang 1", 4);
        using (var app = AppProcess.Start(db, live.FullName, port))
        {
            using var client = await AppProcess.ReadyClientAsync(port);
            for (var i = 0; i < 5; i++)
            {
                using var created = await client.PostAsJsonAsync("/api/dossiers", Dossier($"00109012300{i}"));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                before.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
            }

            using (var form = new MultipartFormDataContent { { new StringContent("giay-chung-sinh"), "documentType" }, { new StringContent("Giấy chứng sinh"), "title" }, { new ByteArrayContent(page), "files", "trang1.png" } })
            using (var uploaded = await client.PostAsync("/api/citizens/001090123000/documents", form))
            {
                Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
                fileHash = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileSha256").GetString()!;
                fileLink = uploaded.Headers.Location!;
            }

            // The backup is taken while three counters go on receiving.
            using var stop = new CancellationTokenSource();
            var counters = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync("/api/dossiers", Dossier($"0010902{w}{i:0000}"), stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            during.Add((await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("code").GetString()!);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            })).ToList();
            while (during.Count < 10)
            {
                await Task.Delay(20);
            }

            var (backedUp, said) = await AppProcess.CommandAsync(db, live.FullName, null, "backup", backup);
            Assert.True(backedUp == 0, said);
            await stop.CancelAsync();
            await Task.WhenAll(counters);
            await AppProcess.KillAsync(app);

            // A second backup into the same folder is refused: an earlier backup is never overwritten.
            var (again, refusal) = await AppProcess.CommandAsync(db, live.FullName, null, "backup", backup);
            Assert.Equal(2, again);
            Assert.Contains("not empty", refusal, StringComparison.Ordinal);
        }

        // Restored into a fresh place: the dossiers, their chains and the stored file come back.
        var fresh = Directory.CreateTempSubdirectory("motcua-restored-");
        var restoredDb = Path.Combine(fresh.FullName, "motcua.db");
        var (restored, output) = await AppProcess.CommandAsync(restoredDb, fresh.FullName, null, "restore", backup);
        Assert.True(restored == 0, output);
        Assert.Contains("every event chain is intact", output, StringComparison.Ordinal);
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backup, "backup.json"))).RootElement;
        Assert.InRange(manifest.GetProperty("dossiers").GetInt64(), before.Count + 10, before.Count + during.Count);

        var restartPort = AppProcess.FreePort();
        using (var again = AppProcess.Start(restoredDb, fresh.FullName, restartPort))
        {
            using var client = await AppProcess.ReadyClientAsync(restartPort);
            foreach (var code in before)
            {
                var dossier = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}");
                Assert.Equal(code, dossier.GetProperty("code").GetString());
                Assert.True((await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/verify")).GetProperty("intact").GetBoolean());
            }

            var pdf = await client.GetByteArrayAsync(fileLink);
            Assert.Equal(fileHash, Convert.ToHexStringLower(SHA256.HashData(pdf)));
            await AppProcess.KillAsync(again);
        }

        // Never over a database that is there.
        var (over, overSaid) = await AppProcess.CommandAsync(restoredDb, fresh.FullName, null, "restore", backup);
        Assert.Equal(2, over);
        Assert.Contains("already", overSaid, StringComparison.Ordinal);

        // A damaged stored file stops the restore before any database appears.
        var stored = Directory.EnumerateFiles(Path.Combine(backup, "files"), fileHash, SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(stored, bytes);
        var third = Directory.CreateTempSubdirectory("motcua-restored-");
        var (damaged, damagedSaid) = await AppProcess.CommandAsync(Path.Combine(third.FullName, "motcua.db"), third.FullName, null, "restore", backup);
        Assert.Equal(2, damaged);
        Assert.Contains("does not match its hash", damagedSaid, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(third.FullName, "motcua.db")));
    }

    [Fact]
    public async Task On_PostgreSQL_the_command_points_to_the_servers_backup()
    {
        var dir = Directory.CreateTempSubdirectory("motcua-pg-backup-");
        var settings = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none" };
        var (exit, said) = await AppProcess.CommandAsync("unused", dir.FullName, settings, "backup", Path.Combine(dir.FullName, "b"));
        Assert.Equal(2, exit);
        Assert.Contains("base backup with WAL archiving", said, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.FullName, "b")));
    }
}
