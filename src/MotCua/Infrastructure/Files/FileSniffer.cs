using MotCua.Infrastructure.Text;

namespace MotCua.Infrastructure.Files;

public enum SniffedType
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
}

/// <summary>Tells a file's type from its first bytes, never from its name or the browser's word.</summary>
public static class FileSniffer
{
    public static SniffedType Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => SniffedType.Pdf, // %PDF-
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => SniffedType.Png,
        [0xFF, 0xD8, 0xFF, ..] => SniffedType.Jpeg,
        _ => SniffedType.Unknown,
    };

    public static string ContentType(SniffedType type) => type switch
    {
        SniffedType.Pdf => "application/pdf",
        SniffedType.Png => "image/png",
        SniffedType.Jpeg => "image/jpeg",
        _ => "application/octet-stream",
    };

    /// <summary>Why a client's file name is refused (a path, a control character, too long), or null when it is a plain name.</summary>
    public static string? NameError(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal))
        {
            return Texts.Get("Files.NameHasPath", name);
        }

        if (name.Any(char.IsControl) || name.Length > 200)
        {
            return Texts.Get("Files.NameInvalid");
        }

        return null;
    }
}
