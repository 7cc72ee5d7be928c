using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The production database's backup drill, with the repository's own script (<c>deploy/pg.sh</c>): a primary that
/// archives its WAL, a base backup, dossiers received before and after a chosen moment, and a restore of the base
/// backup replayed up to that moment into a fresh place, where every chain is checked by <c>verify-events</c>.
/// </summary>
[Collection(OwnProcessTests.Name)]
public sealed class PostgresBackupTests
{
    private static bool HasPostgres => OperatingSystem.IsLinux() && Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any();

    [SkippableFact]
    public async Task A_base_backup_and_the_WAL_archive_restore_the_database_to_a_moment_with_every_chain_whole()
    {
        Skip.IfNot(HasPostgres, "PostgreSQL's server binaries are not installed.");
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var root = Directory.CreateTempSubdirectory("motcua-pitr-");
        File.SetUnixFileMode(root.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var (primary, restored) = (Path.Combine(root.FullName, "primary", "data"), Path.Combine(root.FullName, "restored", "data"));
        var (archive, backup) = (Path.Combine(root.FullName, "wal"), Path.Combine(root.FullName, "backups", "base"));
        var (primaryPort, restoredPort, appPort) = (AppProcess.FreePort(), AppProcess.FreePort(), AppProcess.FreePort());
        string Server(int port) => $"Host=127.0.0.1;Port={port};Username=postgres;Database=motcua;Pooling=false";
        try
        {
            await ScriptAsync("primary", primary, primaryPort.ToString(CultureInfo.InvariantCulture), archive);
            var settings = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = Server(primaryPort) };
            var appDir = Directory.CreateDirectory(Path.Combine(root.FullName, "app")).FullName;
            List<string> before, after, later;
            string moment;
            using (var app = AppProcess.Start("unused", appDir, appPort, settings))
            {
                using var client = await AppProcess.ReadyClientAsync(appPort);
                before = await ReceiveAsync(client, "001090300", 3);
                await ScriptAsync("backup", primaryPort.ToString(CultureInfo.InvariantCulture), backup);
                after = await ReceiveAsync(client, "001090301", 3);
                moment = await ScalarAsync(Server(primaryPort), "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'");
                await Task.Delay(50);
                later = await ReceiveAsync(client, "001090302", 3);
                await AppProcess.KillAsync(app);
            }

            // Every WAL segment up to the later dossiers reaches the archive.
            var last = await ScalarAsync(Server(primaryPort), "SELECT pg_walfile_name(pg_switch_wal())");
            for (var i = 0; !File.Exists(Path.Combine(archive, last)); i++)
            {
                Assert.True(i < 300, "the WAL segment never reached the archive");
                await Task.Delay(100);
            }

            await ScriptAsync("restore", backup, archive, restored, restoredPort.ToString(CultureInfo.InvariantCulture), moment);
            var codes = (await AppDatabase.ColumnAsync(Server(restoredPort), "SELECT \"Code\" FROM dossiers_dossier")).ToHashSet();
            Assert.All(before.Concat(after), code => Assert.Contains(code, codes));
            Assert.All(later, code => Assert.DoesNotContain(code, codes));

            var restoredSettings = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = Server(restoredPort) };
            var (exit, said) = await AppProcess.CommandAsync("unused", appDir, restoredSettings, "verify-events");
            Assert.True(exit == 0, said);
            Assert.Contains("6 dossiers", said, StringComparison.Ordinal);
            Assert.Contains("every event chain is intact", said, StringComparison.Ordinal);

            // The script never restores over a place that is there.
            var (again, refusal) = await RunAsync("restore", backup, archive, restored, AppProcess.FreePort().ToString(CultureInfo.InvariantCulture));
            Assert.Equal(2, again);
            Assert.Contains("fresh place", refusal, StringComparison.Ordinal);
        }
        finally
        {
            await RunAsync("stop", primary);
            await RunAsync("stop", restored);
            NpgsqlConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    private static async Task<List<string>> ReceiveAsync(HttpClient client, string idPrefix, int count)
    {
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var created = await client.PostAsJsonAsync("/api/dossiers", new
            {
                procedureCode = "2.000815", channel = "counter", applicant = new { idNumber = $"{idPrefix}{i:000}", fullName = "Nguyễn Văn An", phone = "0912345678" },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            codes.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
        }

        return codes;
    }

    private static async Task<string> ScalarAsync(string server, string sql) => (await AppDatabase.ColumnAsync(server, sql)).Single();

    private static async Task ScriptAsync(params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        Assert.True(exit == 0, $"deploy/pg.sh {string.Join(' ', args)}: {output}");
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        AppProcess.RunToEndAsync(new ProcessStartInfo("bash", [Path.Combine(TestApp.RepoRoot(), "deploy", "pg.sh"), .. args]));
}
