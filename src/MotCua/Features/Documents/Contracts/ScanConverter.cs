using MotCua.Infrastructure.Files;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MotCua.Features.Documents.Contracts;

public sealed record UploadedFile(string? Name, byte[] Bytes);

/// <summary>One PDF made of what was scanned, and its number of pages.</summary>
public sealed record ScannedPdf(byte[] Pdf, int Pages);

/// <summary>
/// Turns what a counter scanner or a browser sends (PNG, JPEG, PDF; several at once) into one PDF per document.
/// Files are told apart by content, bounded in size, count, pages and pixels, and decoded through <see cref="FileWork"/>
/// (off the request thread, within a time limit); a refused file stores nothing.
/// </summary>
public static class ScanConverter
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxFiles = 20;
    public const int MaxPages = 50;

    /// <summary>Reads uploaded form files and turns them into one PDF; a file over the size bound is refused before it is read.</summary>
    public static async Task<Result<ScannedPdf>> ToPdfAsync(IEnumerable<IFormFile> files, FileWork work, CancellationToken ct)
    {
        var uploads = new List<UploadedFile>();
        foreach (var file in files.Take(MaxFiles + 1))
        {
            if (file.Length > MaxFileBytes)
            {
                return Failure.Invalid("files", Texts.Get("Files.TooLarge", file.FileName));
            }

            await using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        return await ToPdfAsync(uploads, work, ct);
    }

    public static async Task<Result<ScannedPdf>> ToPdfAsync(IReadOnlyList<UploadedFile> files, FileWork work, CancellationToken ct)
    {
        var (result, refused) = await work.RunAsync(budget => ToPdf(files, budget), ct);
        return refused is null ? result : Failure.Invalid("files", refused);
    }

    public static Result<ScannedPdf> ToPdf(IReadOnlyList<UploadedFile> files, FileBudget budget)
    {
        var errors = new Dictionary<string, string[]>();
        if (files.Count == 0)
        {
            errors["files"] = [Texts.Get("Files.None")];
            return Failure.Invalid(errors);
        }

        if (files.Count > MaxFiles)
        {
            errors["files"] = [Texts.Get("Files.TooMany", MaxFiles, MaxFiles)];
            return Failure.Invalid(errors);
        }

        var types = new SniffedType[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var f = files[i];
            if (FileSniffer.NameError(f.Name) is { } nameError)
            {
                errors[$"files[{i}]"] = [nameError];
            }
            else if (f.Bytes.Length == 0)
            {
                errors[$"files[{i}]"] = [Texts.Get("Files.Empty", f.Name)];
            }
            else if (f.Bytes.Length > MaxFileBytes)
            {
                errors[$"files[{i}]"] = [Texts.Get("Files.TooLarge", f.Name)];
            }
            else if ((types[i] = FileSniffer.Sniff(f.Bytes)) == SniffedType.Unknown)
            {
                errors[$"files[{i}]"] = [Texts.Get("Files.NotPdfOrImage", f.Name)];
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        try
        {
            if (files.Count == 1 && types[0] == SniffedType.Pdf)
            {
                using var single = PdfReader.Open(new MemoryStream(files[0].Bytes), PdfDocumentOpenMode.Import);
                budget.Token.ThrowIfCancellationRequested();
                return single.PageCount > MaxPages
                    ? Failure.Invalid("files[0]", Texts.Get("Files.TooManyPagesIn", single.PageCount, MaxPages))
                    : new ScannedPdf(files[0].Bytes, single.PageCount);
            }

            using var document = new PdfDocument();
            for (var i = 0; i < files.Count; i++)
            {
                if (types[i] == SniffedType.Pdf)
                {
                    using var source = PdfReader.Open(new MemoryStream(files[i].Bytes), PdfDocumentOpenMode.Import);
                    foreach (var page in source.Pages)
                    {
                        document.AddPage(page);
                    }
                }
                else
                {
                    AddImagePage(document, files[i].Bytes, types[i], budget);
                }

                budget.Token.ThrowIfCancellationRequested();

                if (document.PageCount > MaxPages)
                {
                    return Failure.Invalid("files", Texts.Get("Files.TooManyPages", MaxPages));
                }
            }

            var pages = document.PageCount;
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return new ScannedPdf(output.ToArray(), pages);
        }
        catch (Exception e) when (e is not (OperationCanceledException or FileRefusedException))
        {
            // PDFsharp throws many kinds of exception on a damaged PDF; whatever it throws, the file is refused as damaged.
            return Failure.Invalid("files", Texts.Get("Files.OneDamaged"));
        }
    }

    /// <summary>
    /// One page the size of the image at 200 dpi. Every image is decoded first (a damaged one is refused here);
    /// JPEG then goes in as it is, PNG re-encoded (PDFsharp refuses 1-bit PNG).
    /// </summary>
    private static void AddImagePage(PdfDocument document, byte[] bytes, SniffedType type, FileBudget budget)
    {
        var decoded = SafeImage.Decode(bytes, budget, grey: false);
        var stream = type == SniffedType.Jpeg ? new MemoryStream(bytes) : new MemoryStream(Bmp(decoded));
        using var image = XImage.FromStream(stream);
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(decoded.Width * 72.0 / 200);
        page.Height = XUnit.FromPoint(decoded.Height * 72.0 / 200);
        using var graphics = XGraphics.FromPdfPage(page);
        graphics.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
    }

    /// <summary>A 24-bit bottom-up BMP of an RGB image.</summary>
    internal static byte[] Bmp(DecodedImage image)
    {
        var rowBytes = ((image.Width * 3) + 3) & ~3;
        var size = 54 + (rowBytes * image.Height);
        var bmp = new byte[size];
        void Int(int at, int value) => BitConverter.TryWriteBytes(bmp.AsSpan(at, 4), value);
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        Int(2, size);
        Int(10, 54);
        Int(14, 40);
        Int(18, image.Width);
        Int(22, image.Height);
        bmp[26] = 1;
        bmp[28] = 24;
        Int(34, rowBytes * image.Height);
        Int(38, 7874); // 200 dpi in pixels per metre
        Int(42, 7874);
        for (var y = 0; y < image.Height; y++)
        {
            var target = 54 + ((image.Height - 1 - y) * rowBytes);
            var source = y * image.Width * 3;
            for (var x = 0; x < image.Width; x++)
            {
                bmp[target + (x * 3)] = image.Pixels[source + (x * 3) + 2];
                bmp[target + (x * 3) + 1] = image.Pixels[source + (x * 3) + 1];
                bmp[target + (x * 3) + 2] = image.Pixels[source + (x * 3)];
            }
        }

        return bmp;
    }
}
