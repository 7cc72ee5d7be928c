using MotCua.Infrastructure.Files;
using StbImageSharp;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace MotCua.Features.Citizens.Contracts;

/// <summary>
/// Finds the ID card's QR code in a scan or a phone photo (PNG, JPEG, or a PDF holding such images), rotated,
/// small or noisy. The image is tried as it is and at smaller scales (a QR code a few millimetres wide on an A4
/// page at 300 dpi is easiest found at a lower resolution), and inverted.
/// </summary>
public static class IdCardDecoder
{
    public const int MaxPixels = 40_000_000;

    public static string? Decode(ReadOnlySpan<byte> content, SniffedType type) => type switch
    {
        SniffedType.Png or SniffedType.Jpeg => DecodeImage(content.ToArray()),
        SniffedType.Pdf => DecodePdf(content.ToArray()),
        _ => null,
    };

    private static string? DecodePdf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages().Take(5))
        {
            foreach (var image in page.GetImages())
            {
                byte[]? bytes = null;
                if (image.TryGetPng(out var png))
                {
                    bytes = png;
                }
                else if (image.RawBytes.Length > 3 && image.RawBytes[0] == 0xFF && image.RawBytes[1] == 0xD8)
                {
                    bytes = [.. image.RawBytes];
                }

                if (bytes is not null && DecodeImage(bytes) is { } text)
                {
                    return text;
                }
            }
        }

        return null;
    }

    private static string? DecodeImage(byte[] bytes)
    {
        var info = ImageInfo.FromStream(new MemoryStream(bytes));
        if (info is null || (long)info.Value.Width * info.Value.Height > MaxPixels)
        {
            return null;
        }

        var image = ImageResult.FromMemory(bytes, ColorComponents.Grey);
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, TryInverted = true, CharacterSet = "UTF-8" },
        };
        // A page scan is tried at half size first (the card's QR code still has two or more pixels a module at
        // 300 dpi, and a quarter of the pixels is four times faster), then at full size, then smaller.
        var full = (image.Data, image.Width, image.Height);
        var half = Halve(full.Data, full.Width, full.Height);
        var attempts = (long)full.Width * full.Height > 4_000_000 ? new[] { half, full } : [full, half];
        foreach (var (pixels, width, height) in attempts.Concat(Smaller(half)))
        {
            var result = reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
            if (result?.Text is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    private static IEnumerable<(byte[] Pixels, int Width, int Height)> Smaller((byte[] Pixels, int Width, int Height) image)
    {
        while (image.Width >= 400 && image.Height >= 400)
        {
            image = Halve(image.Pixels, image.Width, image.Height);
            yield return image;
        }
    }

    /// <summary>Half the size, each pixel the mean of four: also smooths scanner noise.</summary>
    private static (byte[] Pixels, int Width, int Height) Halve(byte[] pixels, int width, int height)
    {
        var w = width / 2;
        var h = height / 2;
        var result = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            var row0 = 2 * y * width;
            var row1 = row0 + width;
            for (var x = 0; x < w; x++)
            {
                var i = 2 * x;
                result[(y * w) + x] = (byte)((pixels[row0 + i] + pixels[row0 + i + 1] + pixels[row1 + i] + pixels[row1 + i + 1] + 2) / 4);
            }
        }

        return (result, w, h);
    }
}
