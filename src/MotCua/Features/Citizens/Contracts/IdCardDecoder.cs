using MotCua.Infrastructure.Files;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace MotCua.Features.Citizens.Contracts;

/// <summary>
/// Finds the ID card's QR code in a scan or a phone photo (PNG, JPEG, or a PDF holding such images), rotated,
/// small or noisy. The image is tried as it is and at smaller scales (a QR code a few millimetres wide on an A4
/// page at 300 dpi is easiest found at a lower resolution), and inverted.
/// Images are decoded by <see cref="SafeImage"/> within the request's <see cref="FileBudget"/>; a damaged file
/// throws <see cref="FileRefusedException"/>.
/// </summary>
public static class IdCardDecoder
{
    public static string? Decode(byte[] content, SniffedType type, FileBudget budget) => type switch
    {
        SniffedType.Png or SniffedType.Jpeg => DecodeImage(content, budget),
        SniffedType.Pdf => DecodePdf(content, budget),
        _ => null,
    };

    private static string? DecodePdf(byte[] pdf, FileBudget budget)
    {
        foreach (var bytes in PdfImages(pdf, budget))
        {
            if (DecodeImage(bytes, budget) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The PNG and JPEG images of the first five pages, read whole before any is decoded.</summary>
    private static List<byte[]> PdfImages(byte[] pdf, FileBudget budget)
    {
        var images = new List<byte[]>();
        try
        {
            using var document = PdfDocument.Open(pdf);
            for (var number = 1; number <= Math.Min(5, document.NumberOfPages); number++)
            {
                foreach (var image in document.GetPage(number).GetImages())
                {
                    budget.CheckSize(image.WidthInSamples, image.HeightInSamples);
                    if (image.TryGetPng(out var png))
                    {
                        images.Add(png);
                    }
                    else if (image.RawBytes.Length > 3 && image.RawBytes[0] == 0xFF && image.RawBytes[1] == 0xD8)
                    {
                        images.Add([.. image.RawBytes]);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // PdfPig throws many kinds of exception on a damaged file; whatever it throws, the file is refused as damaged.
            throw new FileRefusedException(FileBudget.Refusals.Damaged);
        }

        return images;
    }

    private static string? DecodeImage(byte[] bytes, FileBudget budget)
    {
        var image = SafeImage.Decode(bytes, budget, grey: true);
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, TryInverted = true, CharacterSet = "UTF-8" },
        };
        // A page scan is tried at half size first (the card's QR code still has two or more pixels a module at
        // 300 dpi, and a quarter of the pixels is four times faster), then at full size, then smaller.
        var full = (image.Pixels, image.Width, image.Height);
        var half = Halve(full.Pixels, full.Width, full.Height);
        var attempts = (long)full.Width * full.Height > 4_000_000 ? new[] { half, full } : [full, half];
        foreach (var (pixels, width, height) in attempts.Concat(Smaller(half)))
        {
            budget.Token.ThrowIfCancellationRequested();
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
