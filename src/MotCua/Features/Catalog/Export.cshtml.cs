using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Infrastructure;

namespace MotCua.Features.Catalog;

/// <summary>The whole catalog, every version, downloaded by staff as JSON or Excel.</summary>
public sealed class ExportModel(CatalogStore store, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        var parts = await FileAsync(format, store, clock, ct);
        return File(parts.Content, parts.ContentType, parts.FileName);
    }

    public static async Task<FileResultParts> FileAsync(string? format, CatalogStore store, TimeProvider clock, CancellationToken ct)
    {
        var file = await store.ExportAsync(ct);
        var name = "danh-muc-tthc-" + VietnamTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var buffer = new MemoryStream();
            await CatalogExcel.WriteAsync(buffer, file, ct);
            buffer.Position = 0;
            return new FileResultParts(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        return new FileResultParts(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(file, JsonDefaults.Web)), "application/json", name + ".json");
    }
}

public sealed record FileResultParts(Stream Content, string ContentType, string FileName) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.File(Content, ContentType, FileName).ExecuteAsync(httpContext);
}
