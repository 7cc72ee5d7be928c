using System.Text.Json;
using MotCua.Features.Catalog.Contracts;

namespace MotCua.Features.Catalog;

/// <summary>The fields (lĩnh vực) of the catalog and the shipped catalog file.</summary>
public sealed class CatalogFields
{
    private readonly Dictionary<string, FieldData> byCode;

    public CatalogFields(IEnumerable<FieldData> fields) => byCode = fields.ToDictionary(f => f.Code);

    public IReadOnlyCollection<FieldData> All => byCode.Values;

    public ISet<string> Codes => byCode.Keys.ToHashSet();

    /// <summary>The field's name in <paramref name="english"/> or Vietnamese; by default in the caller's language.</summary>
    public string Name(string code, bool? english = null) =>
        byCode.TryGetValue(code, out var f) ? ((english ?? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en") ? f.NameEn ?? f.Name : f.Name) : code;

    public static CatalogFile Shipped()
    {
        using var stream = typeof(CatalogFields).Assembly.GetManifestResourceStream("MotCua.Features.Catalog.Data.catalog.json")
            ?? throw new InvalidOperationException("catalog.json is not embedded.");
        return JsonSerializer.Deserialize<CatalogFile>(stream, Infrastructure.JsonDefaults.Web) ?? throw new InvalidOperationException("catalog.json is empty.");
    }
}
