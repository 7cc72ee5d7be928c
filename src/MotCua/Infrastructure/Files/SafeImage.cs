using System.Runtime.InteropServices;
using SkiaSharp;

namespace MotCua.Infrastructure.Files;

/// <summary>A decoded image: 8-bit grey or 24-bit RGB pixels, row by row.</summary>
public sealed record DecodedImage(byte[] Pixels, int Width, int Height, int Channels);

/// <summary>
/// Decodes untrusted PNG and JPEG with Skia's codecs (libpng and libjpeg-turbo, as Chromium and Android use them,
/// fuzzed without pause by OSS-Fuzz), never by a hand-written parser: a truncated or damaged file is refused at its
/// header or by the codec's result, quickly. The size is read from the header and charged to the request's pixel
/// budget before any pixel is allocated, so a small file that claims a huge image costs nothing.
/// </summary>
public static class SafeImage
{
    /// <summary>The image as grey (1 channel) or RGB (3 channels); throws <see cref="FileRefusedException"/> when damaged or over budget.</summary>
    public static DecodedImage Decode(byte[] bytes, FileBudget budget, bool grey)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new FileRefusedException(FileBudget.Refusals.Damaged);
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            throw new FileRefusedException(FileBudget.Refusals.Damaged);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        budget.TakePixels(width, height);
        if (grey && codec.Info.ColorType == SKColorType.Gray8)
        {
            // A grey scan decodes straight to grey: no colour buffer, no conversion.
            var direct = new byte[(long)width * height];
            Read(codec, new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), direct);
            return new DecodedImage(direct, width, height, 1);
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize64];
        Read(codec, info, rgba);

        budget.Token.ThrowIfCancellationRequested();
        var channels = grey ? 1 : 3;
        var pixels = new byte[(long)width * height * channels];
        for (long i = 0, o = 0; i < rgba.LongLength; i += 4, o += channels)
        {
            // Transparent areas are shown on white, as a viewer shows them.
            int a = rgba[i + 3], r = Over(rgba[i], a), g = Over(rgba[i + 1], a), b = Over(rgba[i + 2], a);
            if (grey)
            {
                pixels[o] = (byte)(((r * 77) + (g * 150) + (b * 29)) >> 8);
            }
            else
            {
                pixels[o] = (byte)r;
                pixels[o + 1] = (byte)g;
                pixels[o + 2] = (byte)b;
            }
        }

        return new DecodedImage(pixels, width, height, channels);
    }

    private static void Read(SKCodec codec, SKImageInfo info, byte[] target)
    {
        var handle = GCHandle.Alloc(target, GCHandleType.Pinned);
        try
        {
            if (codec.GetPixels(info, handle.AddrOfPinnedObject()) != SKCodecResult.Success)
            {
                throw new FileRefusedException(FileBudget.Refusals.Damaged);
            }
        }
        finally
        {
            handle.Free();
        }
    }

    private static int Over(byte value, int alpha) => alpha == 255 ? value : ((value * alpha) + (255 * (255 - alpha)) + 127) / 255;
}
