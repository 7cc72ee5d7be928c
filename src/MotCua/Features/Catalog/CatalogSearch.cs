using MotCua.Features.Catalog.Contracts;

namespace MotCua.Features.Catalog;

/// <summary>The search and filters shared by the staff catalog and the public one.</summary>
public sealed class CatalogSearch
{
    public string? Q { get; set; }

    public string? Field { get; set; }

    public string? Level { get; set; }

    public string? OnlineLevel { get; set; }

    public bool? SameDay { get; set; }

    public IReadOnlyCollection<FieldData> Fields { get; set; } = [];

    public IReadOnlyList<ProcedureSummary> Items { get; set; } = [];

    public int Total { get; set; }

    public async Task RunAsync(CatalogReader reader, CatalogFields fields, DateOnly on, CancellationToken ct)
    {
        Fields = fields.All;
        (Items, Total) = await reader.SearchAsync(new ProcedureFilter(Q, Field, Level, OnlineLevel, SameDay), on, 0, 500, ct);
    }
}
