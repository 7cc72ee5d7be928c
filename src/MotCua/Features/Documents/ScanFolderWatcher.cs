using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MotCua.Features.Documents.Contracts;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Files;

namespace MotCua.Features.Documents;

/// <summary>Configuration section "Scanning".</summary>
public sealed class ScanningOptions
{
    public const string Section = "Scanning";

    /// <summary>The folder holding one sub-folder per desk (named after the officer's account); empty: <c>data/scans</c>.</summary>
    public string? Root { get; set; }

    /// <summary>How often the folders are looked at.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Watches each desk's scan folder. A file whose size has stopped changing is sniffed and bounded, kept in the
/// file store, listed as a pending scan of that desk and announced live on the desk's intake screen; the folder is
/// then emptied. A file refused goes to <c>rejected/</c> with a note saying why. Polling rather than file-system
/// events: network shares and some scanners do not raise them.
/// </summary>
public sealed partial class ScanFolderWatcher(
    IOptions<ScanningOptions> options, IHostEnvironment env, IServiceScopeFactory scopes, FileStore files,
    IScanAnnouncer desks, TimeProvider clock, ILogger<ScanFolderWatcher> logger) : IRecurringJob
{
    private readonly Dictionary<string, long> lastSizes = [];

    public string Root { get; } = string.IsNullOrWhiteSpace(options.Value.Root) ? Path.Combine(env.ContentRootPath, "data", "scans") : Path.GetFullPath(options.Value.Root);

    public static JobSchedule Schedule(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ScanningOptions>>().Value;
        return new(options.Enabled, TimeSpan.FromMilliseconds(options.PollMilliseconds), RunAtStart: true);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await SweepAsync(ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSweepFailed(logger, e);
        }
    }

    /// <summary>One look at every desk folder (public for tests).</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        foreach (var deskFolder in Directory.EnumerateDirectories(Root))
        {
            var desk = Path.GetFileName(deskFolder);
            if (!DeskName().IsMatch(desk))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(deskFolder))
            {
                var size = new FileInfo(path).Length;
                if (!lastSizes.TryGetValue(path, out var previous) || previous != size)
                {
                    lastSizes[path] = size; // still being written, or first seen: look again next time
                    continue;
                }

                lastSizes.Remove(path);
                await IngestAsync(desk, path, size, ct);
            }
        }
    }

    private async Task IngestAsync(string desk, string path, long size, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        string? refusal = null;
        byte[] bytes = [];
        if (size > ScanConverter.MaxFileBytes)
        {
            refusal = "Tệp quá lớn (tối đa 20 MB).";
        }
        else
        {
            bytes = await File.ReadAllBytesAsync(path, ct);
            if (FileSniffer.Sniff(bytes) == SniffedType.Unknown)
            {
                refusal = "Không phải PDF, PNG hoặc JPEG.";
            }
        }

        if (refusal is not null)
        {
            var rejected = Path.Combine(Path.GetDirectoryName(path)!, "rejected");
            Directory.CreateDirectory(rejected);
            File.Move(path, Path.Combine(rejected, name), overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(rejected, name + ".txt"), refusal, ct);
            return;
        }

        var hash = await files.SaveAsync(bytes, ct);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var scan = new PendingScan
            {
                Desk = desk, FileName = name, Sha256 = hash, ContentType = FileSniffer.ContentType(FileSniffer.Sniff(bytes)), Length = bytes.Length, ArrivedAt = clock.GetUtcNow(),
            };
            db.Add(scan);
            await db.SaveChangesAsync(ct);
            await desks.ScannedAsync(desk, new ScanArrived(scan.Id, scan.FileName, scan.ContentType, scan.Length), ct);
        }

        File.Delete(path);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex DeskName();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan folder sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
