using System.Globalization;
using MiniExcelLibs;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Catalog;

/// <summary>
/// The catalog as an Excel workbook: one sheet of versions and one sheet per list (documents, fees, steps, form
/// fields), each row keyed by procedure code and effective date, so that officials can edit it in a spreadsheet.
/// </summary>
public static class CatalogExcel
{
    private const string Versions = "versions";
    private const string Documents = "documents";
    private const string Fees = "fees";
    private const string Steps = "steps";
    private const string FormFields = "formFields";

    public static async Task WriteAsync(Stream output, CatalogFile file, CancellationToken ct)
    {
        var rows = file.Procedures.SelectMany(p => p.Versions.Select(v => (p.Code, V: v))).ToList();
        var sheets = new Dictionary<string, object>
        {
            [Versions] = rows.Select(r => new Dictionary<string, object?>
            {
                ["code"] = r.Code, ["effectiveFrom"] = Date(r.V.EffectiveFrom), ["name"] = r.V.Name, ["field"] = r.V.Field,
                ["level"] = r.V.Level, ["legalWorkingDays"] = r.V.LegalWorkingDays, ["sameDay"] = r.V.SameDay,
                ["resultDocument"] = r.V.ResultDocument, ["onlineLevel"] = r.V.OnlineLevel, ["clockPolicy"] = r.V.ClockPolicy.ToString(), ["clockBasis"] = r.V.ClockBasis,
                ["receiving"] = r.V.Receiving, ["acceptingOffices"] = string.Join(";", r.V.AcceptingOffices ?? []),
                ["verified"] = r.V.Verified, ["source"] = r.V.Source, ["conditions"] = string.Join("\n", r.V.Conditions ?? []), ["payBeforeProcessing"] = r.V.PayBeforeProcessing,
            }).ToList(),
            [Documents] = rows.SelectMany(r => (r.V.Documents ?? []).Select(d => new Dictionary<string, object?>
            {
                ["code"] = r.Code, ["effectiveFrom"] = Date(r.V.EffectiveFrom), ["name"] = d.Name, ["documentType"] = d.DocumentType,
                ["originals"] = d.Originals, ["copies"] = d.Copies, ["required"] = d.Required, ["note"] = d.Note,
            })).ToList(),
            [Fees] = rows.SelectMany(r => (r.V.Fees ?? []).Select(f => new Dictionary<string, object?>
            {
                ["code"] = r.Code, ["effectiveFrom"] = Date(r.V.EffectiveFrom), ["name"] = f.Name, ["amountVnd"] = f.AmountVnd, ["unit"] = f.Unit, ["note"] = f.Note,
                ["laterAmountVnd"] = f.LaterAmountVnd, ["laterFrom"] = f.LaterFrom, ["capVnd"] = f.CapVnd,
            })).ToList(),
            [Steps] = rows.SelectMany(r => (r.V.Steps ?? []).Select(s => new Dictionary<string, object?>
            {
                ["code"] = r.Code, ["effectiveFrom"] = Date(r.V.EffectiveFrom), ["name"] = s.Name, ["role"] = s.Role, ["agency"] = s.Agency, ["allottedHours"] = s.AllottedHours, ["profile"] = s.Profile,
            })).ToList(),
            [FormFields] = rows.SelectMany(r => (r.V.FormFields ?? []).Select(f => new Dictionary<string, object?>
            {
                ["code"] = r.Code, ["effectiveFrom"] = Date(r.V.EffectiveFrom), ["key"] = f.Key, ["label"] = f.Label, ["source"] = f.Source, ["required"] = f.Required,
            })).ToList(),
        };
        await output.SaveAsAsync(sheets, cancellationToken: ct);
    }

    /// <summary>Reads a workbook back; a row that cannot be read is reported as <c>sheet[row N].column</c> and the file is refused.</summary>
    public static (CatalogFile? File, Dictionary<string, string[]> Errors) Read(Stream input)
    {
        var errors = new Dictionary<string, string[]>();
        List<IDictionary<string, object?>> Sheet(string name)
        {
            try
            {
                return [.. input.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()];
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or System.Xml.XmlException or InvalidDataException or KeyNotFoundException)
            {
                errors[name] = [Texts.Get("Catalog.SheetUnreadable", name)];
                return [];
            }
        }

        var versions = Sheet(Versions);
        var documents = Sheet(Documents);
        var fees = Sheet(Fees);
        var steps = Sheet(Steps);
        var formFields = Sheet(FormFields);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        string Text(IDictionary<string, object?> row, string key) => row.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture)!.Trim() : "";

        T Parse<T>(string sheet, int index, IDictionary<string, object?> row, string key, Func<string, T?> parse, T fallback)
            where T : struct
        {
            var text = Text(row, key);
            var value = parse(text);
            if (value is null)
            {
                errors[$"{sheet}[row {index + 2}].{key}"] = [Texts.Get("Catalog.ValueInvalid", text)];
                return fallback;
            }

            return value.Value;
        }

        static DateOnly? ParseDate(string s) =>
            DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) ? DateOnly.FromDateTime(dt) : null;
        static int? ParseInt(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        static decimal? ParseDecimal(string s) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
        static bool? ParseBool(string s) => s.ToUpperInvariant() switch { "TRUE" or "1" or "X" or "CÓ" => true, "FALSE" or "0" or "" or "KHÔNG" => false, _ => null };

        (string Code, DateOnly Date) Key(string sheet, int i, IDictionary<string, object?> row) =>
            (Text(row, "code"), Parse(sheet, i, row, "effectiveFrom", ParseDate, default));

        ILookup<(string, DateOnly), T> Children<T>(string sheet, List<IDictionary<string, object?>> rows, Func<int, IDictionary<string, object?>, T> map) =>
            rows.Select((row, i) => (Key: Key(sheet, i, row), Item: map(i, row))).ToLookup(x => x.Key, x => x.Item);

        var docs = Children(Documents, documents, (i, r) => new DocumentData(Text(r, "name"), Text(r, "documentType"),
            Parse(Documents, i, r, "originals", ParseInt, 0), Parse(Documents, i, r, "copies", ParseInt, 0), Parse(Documents, i, r, "required", ParseBool, true), Text(r, "note") is { Length: > 0 } n ? n : null));
        decimal? Money(int i, IDictionary<string, object?> r, string column) => Text(r, column) is { Length: > 0 } ? Parse(Fees, i, r, column, ParseDecimal, 0) : null;
        var feeRows = Children(Fees, fees, (i, r) => new FeeData(
            Text(r, "name"), Money(i, r, "amountVnd"), Text(r, "unit"), Text(r, "note") is { Length: > 0 } n ? n : null,
            Money(i, r, "laterAmountVnd"), Text(r, "laterFrom") is { Length: > 0 } ? Parse(Fees, i, r, "laterFrom", ParseInt, 0) : (int?)null, Money(i, r, "capVnd")));
        var stepRows = Children(Steps, steps, (i, r) => new StepData(Text(r, "name"), Text(r, "role"), Text(r, "agency"), Parse(Steps, i, r, "allottedHours", ParseDecimal, 0), Text(r, "profile") is { Length: > 0 } p ? p : null));
        var fieldRows = Children(FormFields, formFields, (i, r) => new FormFieldData(Text(r, "key"), Text(r, "label"), Text(r, "source") is { Length: > 0 } s ? s : null, Parse(FormFields, i, r, "required", ParseBool, false)));

        var procedures = versions
            .Select((r, i) =>
            {
                var key = Key(Versions, i, r);
                var clock = Enum.TryParse<ClockPolicy>(Text(r, "clockPolicy"), ignoreCase: true, out var c) ? c : ClockPolicy.Resume;
                var version = new VersionData(
                    key.Date, Text(r, "name"), Text(r, "field"), Text(r, "level"), Parse(Versions, i, r, "legalWorkingDays", ParseInt, -1),
                    Parse(Versions, i, r, "sameDay", ParseBool, false), Text(r, "resultDocument"), Text(r, "onlineLevel"), clock,
                    Text(r, "receiving"), [.. Text(r, "acceptingOffices").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    Parse(Versions, i, r, "verified", ParseBool, false), Text(r, "source"),
                    [.. docs[key]], [.. feeRows[key]], [.. stepRows[key]], [.. fieldRows[key]], Text(r, "clockBasis") is { Length: > 0 } basis ? basis : null,
                    [.. Text(r, "conditions").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    Parse(Versions, i, r, "payBeforeProcessing", ParseBool, false));
                return (key.Code, version);
            })
            .GroupBy(x => x.Code)
            .Select(g => new ProcedureData(g.Key, [.. g.Select(x => x.version)]))
            .ToList();
        return errors.Count > 0 ? (null, errors) : (new CatalogFile("Excel import", null, procedures), errors);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
