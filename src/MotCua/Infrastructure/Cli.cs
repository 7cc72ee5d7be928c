using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Demo;

namespace MotCua.Infrastructure;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/MotCua -- seed-citizens 1000000</c> loads a
/// generated city through the same bulk path an import uses, printing progress; <c>verify-events</c> checks every
/// dossier's event chain; <c>backup FOLDER</c> and <c>restore FOLDER</c> back up the embedded database and the
/// stored files, and put them back into a fresh place (then migrate and check every chain).
/// </summary>
public static class Cli
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "seed-citizens" or "verify-events" or "backup" or "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args[0] is "backup" or "restore")
        {
            return await BackupAsync(app, args[0], args.Length > 1 ? args[1] : null);
        }

        await app.PrepareAsync();
        if (args[0] == "verify-events")
        {
            return await VerifyEventsAsync(app, args.Length > 1 ? args[1] : null);
        }

        var count = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
        var seed = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var s) ? s : 2026;
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<CitizenBulkImport>();
        var clock = Stopwatch.StartNew();
        var progress = new Progress<int>(done =>
        {
            var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            Console.Out.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r  {done:N0} / {count:N0} citizens ({100.0 * done / count:0.0} %), {rate:N0}/s, {clock.Elapsed:mm\\:ss} elapsed, about {TimeSpan.FromSeconds((count - done) / Math.Max(rate, 1)):mm\\:ss} left   "));
        });
        Console.WriteLine($"Seeding {count:N0} generated citizens through the bulk import…");
        var total = await import.ImportAsync(DemoPeople.Generate(count, seed), progress, "seed-citizens", app.Lifetime.ApplicationStopping);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done: {total:N0} citizens in {clock.Elapsed:mm\\:ss\\.f}."));
        return 0;
    }

    /// <summary>
    /// <c>backup FOLDER</c> (without touching the live database's schema) or <c>restore FOLDER</c> (then the
    /// migrations of this version, and every chain checked). Exits 0 when done and whole, 1 when a chain is broken,
    /// 2 when it could not be done (the reason printed).
    /// </summary>
    private static async Task<int> BackupAsync(WebApplication app, string command, string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            Console.Error.WriteLine($"Usage: MotCua {command} FOLDER");
            return 2;
        }

        var backups = app.Services.GetRequiredService<Backup.SqliteBackup>();
        var clock = Stopwatch.StartNew();
        try
        {
            if (command == "backup")
            {
                var taken = await backups.BackupAsync(Path.GetFullPath(folder), Console.Out, app.Lifetime.ApplicationStopping);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Backup done in {clock.Elapsed:mm\\:ss\\.f}: {taken.Dossiers:N0} dossiers, {taken.Events:N0} events, {taken.Files:N0} files in {Path.GetFullPath(folder)}."));
                return 0;
            }

            var restored = await backups.RestoreAsync(Path.GetFullPath(folder), Console.Out, app.Lifetime.ApplicationStopping);
            await app.PrepareAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Restored the backup of {restored.TakenAt:yyyy-MM-dd HH:mm} UTC; checking every dossier's event chain…"));
            return await VerifyEventsAsync(app, null);
        }
        catch (Backup.BackupException e)
        {
            Console.Error.WriteLine($"{command} stopped: {e.Message}");
            return 2;
        }
    }

    /// <summary>
    /// <c>verify-events [dossier code]</c>: checks the hash chain of one dossier's events, or of every dossier (in one
    /// pass over the events), printing each broken chain and each dossier without any event; exits 1 when any is
    /// broken (for a scheduled integrity check).
    /// </summary>
    private static async Task<int> VerifyEventsAsync(WebApplication app, string? code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Database.AppDbContext>();
        var clock = Stopwatch.StartNew();
        if (code is not null)
        {
            var dossier = await db.Set<Features.Dossiers.Dossier>().AsNoTracking().Where(d => d.Code == code).Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
            if (dossier is not { } id)
            {
                Console.WriteLine($"No dossier {code}.");
                return 1;
            }

            var at = await DossierEvents.VerifyAsync(db, id);
            Console.WriteLine(at is null ? $"{code}: the event chain is intact." : $"BROKEN {code}: event {at} does not match its hash or its link");
            return at is null ? 0 : 1;
        }

        var progress = new Progress<long>(events => Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"\r  {events:N0} events checked, {clock.Elapsed:mm\\:ss}   ")));
        var result = await DossierEvents.VerifyAllAsync(db, progress);
        var dossiers = await db.Set<Features.Dossiers.Dossier>().CountAsync();
        foreach (var (dossierId, seq) in result.Broken)
        {
            var brokenCode = await db.Set<Features.Dossiers.Dossier>().Where(d => d.Id == dossierId).Select(d => d.Code).FirstOrDefaultAsync();
            Console.WriteLine($"BROKEN {brokenCode ?? dossierId.ToString()}: event {seq} does not match its hash or its link");
        }

        var withoutEvents = dossiers - result.Dossiers;
        if (withoutEvents > 0)
        {
            Console.WriteLine($"BROKEN: {withoutEvents:N0} dossiers have no event at all");
        }

        var broken = result.Broken.Count + Math.Max(0, withoutEvents);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\r{dossiers:N0} dossiers and {result.Events:N0} events checked in {clock.Elapsed:mm\\:ss\\.f}: {(broken == 0 ? "every event chain is intact" : $"{broken} broken")}."));
        return broken == 0 ? 0 : 1;
    }
}
