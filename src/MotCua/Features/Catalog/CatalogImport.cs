using System.Text.Json;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Catalog;

/// <summary>An uploaded catalog file (JSON or Excel, told apart by content, not by name), validated and applied whole.</summary>
public sealed class CatalogImport(CatalogStore store)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public async Task<Result<ImportResult>> FromUploadAsync(IFormFile? file, string? by, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Failure.Invalid("file", Texts.Get("Catalog.ChooseFile"));
        }

        if (file.Length > MaxBytes)
        {
            return Failure.Invalid("file", Texts.Get("Catalog.FileTooLarge"));
        }

        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return await FromStreamAsync(buffer, by, ct);
    }

    public async Task<Result<ImportResult>> FromStreamAsync(MemoryStream content, string? by, CancellationToken ct)
    {
        var head = content.GetBuffer().AsSpan(0, (int)Math.Min(4, content.Length));
        CatalogFile? catalog;
        Dictionary<string, string[]> errors;
        if (head.Length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            (catalog, errors) = CatalogExcel.Read(content);
        }
        else
        {
            (catalog, errors) = ReadJson(content);
        }

        if (catalog is null)
        {
            return Failure.Invalid(errors);
        }

        errors = store.Validate(catalog);
        return errors.Count > 0 ? Failure.Invalid(errors) : await store.ImportAsync(catalog, by, ct);
    }

    private static (CatalogFile?, Dictionary<string, string[]>) ReadJson(Stream content)
    {
        try
        {
            var file = JsonSerializer.Deserialize<CatalogFile>(content, JsonDefaults.Web);
            return file is null ? (null, new() { ["file"] = [Texts.Get("Catalog.JsonEmpty")] }) : (file, []);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? path.TrimStart('$', '.') : "file";
            return (null, new() { [where.Length == 0 ? "file" : where] = [Texts.Get("Catalog.Unreadable", e.LineNumber + 1)] });
        }
    }
}
