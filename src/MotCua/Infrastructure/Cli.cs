using System.Diagnostics;
using System.Globalization;
using MotCua.Features.Citizens.Contracts;
using MotCua.Infrastructure.Demo;

namespace MotCua.Infrastructure;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/MotCua -- seed-citizens 1000000</c> loads a
/// generated city through the same bulk path an import uses, printing progress.
/// </summary>
public static class Cli
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "seed-citizens";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        await app.PrepareAsync();
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
}
