using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Files;

namespace MotCua.Infrastructure.Telemetry;

/// <summary>This node's view of what it stands on: the file store's disk, and how far the reports' replica is behind.</summary>
internal sealed class NodeFigures(FileStore files, ReplicaReads replica) : IOperationalFigures
{
    public async Task<IEnumerable<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var readings = new List<GaugeReading>();
        if (Disk(files.Root) is { } disk)
        {
            readings.Add(new("motcua.storage.free", disk.AvailableFreeSpace));
            readings.Add(new("motcua.storage.free_ratio", disk.TotalSize > 0 ? (double)disk.AvailableFreeSpace / disk.TotalSize : 0));
        }

        if (await replica.LagNowAsync(ct) is { } lag)
        {
            readings.Add(new("motcua.database.replica_lag", lag));
        }

        return readings;
    }

    /// <summary>The drive the folder is on (its nearest existing parent: the store is created with its first file).</summary>
    private static DriveInfo? Disk(string folder)
    {
        var existing = new DirectoryInfo(folder);
        while (existing is { Exists: false })
        {
            existing = existing.Parent;
        }

        return existing is null ? null : new DriveInfo(existing.FullName);
    }
}
