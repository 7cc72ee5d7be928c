using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Citizens.Contracts;
using MotCua.Infrastructure.Demo;

namespace MotCua.Infrastructure;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/MotCua -- seed-citizens 1000000</c> loads a
/// generated city through the same bulk path an import uses, printing progress.
/// </summary>
public static class Cli
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "seed-citizens" or "verify-events";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
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
    /// <c>verify-events [dossier code]</c>: checks the hash chain of one dossier's events, or of every dossier,
    /// printing each broken chain; exits 1 when any is broken (for a scheduled integrity check).
    /// </summary>
    private static async Task<int> VerifyEventsAsync(WebApplication app, string? code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Database.AppDbContext>();
        var ids = db.Set<Features.Dossiers.Dossier>().AsNoTracking().Where(d => code == null || d.Code == code).OrderBy(d => d.Id).Select(d => new { d.Id, d.Code }).AsAsyncEnumerable();
        var clock = Stopwatch.StartNew();
        int checkedCount = 0, broken = 0;
        await using var verifyScope = app.Services.CreateAsyncScope();
        var verifyDb = verifyScope.ServiceProvider.GetRequiredService<Database.AppDbContext>();
        await foreach (var d in ids)
        {
            checkedCount++;
            if (await Features.Dossiers.Contracts.DossierEvents.VerifyAsync(verifyDb, d.Id) is { } at)
            {
                broken++;
                Console.WriteLine($"BROKEN {d.Code}: event {at} does not match its hash or its link");
            }

            if (checkedCount % 10_000 == 0)
            {
                Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"\r  {checkedCount:N0} dossiers checked, {broken} broken, {clock.Elapsed:mm\\:ss}   "));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\r{checkedCount:N0} dossiers checked in {clock.Elapsed:mm\\:ss\\.f}: {(broken == 0 ? "every event chain is intact" : $"{broken} broken")}."));
        return broken == 0 ? 0 : 1;
    }
}
