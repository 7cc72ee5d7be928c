using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MotCua.Infrastructure.Files;

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where files are kept; empty means <c>data/files</c> under the app folder.</summary>
    public string? Root { get; set; }

    /// <summary>A folder of its own for other kept files (development mail and SMS sinks…), beside the stored files.</summary>
    public string FolderFor(string name, IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return string.IsNullOrWhiteSpace(Root) ? Path.Combine(env.ContentRootPath, "data", name) : Path.Combine(Path.GetFullPath(Root), name);
    }
}

/// <summary>
/// Content-addressed file storage in a local folder: a file's name is the SHA-256 of its bytes, so the same scan
/// is stored once, a stored file never changes, and no name from a user ever reaches the file system.
/// </summary>
public sealed class FileStore(IOptions<StorageOptions> options, IHostEnvironment env)
{
    private readonly string root = string.IsNullOrWhiteSpace(options.Value.Root)
        ? Path.Combine(env.ContentRootPath, "data", "files")
        : Path.GetFullPath(options.Value.Root);

    /// <summary>The folder the files are kept in (its disk's free space is watched).</summary>
    public string Root => root;

    /// <summary>Stores the bytes (once) and returns their hash; the write is flushed to disk before it returns.</summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.WriteThrough | FileOptions.Asynchronous))
        {
            await stream.WriteAsync(content, ct);
            await stream.FlushAsync(ct);
        }

        File.Move(temp, path, overwrite: true);
        return hash;
    }

    public Stream? Open(string hash) => IsHash(hash) && File.Exists(PathOf(hash)) ? File.OpenRead(PathOf(hash)) : null;

    private string PathOf(string hash) => Path.Combine(root, hash[..2], hash[2..4], hash);

    private static bool IsHash(string hash) => hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower);
}
