using Microsoft.EntityFrameworkCore;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Catalog;

public sealed record ImportResult(int Procedures, int VersionsAdded, int VersionsReplaced);

/// <summary>
/// Writes the catalog. An import is validated whole first and applied in one transaction: every version is
/// added, or replaces the version of the same procedure and effective date, or nothing changes at all.
/// </summary>
public sealed class CatalogStore(AppDbContext db, CatalogFields fields, IStepProfiles profiles, TimeProvider clock)
{
    public Dictionary<string, string[]> Validate(CatalogFile file)
    {
        var errors = new Dictionary<string, string[]>();
        if (file.Procedures is null || file.Procedures.Count == 0)
        {
            errors["procedures"] = [Texts.Get("Catalog.NoProcedures")];
            return errors;
        }

        var codes = new HashSet<string>();
        for (var p = 0; p < file.Procedures.Count; p++)
        {
            var procedure = file.Procedures[p];
            var at = $"procedures[{p}]";
            if (string.IsNullOrWhiteSpace(procedure.Code) || procedure.Code.Length > 40)
            {
                errors[$"{at}.code"] = [Texts.Get("Catalog.CodeRequired")];
            }
            else if (!codes.Add(procedure.Code.Trim()))
            {
                errors[$"{at}.code"] = [Texts.Get("Catalog.CodeTwice", procedure.Code)];
            }

            if (procedure.Versions is null || procedure.Versions.Count == 0)
            {
                errors[$"{at}.versions"] = [Texts.Get("Catalog.VersionRequired")];
                continue;
            }

            var dates = new HashSet<DateOnly>();
            for (var v = 0; v < procedure.Versions.Count; v++)
            {
                var version = procedure.Versions[v];
                version.Validate($"{at}.versions[{v}]", fields.Codes, profiles, errors);
                if (!dates.Add(version.EffectiveFrom))
                {
                    errors[$"{at}.versions[{v}].effectiveFrom"] = [Texts.Get("Catalog.SameDate")];
                }
            }
        }

        return errors;
    }

    /// <summary>Applies a file that <see cref="Validate"/> accepted.</summary>
    public async Task<ImportResult> ImportAsync(CatalogFile file, string? by, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = 0;
        var replaced = 0;
        var codes = file.Procedures.Select(p => p.Code.Trim()).ToList();
        var existing = await db.Set<Procedure>().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        foreach (var data in file.Procedures)
        {
            var code = data.Code.Trim();
            if (!existing.TryGetValue(code, out var procedure))
            {
                procedure = new Procedure { Code = code };
                db.Set<Procedure>().Add(procedure);
                existing[code] = procedure;
            }

            var current = await db.Set<StoredVersion>().Where(v => v.ProcedureId == procedure.Id).ToListAsync(ct);
            foreach (var version in data.Versions)
            {
                if (current.FirstOrDefault(v => v.EffectiveFrom == version.EffectiveFrom) is { } same)
                {
                    db.Remove(same);
                    replaced++;
                }
                else
                {
                    added++;
                }

                db.Add(ToEntity(procedure, version, by));
            }

            // The replaced row must be gone before its successor takes the same (procedure, date) key.
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return new ImportResult(file.Procedures.Count, added, replaced);
    }

    /// <summary>Adds a new version of an existing procedure (the staff "new version" page).</summary>
    public async Task AddVersionAsync(string code, VersionData version, string? by, CancellationToken ct = default)
    {
        var procedure = await db.Set<Procedure>().FirstAsync(p => p.Code == code, ct);
        db.Add(ToEntity(procedure, version, by));
        await db.SaveChangesAsync(ct);
    }

    public async Task<CatalogFile> ExportAsync(CancellationToken ct = default)
    {
        var versions = await db.Set<StoredVersion>().AsNoTracking().OrderBy(v => v.Code).ThenBy(v => v.EffectiveFrom).ToListAsync(ct);
        return new CatalogFile(
            "MotCua catalog export",
            [.. fields.All],
            [.. versions.GroupBy(v => v.Code).Select(g => new ProcedureData(g.Key, [.. g.Select(v => ToData(v.ToContract()))]))]);
    }

    public static VersionData ToData(ProcedureVersion v) => new(
        v.EffectiveFrom, v.Name, v.Field, v.Level, v.LegalWorkingDays, v.SameDay, v.ResultDocument, v.OnlineLevel, v.ClockPolicy,
        v.Receiving, [.. v.AcceptingOffices], v.Verified, v.Source,
        [.. v.Documents.Select(d => new DocumentData(d.Name, d.DocumentType, d.Originals, d.Copies, d.Required, d.Note))],
        [.. v.Fees.Select(f => new FeeData(f.Name, f.AmountVnd, f.Unit, f.Note, f.LaterAmountVnd, f.LaterFrom, f.CapVnd))],
        [.. v.Steps.Select(s => new StepData(s.Name, s.Role, s.Agency, s.AllottedHours, s.Profile))],
        [.. v.FormFields.Select(f => new FormFieldData(f.Key, f.Label, f.Source, f.Required))], v.ClockBasis, [.. v.Conditions], v.PayBeforeProcessing);

    private StoredVersion ToEntity(Procedure procedure, VersionData v, string? by) => new()
    {
        ProcedureId = procedure.Id,
        Code = procedure.Code,
        EffectiveFrom = v.EffectiveFrom,
        Name = v.Name.Trim(),
        Field = v.Field,
        Level = v.Level,
        LegalWorkingDays = v.LegalWorkingDays,
        SameDay = v.SameDay,
        ResultDocument = v.ResultDocument?.Trim() ?? "",
        OnlineLevel = v.OnlineLevel,
        ClockPolicy = v.ClockPolicy,
        ClockBasis = string.IsNullOrWhiteSpace(v.ClockBasis) ? null : v.ClockBasis.Trim(),
        Receiving = v.Receiving,
        AcceptingOffices = [.. v.AcceptingOffices ?? []],
        Conditions = [.. (v.Conditions ?? []).Select(c => c.Trim())],
        PayBeforeProcessing = v.PayBeforeProcessing,
        Verified = v.Verified,
        Source = v.Source?.Trim() ?? "",
        SearchText = SearchText.Fold($"{procedure.Code} {v.Name} {fields.Name(v.Field, english: false)}"),
        CreatedAt = clock.GetUtcNow(),
        CreatedBy = by,
        Documents = [.. (v.Documents ?? []).Select(d => new StoredDocument { Name = d.Name, DocumentType = d.DocumentType, Originals = d.Originals, Copies = d.Copies, Required = d.Required, Note = d.Note })],
        Fees = [.. (v.Fees ?? []).Select(f => new StoredFee { Name = f.Name, AmountVnd = f.AmountVnd, Unit = f.Unit, Note = f.Note, LaterAmountVnd = f.LaterAmountVnd, LaterFrom = f.LaterFrom, CapVnd = f.CapVnd })],
        Steps = [.. (v.Steps ?? []).Select(s => new StoredStep { Name = s.Name, Role = s.Role, Agency = s.Agency, AllottedHours = s.AllottedHours, Profile = s.Profile })],
        FormFields = [.. (v.FormFields ?? []).Select(f => new StoredFormField { Key = f.Key, Label = f.Label, Source = f.Source, Required = f.Required })],
    };
}
