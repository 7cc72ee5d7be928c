using System.Buffers.Binary;
using System.IO.Compression;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace MotCua.Tests.Builders;

/// <summary>Makes scans and photos of QR codes for the decoder: placed on a page, rotated, shrunk, noisy; as PNG, JPEG-free PDF.</summary>
public static class TestImages
{
    public static byte[] QrPng(string text, int module = 6, double degrees = 0, int canvasWidth = 0, int canvasHeight = 0, double noise = 0, int seed = 1)
    {
        var (pixels, width, height) = QrPixels(text, module, degrees, canvasWidth, canvasHeight, noise, seed);
        return Png(pixels, width, height);
    }

    public static (byte[] Pixels, int Width, int Height) QrPixels(string text, int module, double degrees, int canvasWidth, int canvasHeight, double noise, int seed)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count * module;
        var width = Math.Max(canvasWidth, size + 40);
        var height = Math.Max(canvasHeight, size + 40);
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)235);
        var left = (width - size) / 2;
        var top = (height - size) / 2;
        var radians = degrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(radians), Math.Sin(radians));
        var (cx, cy) = (width / 2.0, height / 2.0);
        var random = new Random(seed);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // Inverse rotation about the centre: which point of the upright code lands here.
                var ux = (cos * (x - cx)) + (sin * (y - cy)) + cx - left;
                var uy = (-sin * (x - cx)) + (cos * (y - cy)) + cy - top;
                if (ux >= 0 && uy >= 0 && ux < size && uy < size && matrix[(int)uy / module][(int)ux / module])
                {
                    pixels[(y * width) + x] = 25;
                }

                if (noise > 0)
                {
                    var v = pixels[(y * width) + x] + ((random.NextDouble() - 0.5) * 2 * noise);
                    pixels[(y * width) + x] = (byte)Math.Clamp(v, 0, 255);
                }
            }
        }

        return (pixels, width, height);
    }

    /// <summary>An 8-bit greyscale PNG.</summary>
    public static byte[] Png(byte[] pixels, int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 0;
        Chunk(output, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0);
                z.Write(pixels, y * width, width);
            }
        }

        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A one-page PDF holding the image, as a scanner's "scan to PDF" makes.</summary>
    public static byte[] PdfWithImage(byte[] png)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var image = XImage.FromStream(new MemoryStream(png)))
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawImage(image, 0, 0, page.Width.Point, page.Width.Point * image.PixelHeight / image.PixelWidth);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    internal static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
