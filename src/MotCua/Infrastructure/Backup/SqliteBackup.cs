using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Files;

namespace MotCua.Infrastructure.Backup;

/// <summary>What a backup holds, written last into its folder (a folder without it is an unfinished backup).</summary>
public sealed record BackupManifest(int Format, DateTimeOffset TakenAt, string Database, long Dossiers, long Events, int Files, long FileBytes, string? LastMigration);

/// <summary>Why a backup or a restore stopped, in words for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// The embedded default's backup: the SQLite database copied by SQLite's online backup (a consistent snapshot while
/// the app goes on writing) and checked, and every stored file copied with its hash checked, into a folder of its
/// own with a manifest written last. A restore goes only into a fresh place (no database there yet), checks the
/// copy and every file again, and leaves the migrations and the chain check to the caller (<see cref="Cli"/>).
/// </summary>
public sealed class SqliteBackup(IOptions<DatabaseOptions> database, IOptions<StorageOptions> storage, IHostEnvironment env, TimeProvider clock)
{
    public const string ManifestName = "backup.json";
    private const string DatabaseName = "motcua.db";
    private const string FilesFolder = "files";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The configured SQLite file.</summary>
    public string DatabasePath => new SqliteConnectionStringBuilder(DatabaseModule.ConnectionString(database.Value, env.ContentRootPath)).DataSource;

    /// <summary>Where stored files are kept (as <see cref="FileStore"/> keeps them).</summary>
    public string FilesRoot => string.IsNullOrWhiteSpace(storage.Value.Root) ? Path.Combine(env.ContentRootPath, "data", "files") : Path.GetFullPath(storage.Value.Root);

    public async Task<BackupManifest> BackupAsync(string target, TextWriter log, CancellationToken ct = default)
    {
        RequireSqlite();
        if (!File.Exists(DatabasePath))
        {
            throw new BackupException($"There is no database at {DatabasePath} to back up.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"{target} is not empty: a backup goes into a folder of its own, so that no earlier backup is overwritten.");
        }

        Directory.CreateDirectory(target);
        var copy = Path.Combine(target, DatabaseName);
        log.WriteLine($"Copying the database {DatabasePath} (online: the app may go on working)…");
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            await using var journal = destination.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;"; // one file, nothing beside it
            await journal.ExecuteNonQueryAsync(ct);
        }

        var (dossiers, events, migration) = await CheckAsync(copy, ct);
        log.WriteLine($"  {dossiers:N0} dossiers, {events:N0} events; integrity check passed.");
        var (files, bytes) = await CopyFilesAsync(FilesRoot, Path.Combine(target, FilesFolder), log, ct);
        var manifest = new BackupManifest(1, clock.GetUtcNow(), DatabaseName, dossiers, events, files, bytes, migration);
        await File.WriteAllTextAsync(Path.Combine(target, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>Puts a backup into the configured places; refuses when a database is already there.</summary>
    public async Task<BackupManifest> RestoreAsync(string source, TextWriter log, CancellationToken ct = default)
    {
        RequireSqlite();
        var manifestPath = Path.Combine(source, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException($"{source} holds no finished backup (no {ManifestName}).");
        }

        BackupManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), Json) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new BackupException($"{manifestPath} is not a MotCua backup manifest.");
        }

        if (manifest.Format != 1 || manifest.Database != DatabaseName)
        {
            throw new BackupException($"{manifestPath} is a backup of a kind this version does not know.");
        }

        var target = DatabasePath;
        if (File.Exists(target) && new FileInfo(target).Length > 0)
        {
            throw new BackupException($"A database is already at {target}: restore into a fresh place (stop the app and move that file away, or point Database:ConnectionString elsewhere).");
        }

        var copy = Path.Combine(source, DatabaseName);
        var (dossiers, events, _) = await CheckAsync(copy, ct);
        if (dossiers != manifest.Dossiers || events != manifest.Events)
        {
            throw new BackupException($"The backup's database holds {dossiers:N0} dossiers and {events:N0} events, its manifest says {manifest.Dossiers:N0} and {manifest.Events:N0}.");
        }

        log.WriteLine($"Restoring {dossiers:N0} dossiers and {events:N0} events to {target}…");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var partial = target + ".restoring";
        File.Delete(partial);
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }

        var (files, _) = await CopyFilesAsync(Path.Combine(source, FilesFolder), FilesRoot, log, ct);
        if (files != manifest.Files)
        {
            File.Delete(partial);
            throw new BackupException($"The backup holds {files:N0} files, its manifest says {manifest.Files:N0}.");
        }

        // The database appears only once it and every file are in place.
        File.Move(partial, target, overwrite: true);
        return manifest;
    }

    private void RequireSqlite()
    {
        if (database.Value.Provider != DatabaseProvider.Sqlite)
        {
            throw new BackupException("On PostgreSQL, backups are the server's: a base backup with WAL archiving, restored to a point in time (deploy/pg-backup-drill.sh, docs/operations.md).");
        }
    }

    /// <summary>SQLite's integrity check on a copy, and what it holds.</summary>
    private static async Task<(long Dossiers, long Events, string? Migration)> CheckAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new BackupException($"{path} is missing.");
        }

        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            var integrity = (string?)await Scalar(connection, "PRAGMA integrity_check;", ct);
            if (integrity != "ok")
            {
                throw new BackupException($"{path} fails SQLite's integrity check: {integrity}");
            }

            return (Convert.ToInt64(await Scalar(connection, "SELECT COUNT(*) FROM dossiers_dossier;", ct), CultureInfo.InvariantCulture),
                Convert.ToInt64(await Scalar(connection, "SELECT COUNT(*) FROM dossiers_event;", ct), CultureInfo.InvariantCulture),
                (string?)await Scalar(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1;", ct));
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{path} is not a readable MotCua database: {e.Message}");
        }
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>
    /// Copies the content-addressed files (<c>ab/cd/abcd…</c>, named by their SHA-256), checking each one's hash on
    /// the way; a file already at the destination is the same file. A file whose bytes do not match its name stops it.
    /// </summary>
    private static async Task<(int Files, long Bytes)> CopyFilesAsync(string from, string to, TextWriter log, CancellationToken ct)
    {
        if (!Directory.Exists(from))
        {
            return (0, 0);
        }

        var files = 0;
        long bytes = 0;
        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(path);
            var relative = Path.GetRelativePath(from, path);
            if (name.Length != 64 || !name.All(char.IsAsciiHexDigitLower) || relative != Path.Combine(name[..2], name[2..4], name))
            {
                continue; // not a stored file (a mail sink, a temporary file)
            }

            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var temp = destination + ".copying";
            await using (var input = File.OpenRead(path))
            await using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await input.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await output.FlushAsync(ct);
                output.Flush(flushToDisk: true);
                if (Convert.ToHexStringLower(hash.GetHashAndReset()) != name)
                {
                    output.Close();
                    File.Delete(temp);
                    throw new BackupException($"The stored file {relative} does not match its hash: it was changed or damaged.");
                }

                bytes += output.Length;
            }

            File.Move(temp, destination, overwrite: true);
            if (++files % 1000 == 0)
            {
                log.WriteLine($"  {files:N0} files copied…");
            }
        }

        log.WriteLine($"  {files:N0} stored files ({bytes / 1024.0 / 1024.0:N1} MB), each one's hash checked.");
        return (files, bytes);
    }
}
