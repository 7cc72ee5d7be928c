using System.Text.Json;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Catalog;

/// <summary>An uploaded catalog file (JSON or Excel, told apart by content, not by name), validated and applied whole.</summary>
public sealed class CatalogImport(CatalogStore store)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public async Task<(ImportResult? Result, Dictionary<string, string[]> Errors)> FromUploadAsync(IFormFile? file, string? by, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, new() { ["file"] = ["Chọn tệp JSON hoặc Excel (.xlsx) để nhập (a file is required)."] });
        }

        if (file.Length > MaxBytes)
        {
            return (null, new() { ["file"] = ["Tệp quá lớn (tối đa 10 MB)."] });
        }

        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return await FromStreamAsync(buffer, by, ct);
    }

    public async Task<(ImportResult? Result, Dictionary<string, string[]> Errors)> FromStreamAsync(MemoryStream content, string? by, CancellationToken ct)
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
            return (null, errors);
        }

        errors = store.Validate(catalog);
        return errors.Count > 0 ? (null, errors) : (await store.ImportAsync(catalog, by, ct), errors);
    }

    private static (CatalogFile?, Dictionary<string, string[]>) ReadJson(Stream content)
    {
        try
        {
            var file = JsonSerializer.Deserialize<CatalogFile>(content, JsonDefaults.Web);
            return file is null ? (null, new() { ["file"] = ["Tệp JSON rỗng."] }) : (file, []);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? path.TrimStart('$', '.') : "file";
            return (null, new() { [where.Length == 0 ? "file" : where] = [$"Không đọc được tệp (không phải JSON hoặc Excel hợp lệ): dòng {e.LineNumber + 1}."] });
        }
    }
}
