using MotCua.Features.Calendar.Contracts;
using MotCua.Infrastructure.Text;
using System.Text.Json.Serialization;

namespace MotCua.Features.Catalog.Contracts;

/// <summary>The names of the permission profiles a step may name (the process's rules own them).</summary>
public interface IStepProfiles
{
    IReadOnlySet<string> Names { get; }
}

/// <summary>The catalog as it is imported and exported (JSON), and as MotCua ships it (Data/catalog.json).</summary>

public sealed record CatalogFile(string? Source, IReadOnlyList<FieldData>? Fields, IReadOnlyList<ProcedureData> Procedures);

public sealed record FieldData(string Code, string Name, string? NameEn);

public sealed record ProcedureData(string Code, IReadOnlyList<VersionData> Versions);

public sealed record DocumentData(string Name, string DocumentType, int Originals, int Copies, bool Required = true, string? Note = null);

/// <summary>A fee of a procedure version; <paramref name="AmountVnd"/> is null where the provincial council sets the amount and the catalog does not hold it yet.</summary>
public sealed record FeeData(string Name, decimal? AmountVnd, string Unit = "hồ sơ", string? Note = null, decimal? LaterAmountVnd = null, int? LaterFrom = null, decimal? CapVnd = null)
{
    /// <summary>The amount as people read it (see <see cref="Fee.AmountText"/>).</summary>
    [JsonIgnore]
    public string AmountText => Fee.TextOf(AmountVnd, Unit);
}

public sealed record StepData(string Name, string Role, string Agency, decimal AllottedHours, string? Profile = null);

public sealed record FormFieldData(string Key, string Label, string? Source, bool Required);

public sealed record VersionData(
    DateOnly EffectiveFrom,
    string Name,
    string Field,
    string Level,
    int LegalWorkingDays,
    bool SameDay,
    string? ResultDocument,
    string OnlineLevel,
    ClockPolicy ClockPolicy,
    string Receiving,
    IReadOnlyList<string>? AcceptingOffices,
    bool Verified,
    string? Source,
    IReadOnlyList<DocumentData>? Documents,
    IReadOnlyList<FeeData>? Fees,
    IReadOnlyList<StepData>? Steps,
    IReadOnlyList<FormFieldData>? FormFields,
    string? ClockBasis = null,
    IReadOnlyList<string>? Conditions = null,
    bool PayBeforeProcessing = false)
{
    public static readonly string[] Levels = ["ward", "district", "province"];
    public static readonly string[] OnlineLevels = ["full", "partial"];
    public static readonly string[] ReceivingModes = ["anyOffice", "listed"];
    public static readonly string[] StepRoles = ["OneStopOfficer", "Specialist", "Leader"];

    public const int MaxClockBasis = 300;

    /// <summary>At most this many conditions ("yêu cầu, điều kiện thực hiện"), each at most <see cref="MaxCondition"/> characters.</summary>
    public const int MaxConditions = 20;

    public const int MaxCondition = 500;

    /// <summary>Every problem with this version, keyed by the path of the field at fault (<paramref name="at"/> is the version's path).</summary>
    public void Validate(string at, ISet<string> fields, IStepProfiles profiles, IDictionary<string, string[]> errors)
    {
        void Add(string field, string message) => errors[$"{at}.{field}"] = [message];
        if (string.IsNullOrWhiteSpace(Name))
        {
            Add("name", Texts.Get("Catalog.NameRequired"));
        }

        if (!fields.Contains(Field ?? ""))
        {
            Add("field", Texts.Get("Catalog.UnknownField", Field));
        }

        if (!Levels.Contains(Level))
        {
            Add("level", Texts.Get("Catalog.Level"));
        }

        if (!OnlineLevels.Contains(OnlineLevel))
        {
            Add("onlineLevel", Texts.Get("Catalog.OnlineLevel"));
        }

        if (!ReceivingModes.Contains(Receiving))
        {
            Add("receiving", Texts.Get("Catalog.Receiving"));
        }
        else if (Receiving == "listed" && (AcceptingOffices is null || AcceptingOffices.Count == 0))
        {
            Add("acceptingOffices", Texts.Get("Catalog.AcceptingOffices"));
        }

        if (LegalWorkingDays is < 0 or > 365)
        {
            Add("legalWorkingDays", Texts.Get("Catalog.Deadline"));
        }
        else if (SameDay != (LegalWorkingDays == 0))
        {
            Add("sameDay", Texts.Get("Catalog.SameDay"));
        }

        if (ClockPolicy == ClockPolicy.Restart && string.IsNullOrWhiteSpace(ClockBasis))
        {
            Add("clockBasis", Texts.Get("Catalog.ClockBasisRequired"));
        }
        else if (ClockBasis?.Trim().Length > MaxClockBasis)
        {
            Add("clockBasis", Texts.Get("Catalog.ClockBasisLength", MaxClockBasis));
        }

        if (Conditions is { Count: > MaxConditions })
        {
            Add("conditions", Texts.Get("Catalog.ConditionsCount", MaxConditions));
        }
        else if (Conditions?.Any(c => string.IsNullOrWhiteSpace(c) || c.Trim().Length > MaxCondition) == true)
        {
            Add("conditions", Texts.Get("Catalog.ConditionLength", MaxCondition));
        }

        if (EffectiveFrom.Year is < 1990 or > 2100)
        {
            Add("effectiveFrom", Texts.Get("Catalog.EffectiveFrom"));
        }

        for (var i = 0; i < (Documents?.Count ?? 0); i++)
        {
            var d = Documents![i];
            if (string.IsNullOrWhiteSpace(d.Name))
            {
                Add($"documents[{i}].name", Texts.Get("Catalog.DocumentName"));
            }

            if (string.IsNullOrWhiteSpace(d.DocumentType))
            {
                Add($"documents[{i}].documentType", Texts.Get("Catalog.DocumentType"));
            }

            if (d.Originals < 0 || d.Copies < 0 || d.Originals + d.Copies == 0)
            {
                Add($"documents[{i}].originals", Texts.Get("Catalog.DocumentCopies"));
            }
        }

        for (var i = 0; i < (Fees?.Count ?? 0); i++)
        {
            if (Fees![i] is { LaterFrom: < 2 } or { LaterAmountVnd: < 0 } or { CapVnd: < 0 } || (Fees[i].LaterFrom is null) != (Fees[i].LaterAmountVnd is null))
            {
                Add($"fees[{i}].laterFrom", Texts.Get("Catalog.FeeTiers"));
            }

            if (Fees![i].AmountVnd is < 0)
            {
                Add($"fees[{i}].amountVnd", Texts.Get("Catalog.FeeNegative"));
            }
        }

        var steps = Steps ?? [];
        if (steps.Count == 0)
        {
            Add("steps", Texts.Get("Catalog.StepsRequired"));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Profile is { Length: > 0 } profile && !profiles.Names.Contains(profile))
            {
                Add($"steps[{i}].profile", Texts.Get("Catalog.UnknownProfile", profile));
            }

            if (!StepRoles.Contains(steps[i].Role))
            {
                Add($"steps[{i}].role", Texts.Get("Catalog.StepRole"));
            }

            if (steps[i].AllottedHours <= 0)
            {
                Add($"steps[{i}].allottedHours", Texts.Get("Catalog.StepHours"));
            }
        }

        var total = steps.Sum(s => s.AllottedHours);
        var limit = LegalWorkingDays == 0 ? 8 : LegalWorkingDays * 8;
        if (steps.Count > 0 && total > limit)
        {
            Add("steps", Texts.Get("Catalog.StepsOverDeadline", total, limit));
        }
    }
}
