using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Feedback.Contracts;

namespace MotCua.Features.Feedback;

/// <summary>
/// One of the two evaluations of a dossier (DOMAIN §9): <c>counter</c>, the citizen's press on the device at the
/// counter (1–4, no neutral middle), or <c>dossier</c>, the 9 criteria of the official index after the result.
/// One of each kind per dossier; the citizen may change it for a while (<see cref="FeedbackOptions.ChangeWindow"/>).
/// </summary>
public sealed class Evaluation
{
    public const string Counter = EvaluationFacts.Counter;
    public const string DossierKind = EvaluationFacts.DossierKind;

    /// <summary>The 9 criteria of the official index (Circular 01/2018), in the order the API takes them.</summary>
    public static readonly IReadOnlyList<string> CriteriaKeys =
        ["totalTime", "agencyTime", "returnVisits", "agenciesContacted", "oneStop", "publicity", "attitude", "complaints", "onlineService"];

    public static readonly string[] Answers = ["unsatisfied", "satisfied", "verySatisfied"];

    /// <summary>
    /// The answer of a criterion that does not apply: the online service's quality for a dossier not filed online. It
    /// scores nothing and lowers the dossier's maximum by 2 points.
    /// </summary>
    public const string NotApplicable = "notApplicable";

    /// <summary>The place of "quality of the online service" in <see cref="CriteriaKeys"/>.</summary>
    public const int OnlineService = 8;

    /// <summary>The dossier's maximum: 2 points for each criterion that applies (18 when all 9 do).</summary>
    public static int MaxPoints(IEnumerable<string> criteria) => 2 * criteria.Count(a => a != NotApplicable);

    /// <summary>What a complaint may be about, as the satisfaction formula of Decision 766 names them.</summary>
    public static readonly IReadOnlyList<string> ComplaintSubjects = ["receipt", "handling", "lateness"];

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public required string DossierCode { get; init; }

    /// <summary>The office that received the dossier (what a leader's scope filters on).</summary>
    public Guid OfficeId { get; init; }

    public required string Kind { get; init; }

    /// <summary>Counter kind: 1 (very unsatisfied) to 4 (very satisfied).</summary>
    public int? Rating { get; set; }

    /// <summary>Dossier kind: the 9 answers, comma-separated, in <see cref="CriteriaKeys"/> order.</summary>
    public string? Criteria { get; set; }

    /// <summary>Counter kind: the rating; dossier kind: the index points, 0–18 (0, 1 or 2 per criterion).</summary>
    public int Points { get; set; }

    /// <summary>
    /// The citizen was not satisfied: a rating of 1 or 2 at the counter; after the result, any criterion answered
    /// "unsatisfied" or a complaint (what the satisfaction formula of Decision 766 subtracts).
    /// </summary>
    public bool Unsatisfied { get; set; }

    /// <summary>Dossier kind: what the citizen complains about (<see cref="ComplaintSubjects"/>), if anything.</summary>
    public string? Complaint { get; set; }

    public string? Reason { get; set; }

    /// <summary>Who served the citizen (the officer who received or returned the dossier).</summary>
    public string? Officer { get; init; }

    /// <summary>Where the evaluation came from: <c>device</c>, <c>qr</c>, <c>portal</c>, <c>counter</c> or <c>api</c>.</summary>
    public string? Source { get; set; }

    public DateTimeOffset At { get; init; }

    public DateTimeOffset ChangedAt { get; set; }

    public int Changes { get; set; }

    /// <summary>The two evaluations of the dossier disagree (good at the counter, bad afterwards, or the reverse).</summary>
    public bool Disagreement { get; set; }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.ToTable("feedback_evaluation");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.DossierCode).HasMaxLength(40);
        builder.Property(x => x.Kind).HasMaxLength(10);
        builder.Property(x => x.Criteria).HasMaxLength(200);
        builder.Property(x => x.Complaint).HasMaxLength(20);
        builder.Property(x => x.Reason).HasMaxLength(1000);
        builder.Property(x => x.Officer).HasMaxLength(100);
        builder.Property(x => x.Source).HasMaxLength(20);
        builder.HasIndex(x => new { x.DossierId, x.Kind }).IsUnique();
        builder.HasIndex(x => new { x.OfficeId, x.ChangedAt, x.Kind, x.Unsatisfied, x.Points, x.Officer });
    }
}

