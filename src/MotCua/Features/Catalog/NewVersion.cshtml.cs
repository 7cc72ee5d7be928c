using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Catalog;

/// <summary>
/// Administrators record a change to a procedure as a new version with its effective date, starting from the
/// version in force; dossiers already received keep the version they were received under.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class NewVersionModel(CatalogReader reader, CatalogStore store, CatalogFields fields, IStepProfiles profiles, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = "";

    [BindProperty]
    public VersionInput Input { get; set; } = new();

    private readonly Dictionary<string, string[]> errors = [];

    public IReadOnlyCollection<FieldData> Fields => fields.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var current = await reader.VersionInForceAsync(Code, VietnamTime.Today(clock), ct) ?? (await reader.VersionsAsync(Code, ct)).LastOrDefault();
        if (current is null)
        {
            return NotFound();
        }

        var data = CatalogStore.ToData(current);
        Input = new VersionInput
        {
            EffectiveFrom = VietnamTime.Today(clock).AddDays(1), Name = data.Name, Field = data.Field, Level = data.Level,
            LegalWorkingDays = data.LegalWorkingDays, SameDay = data.SameDay, OnlineLevel = data.OnlineLevel, ClockPolicy = data.ClockPolicy.ToString(), ClockBasis = data.ClockBasis,
            ResultDocument = data.ResultDocument, Source = data.Source, Conditions = string.Join("\n", data.Conditions ?? []),
            Documents = Json(data.Documents), Fees = Json(data.Fees), Steps = Json(data.Steps), FormFields = Json(data.FormFields),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var versions = await reader.VersionsAsync(Code, ct);
        if (versions.Count == 0)
        {
            return NotFound();
        }

        var latest = versions[^1];
        var documents = Parse<List<DocumentData>>(Input.Documents, "documents");
        var fees = Parse<List<FeeData>>(Input.Fees, "fees");
        var steps = Parse<List<StepData>>(Input.Steps, "steps");
        var formFields = Parse<List<FormFieldData>>(Input.FormFields, "formFields");
        var version = new VersionData(
            Input.EffectiveFrom, Input.Name ?? "", Input.Field ?? "", Input.Level ?? "", Input.LegalWorkingDays, Input.SameDay, Input.ResultDocument,
            Input.OnlineLevel ?? "", Enum.TryParse<ClockPolicy>(Input.ClockPolicy, out var policy) ? policy : ClockPolicy.Resume,
            latest.Receiving, latest.AcceptingOffices, Verified: false, Input.Source, documents, fees, steps, formFields, Input.ClockBasis,
            [.. (Input.Conditions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], latest.PayBeforeProcessing);
        if (errors.Count == 0)
        {
            version.Validate("version", fields.Codes, profiles, errors);
        }

        if (versions.Any(v => v.EffectiveFrom == Input.EffectiveFrom))
        {
            errors["version.effectiveFrom"] = [Texts.Get("Catalog.DateTaken")];
        }

        if (errors.Count > 0)
        {
            Failure.Invalid(errors).AddTo(ModelState);
            return Page();
        }

        await store.AddVersionAsync(Code, version, User.Identity?.Name, ct);
        return Redirect($"/Catalog/Details/{Uri.EscapeDataString(Code)}?date={Input.EffectiveFrom:yyyy-MM-dd}");
    }

    private T? Parse<T>(string? json, string field)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(json) ? "[]" : json, JsonDefaults.Web);
        }
        catch (JsonException e)
        {
            errors[$"version.{field}"] = [Texts.Get("Catalog.JsonInvalidAt", e.LineNumber + 1, e.Path)];
            return null;
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonDefaults.Web);

    public sealed class VersionInput
    {
        public DateOnly EffectiveFrom { get; set; }

        public string? Name { get; set; }

        public string? Field { get; set; }

        public string? Level { get; set; }

        public int LegalWorkingDays { get; set; }

        public bool SameDay { get; set; }

        public string? OnlineLevel { get; set; }

        public string? ClockPolicy { get; set; }

        public string? ClockBasis { get; set; }

        public string? ResultDocument { get; set; }

        public string? Source { get; set; }

        /// <summary>The conditions, one per line.</summary>
        public string? Conditions { get; set; }

        public string? Documents { get; set; }

        public string? Fees { get; set; }

        public string? Steps { get; set; }

        public string? FormFields { get; set; }
    }
}
