using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Catalog.Contracts;

public sealed record ProcedureSummary(
    string Code, string Name, string Field, string FieldName, string Level, int LegalWorkingDays, bool SameDay,
    string OnlineLevel, DateOnly EffectiveFrom, bool Verified);

public sealed record ProcedureFilter(string? Q = null, string? Field = null, string? Level = null, string? OnlineLevel = null, bool? SameDay = null, string? Office = null);

/// <summary>
/// Reads the catalog as of a date: for each procedure, the version in force that day (the latest whose
/// effective date is on or before it). What intake and the workflow call to pick a dossier's version.
/// </summary>
public sealed class CatalogReader(AppDbContext db, CatalogFields fields)
{
    /// <summary>A field's name, from its code.</summary>
    public string FieldName(string code, bool? english = null) => fields.Name(code, english);

    public async Task<(IReadOnlyList<ProcedureSummary> Items, int Total)> SearchAsync(ProcedureFilter filter, DateOnly on, int offset, int limit, CancellationToken ct = default)
    {
        var query = InForce(on);
        if (SearchText.Fold(filter.Q) is { Length: > 0 } q)
        {
            query = query.Where(v => v.SearchText.Contains(q));
        }

        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            query = query.Where(v => v.Field == filter.Field);
        }

        if (!string.IsNullOrWhiteSpace(filter.Level))
        {
            query = query.Where(v => v.Level == filter.Level);
        }

        if (!string.IsNullOrWhiteSpace(filter.OnlineLevel))
        {
            query = query.Where(v => v.OnlineLevel == filter.OnlineLevel);
        }

        if (filter.SameDay is { } sameDay)
        {
            query = query.Where(v => v.SameDay == sameDay);
        }

        if (!string.IsNullOrWhiteSpace(filter.Office))
        {
            query = query.Where(v => v.Receiving == "anyOffice" || v.AcceptingOffices.Contains(filter.Office));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(v => v.Code).Skip(offset).Take(limit)
            .Select(v => new { v.Code, v.Name, v.Field, v.Level, v.LegalWorkingDays, v.SameDay, v.OnlineLevel, v.EffectiveFrom, v.Verified })
            .ToListAsync(ct);
        return ([.. rows.Select(v => new ProcedureSummary(v.Code, v.Name, v.Field, fields.Name(v.Field), v.Level, v.LegalWorkingDays, v.SameDay, v.OnlineLevel, v.EffectiveFrom, v.Verified))], total);
    }

    /// <summary>The version of a procedure in force on a date, or null (unknown code, or not yet in force).</summary>
    public async Task<ProcedureVersion?> VersionInForceAsync(string code, DateOnly on, CancellationToken ct = default) =>
        (await db.Set<StoredVersion>().AsNoTracking()
            .Where(v => v.Code == code && v.EffectiveFrom <= on)
            .OrderByDescending(v => v.EffectiveFrom)
            .FirstOrDefaultAsync(ct))?.ToContract();

    public async Task<List<ProcedureVersion>> VersionsAsync(string code, CancellationToken ct = default) =>
        [.. (await db.Set<StoredVersion>().AsNoTracking().Where(v => v.Code == code).OrderBy(v => v.EffectiveFrom).ToListAsync(ct)).Select(v => v.ToContract())];

    public async Task<ProcedureVersion?> VersionAsync(Guid id, CancellationToken ct = default) =>
        (await db.Set<StoredVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct))?.ToContract();

    /// <summary>Procedure names and field names by code (the version most recently in force), for reports.</summary>
    public async Task<Dictionary<string, (string Name, string Field)>> NamesAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default)
    {
        var versions = await db.Set<StoredVersion>().AsNoTracking().Where(v => codes.Contains(v.Code))
            .Select(v => new { v.Code, v.Name, v.Field, v.EffectiveFrom }).ToListAsync(ct);
        return versions.GroupBy(v => v.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.EffectiveFrom).Select(v => (v.Name, fields.Name(v.Field))).First());
    }

    /// <summary>
    /// The procedures whose version in force on the day cites each document number in its legal basis (its source
    /// or its clock's basis), by number: what rests on a legal document.
    /// </summary>
    public async Task<Dictionary<string, List<(string Code, string Name)>>> CitingAsync(IReadOnlyCollection<string> numbers, DateOnly on, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Count == 0)
        {
            return [];
        }

        var versions = await InForce(on).Select(v => new { v.Code, v.Name, v.Source, v.ClockBasis }).ToListAsync(ct);
        return numbers.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => versions
            .Where(v => v.Source.Contains(n, StringComparison.Ordinal) || (v.ClockBasis?.Contains(n, StringComparison.Ordinal) ?? false))
            .Select(v => (v.Code, v.Name)).Distinct().OrderBy(v => v.Code, StringComparer.Ordinal).ToList());
    }

    private IQueryable<StoredVersion> InForce(DateOnly on) =>
        db.Set<StoredVersion>().AsNoTracking().Where(v => v.EffectiveFrom <= on &&
            !db.Set<StoredVersion>().Any(later => later.ProcedureId == v.ProcedureId && later.EffectiveFrom <= on && later.EffectiveFrom > v.EffectiveFrom));
}
