using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Feedback.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Telemetry;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Feedback;

/// <summary>An evaluation with its proof: the counter screen's <paramref name="Token"/>, or the dossier's tracking <paramref name="Key"/>.</summary>
/// <summary>An evaluation (<c>POST /api/evaluations</c>): its rules are declared here and checked by <see cref="RequestRules"/>.</summary>
public sealed record EvaluationRequest(
    [property: Required(ErrorMessage = "Feedback.CodeRequired"), StringLength(40, ErrorMessage = "Feedback.CodeRequired")] string? DossierCode,
    string? Kind,
    int? Rating,
    IReadOnlyList<string?>? Criteria,
    string? Complaint,
    [property: StringLength(1000, ErrorMessage = "Feedback.TooLong")] string? Reason,
    string? Source,
    [property: StringLength(2000, ErrorMessage = "Common.TooLong")] string? Token = null,
    [property: StringLength(40, ErrorMessage = "Common.TooLong")] string? Key = null) : IValidatableObject
{
    private static readonly string[] Sources = ["device", "qr", "portal", "counter", "api"];

    /// <summary>What depends on the kind: the counter's rating 1–4, or the 9 answers and the complaint's subject.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is not (Evaluation.Counter or Evaluation.DossierKind))
        {
            yield return new(Texts.Get("Feedback.Kind"), [nameof(Kind)]);
        }
        else if (Kind == Evaluation.Counter && Rating is not (>= 1 and <= 4))
        {
            yield return new(Texts.Get("Feedback.Rating"), [nameof(Rating)]);
        }
        else if (Kind == Evaluation.DossierKind)
        {
            if (Criteria is not { Count: 9 })
            {
                yield return new(Texts.Get("Feedback.Criteria"), [nameof(Criteria)]);
            }
            else
            {
                for (var i = 0; i < 9; i++)
                {
                    if (Criteria[i] is not { } answer || !(Evaluation.Answers.Contains(answer) || (i == Evaluation.OnlineService && answer == Evaluation.NotApplicable)))
                    {
                        yield return new(Texts.Get("Feedback.Criterion", i + 1, Texts.Get("Feedback.Criterion." + Evaluation.CriteriaKeys[i])), [$"criteria[{i}]"]);
                    }
                }
            }

            if (Complaint is { Length: > 0 } c && !Evaluation.ComplaintSubjects.Contains(c))
            {
                yield return new(Texts.Get("Feedback.Complaint"), [nameof(Complaint)]);
            }
        }

        if (Source is { Length: > 0 } s && !Sources.Contains(s))
        {
            yield return new(Texts.Get("Feedback.Source"), [nameof(Source)]);
        }
    }
}

public sealed record EvaluationView(
    Guid Id, string DossierCode, string Kind, int? Rating, IReadOnlyList<string>? Criteria, int Points, int MaxPoints, bool Unsatisfied, string? Complaint,
    DateTimeOffset At, DateTimeOffset ChangeableUntil, bool Disagreement);

/// <summary>The evaluation as saved, and whether it is the first of its kind for the dossier (or a change).</summary>
public sealed record EvaluationSaved(EvaluationView Evaluation, bool Created);

/// <summary>
/// Takes the two evaluations of a dossier (DOMAIN §9): validates them, keeps one of each kind per dossier (changeable
/// for <see cref="FeedbackOptions.ChangeWindow"/>), and when the counter press and the later index disagree, flags
/// both and tells the office's leaders.
/// </summary>
/// <remarks>
/// Nobody rates without proof: a counter rating carries the token the counter's screen got for that transaction,
/// a dossier rating the dossier's tracking key (the receipt's QR code, the portal), and only once the result is issued.
/// </remarks>
public sealed class Evaluations(AppDbContext db, DossierStore dossiers, StaffDirectory staff, UnitTree tree, CounterRatingTokens tokens, DomainEvents events, IOptions<FeedbackOptions> options, AppMetrics metrics, TimeProvider clock)
{
    public async Task<Result<EvaluationSaved>> SubmitAsync(EvaluationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RequestRules.Check(request) is { } invalid)
        {
            return invalid;
        }

        var code = request.DossierCode!.Trim();
        var kind = request.Kind!;
        if (kind == Evaluation.Counter ? tokens.Verify(request.Token, code) is null : TrackingKeys.Normalize(request.Key) is null)
        {
            return Forbidden(kind);
        }

        var dossier = await dossiers.Rows.Where(d => d.Code == code)
            .Select(d => new { d.Id, d.Code, d.OfficeId, d.OfficeCode, d.Status, d.ReceivedBy, d.ClosedAt, d.ResolvedAt, d.TrackingKey, d.Channel }).FirstOrDefaultAsync(ct);
        if (dossier is null)
        {
            return Failure.NotFound(Texts.Get("Feedback.NoDossierTitle"), "dossierCode", Texts.Get("Feedback.NoDossier", code));
        }

        if (kind == Evaluation.DossierKind && dossier.TrackingKey != TrackingKeys.Normalize(request.Key))
        {
            return Forbidden(kind);
        }

        if (kind == Evaluation.DossierKind && dossier.ResolvedAt is null && dossier.ClosedAt is null)
        {
            return Failure.Conflict(Texts.Get("Feedback.NoResultYet", code), Texts.Get("Feedback.NoResultTitle"), "dossierCode");
        }

        var online = dossier.Channel == DossierChannel.Online;
        if (kind == Evaluation.DossierKind && online && request.Criteria![Evaluation.OnlineService] == Evaluation.NotApplicable)
        {
            return Failure.Invalid($"criteria[{Evaluation.OnlineService}]", Texts.Get("Feedback.OnlineApplies"));
        }

        var now = clock.GetUtcNow();
        var window = options.Value.ChangeWindow;
        for (var attempt = 0; ; attempt++)
        {
            var evaluation = await db.Set<Evaluation>().FirstOrDefaultAsync(e => e.DossierId == dossier.Id && e.Kind == kind, ct);
            var created = evaluation is null;
            if (evaluation is not null && now > evaluation.At + window)
            {
                return Failure.Conflict(Texts.Get("Feedback.ChangeWindow", code, DossierIntake.Describe(evaluation.At), Describe(window)), Texts.Get("Feedback.ClosedTitle"), "dossierCode");
            }

            if (evaluation is null && dossier.ClosedAt is { } closed && now > closed + options.Value.OpenAfterClose)
            {
                return Failure.Conflict(Texts.Get("Feedback.ClosedWindow", code, DossierIntake.Describe(closed), Describe(options.Value.OpenAfterClose)), Texts.Get("Feedback.ClosedTitle"), "dossierCode");
            }

            if (evaluation is null)
            {
                var officer = dossier.Status == DossierStatus.Returned
                    ? await dossiers.Events.Where(e => e.DossierId == dossier.Id && e.Action == DossierEvents.ResultReturned).OrderByDescending(e => e.Seq).Select(e => e.Actor).FirstOrDefaultAsync(ct)
                    : dossier.ReceivedBy;
                evaluation = new Evaluation { DossierId = dossier.Id, DossierCode = dossier.Code, OfficeId = dossier.OfficeId, Kind = kind, Officer = officer, At = now };
                db.Add(evaluation);
            }
            else
            {
                evaluation.Changes++;
                await events.RaiseAsync(new EvaluationRecounted(evaluation.ChangedAt, now), ct); // it leaves the day it was last counted on
            }

            if (kind == Evaluation.DossierKind && dossier.ResolvedAt is { } resolved)
            {
                await events.RaiseAsync(new EvaluationRecounted(resolved, now), ct); // the satisfaction of that day's results changes
            }

            Apply(evaluation, request, online, now);
            var other = await db.Set<Evaluation>().FirstOrDefaultAsync(e => e.DossierId == dossier.Id && e.Kind != kind, ct);
            var disagree = other is not null && other.Unsatisfied != evaluation.Unsatisfied;
            if (disagree && !evaluation.Disagreement)
            {
                await TellLeadersAsync(dossier.OfficeId, code, other!.Kind == Evaluation.Counter ? other : evaluation, other.Kind == Evaluation.Counter ? evaluation : other, now, ct);
            }

            evaluation.Disagreement = disagree;
            if (other is not null)
            {
                other.Disagreement = disagree;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                if (created)
                {
                    metrics.Evaluated(dossier.OfficeCode, kind, !evaluation.Unsatisfied);
                }

                return new EvaluationSaved(View(evaluation, window), created);
            }
            catch (DbUpdateException) when (created && attempt == 0)
            {
                // Two presses raced for the same dossier and kind: the other one was first; this one changes it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static Failure Forbidden(string kind) => kind == Evaluation.Counter
        ? Failure.Forbidden(Texts.Get("Feedback.CounterFromScreen"), Texts.Get("Feedback.NoProofTitle"), "token")
        : Failure.Forbidden(Texts.Get("Feedback.KeyRequired"), Texts.Get("Feedback.NoProofTitle"), "key");

    public static EvaluationView View(Evaluation e, TimeSpan window) =>
        new(e.Id, e.DossierCode, e.Kind, e.Rating, e.Criteria?.Split(','), e.Points, e.Kind == Evaluation.Counter ? 4 : Evaluation.MaxPoints(e.Criteria!.Split(',')), e.Unsatisfied, e.Complaint,
            e.At, e.At + window, e.Disagreement);

    /// <remarks>A dossier not filed online has no online service to rate: that criterion is recorded as not applying, whatever was sent.</remarks>
    private static void Apply(Evaluation e, EvaluationRequest r, bool online, DateTimeOffset now)
    {
        if (e.Kind == Evaluation.Counter)
        {
            e.Rating = r.Rating;
            e.Points = r.Rating!.Value;
            e.Unsatisfied = r.Rating <= 2;
        }
        else
        {
            var criteria = r.Criteria!.Select((a, i) => i == Evaluation.OnlineService && !online ? Evaluation.NotApplicable : a!).ToList();
            e.Criteria = string.Join(',', criteria);
            e.Points = criteria.Where(a => a != Evaluation.NotApplicable).Sum(a => Array.IndexOf(Evaluation.Answers, a));
            e.Complaint = r.Complaint is { Length: > 0 } c ? c : null;
            e.Unsatisfied = e.Complaint is not null || criteria.Contains("unsatisfied");
        }

        e.Reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim();
        e.Source = r.Source is { Length: > 0 } s ? s : "api";
        e.ChangedAt = now;
    }

    private async Task TellLeadersAsync(Guid officeId, string code, Evaluation counter, Evaluation dossier, DateTimeOffset now, CancellationToken ct)
    {
        var links = await tree.LinksAsync(ct);
        var units = new List<Guid> { officeId };
        if (links.FirstOrDefault(l => l.Id == officeId).ParentId is { } parent)
        {
            units.Add(parent);
        }

        var body = counter.Unsatisfied
            ? $"Tại quầy công dân đánh giá {counter.Rating}/4 (không hài lòng) nhưng sau khi có kết quả lại hài lòng ({dossier.Points}/{Evaluation.MaxPoints(dossier.Criteria!.Split(','))})."
            : $"Tại quầy công dân đánh giá {counter.Rating}/4 (hài lòng) nhưng sau khi có kết quả lại không hài lòng ({dossier.Points}/{Evaluation.MaxPoints(dossier.Criteria!.Split(','))}{(dossier.Complaint is { } c ? ", phản ánh: " + Texts.InVietnamese("Feedback.Complaint." + c).ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) : "")}).";
        foreach (var leader in await staff.InRoleAtAsync(units, Roles.Leader, ct))
        {
            Outbox.ToStaff(db, leader.Username, $"{code}/disagreement/{now.ToUnixTimeMilliseconds()}", $"Đánh giá kép lệch nhau: hồ sơ {code}", body, DossierLinks.Page(code), now);
        }
    }

    private static string Describe(TimeSpan span) => span.TotalDays >= 1 ? Texts.Get("Common.Days", span.TotalDays) : Texts.Get("Common.Minutes", span.TotalMinutes);
}
