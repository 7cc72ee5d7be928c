using MotCua.Features.Calendar.Contracts;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Catalog.Contracts;

/// <summary>
/// One version of a procedure, in force from <see cref="EffectiveFrom"/> until the next version's date, as the
/// catalog hands it out (a copy: what intake and the workflow read, never the catalog's stored row). A dossier
/// keeps the version it was received under, so a later change never rewrites an earlier deadline.
/// </summary>
public sealed record ProcedureVersion
{
    public Guid Id { get; init; }

    public required string Code { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    public required string Name { get; init; }

    /// <summary>Field code (lĩnh vực), e.g. <c>ho-tich</c>.</summary>
    public required string Field { get; init; }

    /// <summary>Handling level: <c>ward</c>, <c>district</c> (until 30/6/2025) or <c>province</c>.</summary>
    public required string Level { get; init; }

    /// <summary>Legal processing time in working days; 0 with <see cref="SameDay"/> for "trong ngày".</summary>
    public int LegalWorkingDays { get; init; }

    public bool SameDay { get; init; }

    public string ResultDocument { get; init; } = "";

    /// <summary><c>full</c> (toàn trình) or <c>partial</c> (một phần), Decree 42/2022.</summary>
    public string OnlineLevel { get; init; } = "partial";

    public ClockPolicy ClockPolicy { get; init; } = ClockPolicy.Resume;

    /// <summary>The article <see cref="ClockPolicy"/> rests on when a specialised law sets it; null: the one-stop regulation's rule.</summary>
    public string? ClockBasis { get; init; }

    /// <summary><c>anyOffice</c>: any office in the province receives it (from 1/7/2025); <c>listed</c>: only <see cref="AcceptingOffices"/>.</summary>
    public string Receiving { get; init; } = "anyOffice";

    public IReadOnlyList<string> AcceptingOffices { get; init; } = [];

    public bool Verified { get; init; }

    /// <summary>Legal basis and what was or was not checked against the published national catalog.</summary>
    public string Source { get; init; } = "";

    /// <summary>What the applicant must meet for the procedure ("yêu cầu, điều kiện thực hiện"); the portal asks before an application starts.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>The fee is paid before the dossier is handled (when the request is made): a dossier with its fee due waits at intake.</summary>
    public bool PayBeforeProcessing { get; init; }

    public IReadOnlyList<RequiredDocument> Documents { get; init; } = [];

    public IReadOnlyList<Fee> Fees { get; init; } = [];

    public IReadOnlyList<ProcessStep> Steps { get; init; } = [];

    public IReadOnlyList<FormField> FormFields { get; init; } = [];
}

/// <summary>A document the citizen hands in (thành phần hồ sơ); <see cref="DocumentType"/> is what the citizen store reuses.</summary>
public sealed record RequiredDocument(string Name, string DocumentType, int Originals, int Copies, bool Required, string? Note)
{
    /// <summary>What the citizen brings, as people say it: "1 bản chính", "1 bản chính, 2 bản sao".</summary>
    public string CountText => string.Join(", ", new[]
    {
        Originals > 0 ? Texts.Get("Catalog.OriginalsCount", Originals) : null,
        Copies > 0 ? Texts.Get("Catalog.CopiesCount", Copies) : null,
    }.OfType<string>());
}

/// <summary>A fee; <see cref="Unit"/> says per what (<c>hồ sơ</c>, <c>trang</c>, <c>bản</c>…).</summary>
/// <summary>
/// A fee or charge of a procedure: <see cref="AmountVnd"/> per <see cref="Unit"/>; from unit number
/// <see cref="LaterFrom"/> on, <see cref="LaterAmountVnd"/> each instead; at most <see cref="CapVnd"/> in all (for
/// example certification: 2,000 đồng a page, 1,000 from the third, at most 200,000 a copy).
/// </summary>
public sealed record Fee(string Name, decimal? AmountVnd, string Unit, string? Note, decimal? LaterAmountVnd = null, int? LaterFrom = null, decimal? CapVnd = null)
{
    /// <summary>What <paramref name="units"/> units cost; null when the catalog does not hold the amount.</summary>
    public decimal? For(int units)
    {
        if (AmountVnd is not { } amount)
        {
            return null;
        }

        var first = LaterFrom is { } from && LaterAmountVnd is not null ? Math.Min(units, from - 1) : units;
        var total = (amount * first) + ((LaterAmountVnd ?? 0) * (units - first));
        return CapVnd is { } cap ? Math.Min(total, cap) : total;
    }

    /// <summary>The amount as people read it: free, the amount per unit, or set by the provincial council.</summary>
    public string AmountText => TextOf(AmountVnd, Unit);

    internal static string TextOf(decimal? amountVnd, string unit) => amountVnd switch
    {
        null => Texts.Get("Catalog.FeeByCouncil"),
        0 => Texts.Get("Catalog.Free"),
        var amount => Texts.Get("Catalog.FeePer", amount, unit),
    };
}

/// <summary>
/// A step of the internal process: who performs it (<see cref="Role"/>: OneStopOfficer, Specialist or Leader; at
/// <see cref="Agency"/>: <c>own</c>, <c>police</c>, <c>social-insurance</c> or <c>department:&lt;name&gt;</c>), its
/// share of the time in working hours (8 to a day), and the <see cref="Profile"/> of the process rules that says who
/// may take which action (empty for the default by position and role).
/// </summary>
public sealed record ProcessStep(string Name, string Role, string Agency, decimal AllottedHours, string? Profile);

/// <summary>A field of the application form and the profile data that fills it ("ngày không viết"); <see cref="Source"/> is where the value comes from, e.g. <c>applicant.fullName</c>.</summary>
public sealed record FormField(string Key, string Label, string? Source, bool Required);
