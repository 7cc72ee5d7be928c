using MotCua.Infrastructure.Database;

namespace MotCua.Features.Feedback.Contracts;

/// <summary>An evaluation given or changed that counts on an earlier day (<paramref name="Day"/>'s instant): that day's stored figures are stale.</summary>
public sealed record EvaluationRecounted(DateTimeOffset Day, DateTimeOffset At);

/// <summary>An evaluation as reports count it: which dossier and office, which kind, and what it says.
/// Its properties are set by name (not by a constructor), so that queries composed on it translate to SQL.</summary>
public sealed record EvaluationRow
{
    public Guid DossierId { get; init; }

    public Guid OfficeId { get; init; }

    public required string Kind { get; init; }

    public bool Unsatisfied { get; init; }

    public int Points { get; init; }

    public bool Disagreement { get; init; }

    public string? Officer { get; init; }

    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>The evaluations for other capabilities to count (composed into their SQL); the table stays Feedback's.</summary>
public sealed class EvaluationFacts(AppDbContext db)
{
    /// <summary>The citizen's press at the counter.</summary>
    public const string Counter = "counter";

    /// <summary>The 9 criteria after the result.</summary>
    public const string DossierKind = "dossier";

    public IQueryable<EvaluationRow> Rows => db.Set<Evaluation>()
        .Select(e => new EvaluationRow { DossierId = e.DossierId, OfficeId = e.OfficeId, Kind = e.Kind, Unsatisfied = e.Unsatisfied, Points = e.Points, Disagreement = e.Disagreement, Officer = e.Officer, ChangedAt = e.ChangedAt });
}

public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>How long after the first answer the citizen may still change it.</summary>
    public TimeSpan ChangeWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long after the dossier ends (returned, refused, stopped) it may still be evaluated.</summary>
    public TimeSpan OpenAfterClose { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long after a transaction at the counter the citizen-facing screen still asks for the press.</summary>
    public TimeSpan CounterPromptFor { get; set; } = TimeSpan.FromMinutes(10);
}
