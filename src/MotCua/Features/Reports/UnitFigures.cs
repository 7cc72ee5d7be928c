using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Feedback.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Reports;

/// <summary>
/// The counts a leader sees, each one a <see cref="Measure"/> that <see cref="UnitFigures.Filter"/> turns back into
/// the dossiers behind it. Received, online and digitised count dossiers received in the period; resolved, early,
/// on time, late and same-day count results issued in the period; in progress and overdue are now; rated,
/// unsatisfied and disagreements count evaluations given or changed in the period.
/// </summary>
public sealed record Counts(
    int Received, int Online, int Digitised, int Resolved, int Early, int OnTime, int Late, int SameDay, int InProgress, int Overdue,
    int Rated, int Unsatisfied, int CounterRated, int CounterUnsatisfied, int CounterPoints, int Disagreements, int Contactable = 0, int ResolvedUnsatisfied = 0)
{
    public static readonly Counts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double? OnTimeShare => Share(Early + OnTime, Resolved);

    public double? SameDayShare => Share(SameDay, Resolved);

    public double? OnlineShare => Share(Online, Received);

    public double? DigitisedShare => Share(Digitised, Received);

    /// <summary>Satisfied share of the evaluations after the result; null with none.</summary>
    public double? Satisfaction => Share(Rated - Unsatisfied, Rated);

    public double? CounterSatisfaction => Share(CounterRated - CounterUnsatisfied, CounterRated);

    public double? CounterAverage => CounterRated == 0 ? null : Math.Round((double)CounterPoints / CounterRated, 2);

    public static Counts operator +(Counts a, Counts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Received + b.Received, a.Online + b.Online, a.Digitised + b.Digitised, a.Resolved + b.Resolved, a.Early + b.Early, a.OnTime + b.OnTime,
            a.Late + b.Late, a.SameDay + b.SameDay, a.InProgress + b.InProgress, a.Overdue + b.Overdue, a.Rated + b.Rated, a.Unsatisfied + b.Unsatisfied,
            a.CounterRated + b.CounterRated, a.CounterUnsatisfied + b.CounterUnsatisfied, a.CounterPoints + b.CounterPoints, a.Disagreements + b.Disagreements,
            a.Contactable + b.Contactable, a.ResolvedUnsatisfied + b.ResolvedUnsatisfied);
    }

    public static Counts Add(Counts a, Counts b) => a + b;

    /// <summary>A ratio in percent with two decimals; null ("no data") when nothing was counted, never a division by zero.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 2);
}

public static class Measure
{
    public const string Received = "received";
    public const string Online = "online";
    public const string Digitised = "digitised";
    public const string Resolved = "resolved";
    public const string Early = "early";
    public const string OnTime = "onTime";
    public const string Late = "late";
    public const string SameDay = "sameDay";
    public const string InProgress = "inProgress";
    public const string Overdue = "overdue";
    public const string Rated = "rated";
    public const string Unsatisfied = "unsatisfied";
    public const string CounterRated = "counterRated";
    public const string CounterUnsatisfied = "counterUnsatisfied";
    public const string Disagreement = "disagreement";
    public const string Apologised = "apologised";
    public const string LateApology = "lateApology";

    public static readonly IReadOnlyList<string> All =
        [Received, Online, Digitised, Resolved, Early, OnTime, Late, SameDay, InProgress, Overdue, Rated, Unsatisfied, CounterRated, CounterUnsatisfied, Disagreement, Apologised, LateApology];
}

/// <summary>Optional narrowing of a figure: one procedure, one office (agency code) or one officer.</summary>
public sealed record Slice(string? Procedure = null, Guid? Office = null, string? Officer = null);

public sealed record Breakdown(string Key, string Name, string? Field, Counts Counts);

/// <summary>Apologies with a new appointment made in a period, and those made later than the rule allows.</summary>
public sealed record Apologies(int Made, int Late);

public sealed record TrendPoint(string Label, DateOnly From, DateOnly To, int Received, int Resolved, int Late);

/// <summary>A unit's figures for a period: in all, per procedure, per office, per unit directly below, per trend bucket.</summary>
public sealed class FigureSet
{
    public Counts Totals { get; private set; } = Counts.Zero;

    public Dictionary<string, Counts> ByProcedure { get; } = [];

    public Dictionary<Guid, Counts> ByOffice { get; } = [];

    public Dictionary<Guid, Counts> ByChild { get; } = [];

    public Dictionary<DateOnly, Counts> ByBucket { get; } = [];

    /// <summary>Adds counts to the totals (unless <paramref name="totals"/> is false) and to each breakdown named.</summary>
    public void Add(Counts c, string? procedure = null, Guid? office = null, Guid? child = null, DateOnly? bucket = null, bool totals = true)
    {
        if (totals)
        {
            Totals += c;
        }

        if (procedure is not null)
        {
            ByProcedure[procedure] = ByProcedure.GetValueOrDefault(procedure, Counts.Zero) + c;
        }

        if (office is { } o)
        {
            ByOffice[o] = ByOffice.GetValueOrDefault(o, Counts.Zero) + c;
        }

        if (child is { } ch)
        {
            ByChild[ch] = ByChild.GetValueOrDefault(ch, Counts.Zero) + c;
        }

        if (bucket is { } b)
        {
            ByBucket[b] = ByBucket.GetValueOrDefault(b, Counts.Zero) + c;
        }
    }
}

/// <summary>Reads a unit's figures from the dossiers and evaluations themselves, so that every number is their count.</summary>
public sealed class UnitFigures(AppDbContext db, DossierStore store, EvaluationFacts evaluationFacts, ApologyFacts apologyFacts, CatalogReader catalog, StaffDirectory staff, TimeProvider clock)
{
    private static readonly DossierStatus[] Open = [DossierStatus.Received, DossierStatus.InProgress, DossierStatus.WaitingSupplement];

    /// <summary>
    /// A unit's figures for a period, each day from the stored daily figures where they hold it and from the
    /// dossiers themselves otherwise (today, days not built yet, stale days); what is open is always counted now.
    /// </summary>
    public async Task<FigureSet> ReadAsync(ReportUnit unit, Period period, string grain, RollupState state, bool breakdowns = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(state);
        var set = new FigureSet();
        var buckets = Buckets(period, grain).ToList();
        DateOnly BucketOf(DateOnly day) => buckets.Last(b => b.From <= day).From;
        var children = unit.Tree.Where(l => l.ParentId == unit.Unit.Id).Select(l => l.Id).ToArray();
        var childOf = new Dictionary<Guid, Guid>();
        foreach (var child in children)
        {
            foreach (var member in UnitTree.Expand(unit.Tree, [child]))
            {
                childOf.TryAdd(member, child);
            }
        }

        if (state.BuiltThrough is { } built && built >= period.From)
        {
            var (from, last, stale, id, ids) = (period.From, built < period.To ? built : period.To, state.Stale.ToArray(), unit.Unit.Id, unit.OfficeIds);
            var days = db.Set<UnitDay>().AsNoTracking().Where(r => r.Grain == UnitDay.Daily && !stale.Contains(r.Day));
            foreach (var day in await days.Where(r => r.UnitId == id && r.ProcedureCode == UnitDay.AllProcedures && r.Day >= from && r.Day <= last).ToListAsync(ct))
            {
                set.Add(day.ToCounts(), bucket: BucketOf(day.Day));
            }

            if (breakdowns)
            {
                // Procedures, offices and the units below: whole months from the month sums, the days around them.
                foreach (var part in Parts(from, last, state))
                {
                    foreach (var (key, c) in await SumAsync(part.Where(r => r.UnitId == id && r.ProcedureCode != UnitDay.AllProcedures && r.ProcedureCode != UnitDay.OfficeOnly
                        && !r.ProcedureCode.StartsWith(UnitDay.OfficerPrefix)), r => r.ProcedureCode, ct))
                    {
                        set.Add(c, procedure: key, totals: false);
                    }

                    foreach (var (key, c) in await SumAsync(part.Where(r => ids.Contains(r.UnitId) && r.ProcedureCode == UnitDay.OfficeOnly), r => r.UnitId, ct))
                    {
                        set.Add(c, office: key, totals: false);
                    }

                    if (children.Length == 0)
                    {
                        continue;
                    }

                    foreach (var (key, c) in await SumAsync(part.Where(r => children.Contains(r.UnitId) && r.ProcedureCode == UnitDay.AllProcedures), r => r.UnitId, ct))
                    {
                        set.Add(c, child: key, totals: false);
                    }
                }
            }
        }

        // The rest, day runs cut at the trend's buckets, from the dossiers.
        foreach (var b in buckets)
        {
            foreach (var run in state.Uncovered(b.From, b.To))
            {
                foreach (var ((office, procedure), c) in await LiveAsync(unit.OfficeIds, run.Start, run.End, ct))
                {
                    set.Add(c, procedure, office, childOf.TryGetValue(office, out var ch) ? ch : null, b.From);
                }
            }
        }

        foreach (var ((office, procedure), c) in await OpenNowAsync(unit.OfficeIds, ct))
        {
            set.Add(c, procedure, office, childOf.TryGetValue(office, out var ch) ? ch : null);
        }

        return set;
    }

    /// <summary>
    /// The stored rows covering the days <paramref name="from"/> to <paramref name="last"/> (all stored): the month sums
    /// of the whole months between them, and the day rows of the days around those months (stale days left out).
    /// </summary>
    private IEnumerable<IQueryable<UnitDay>> Parts(DateOnly from, DateOnly last, RollupState state)
    {
        var stale = state.Stale.ToArray();
        var (firstMonth, lastMonth) = WholeMonths(from, last, state);
        var ((headFrom, headTo), (tailFrom, tailTo)) = firstMonth > lastMonth
            ? ((from, last), (last.AddDays(1), last))
            : ((from, firstMonth.AddDays(-1)), (lastMonth.AddMonths(1), last));
        yield return db.Set<UnitDay>().AsNoTracking().Where(r => r.Grain == UnitDay.Daily && !stale.Contains(r.Day)
            && ((r.Day >= headFrom && r.Day <= headTo) || (r.Day >= tailFrom && r.Day <= tailTo)));
        if (firstMonth <= lastMonth)
        {
            yield return db.Set<UnitDay>().AsNoTracking().Where(r => r.Grain == UnitDay.Monthly && r.Day >= firstMonth && r.Day <= lastMonth);
        }
    }

    /// <summary>The first and last whole months between two days whose every day is stored (first after last when none).</summary>
    private static (DateOnly First, DateOnly Last) WholeMonths(DateOnly from, DateOnly last, RollupState state)
    {
        var first = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var end = last.AddDays(1).Day == 1 ? new DateOnly(last.Year, last.Month, 1) : new DateOnly(last.Year, last.Month, 1).AddMonths(-1);
        if (state.Stale.Any(d => d >= first && d < end.AddMonths(1)))
        {
            return (first, first.AddMonths(-1)); // a stale day inside: count every day from the days
        }

        return (first, end);
    }

    public static async Task<List<(TKey Key, Counts Counts)>> SumAsync<TKey>(IQueryable<UnitDay> rows, System.Linq.Expressions.Expression<Func<UnitDay, TKey>> key, CancellationToken ct) =>
        [.. (await rows.GroupBy(key).Select(g => new
        {
            g.Key, Received = g.Sum(r => r.Received), Online = g.Sum(r => r.Online), Digitised = g.Sum(r => r.Digitised), Contactable = g.Sum(r => r.Contactable),
            Resolved = g.Sum(r => r.Resolved), Early = g.Sum(r => r.Early), OnTime = g.Sum(r => r.OnTime), Late = g.Sum(r => r.Late), SameDay = g.Sum(r => r.SameDay),
            ResolvedUnsatisfied = g.Sum(r => r.ResolvedUnsatisfied), Rated = g.Sum(r => r.Rated), Unsatisfied = g.Sum(r => r.Unsatisfied), CounterRated = g.Sum(r => r.CounterRated),
            CounterUnsatisfied = g.Sum(r => r.CounterUnsatisfied), CounterPoints = g.Sum(r => r.CounterPoints), Disagreements = g.Sum(r => r.Disagreements),
        }).ToListAsync(ct)).Select(r => (r.Key, new Counts(r.Received, r.Online, r.Digitised, r.Resolved, r.Early, r.OnTime, r.Late, r.SameDay, 0, 0, r.Rated, r.Unsatisfied,
            r.CounterRated, r.CounterUnsatisfied, r.CounterPoints, r.Disagreements, r.Contactable, r.ResolvedUnsatisfied)))];

    /// <summary>What happened between two instants, per office and procedure, counted from the dossiers and evaluations.</summary>
    public async Task<Dictionary<(Guid Office, string Procedure), Counts>> LiveAsync(Guid[] ids, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        var dossiers = store.Rows.Where(d => ids.Contains(d.OfficeId));
        var received = await dossiers.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end)
            .GroupBy(d => new { d.OfficeId, d.ProcedureCode })
            .Select(g => new
            {
                g.Key.OfficeId, g.Key.ProcedureCode, N = g.Count(), Online = g.Sum(d => d.Channel == DossierChannel.Online ? 1 : 0), Digitised = g.Sum(d => d.Digitised ? 1 : 0),
                Contactable = g.Sum(d => (d.ApplicantPhone != null && d.ApplicantPhone != "") || (d.ApplicantEmail != null && d.ApplicantEmail != "") ? 1 : 0),
            })
            .ToListAsync(ct);
        var resolved = await dossiers.Where(d => d.ResolvedAt >= start && d.ResolvedAt < end)
            .GroupBy(d => new { d.OfficeId, d.ProcedureCode })
            .Select(g => new
            {
                g.Key.OfficeId, g.Key.ProcedureCode, N = g.Count(), Early = g.Sum(d => d.Timeliness == Timeliness.Early ? 1 : 0), OnTime = g.Sum(d => d.Timeliness == Timeliness.OnTime ? 1 : 0),
                Late = g.Sum(d => d.Timeliness == Timeliness.Late ? 1 : 0), SameDay = g.Sum(d => d.ResolvedSameDay ? 1 : 0),
                Unsatisfied = g.Sum(d => evaluationFacts.Rows.Any(e => e.DossierId == d.Id && e.Kind == EvaluationFacts.DossierKind && e.Unsatisfied) ? 1 : 0),
            })
            .ToListAsync(ct);
        var rated = await evaluationFacts.Rows.Where(e => ids.Contains(e.OfficeId) && e.ChangedAt >= start && e.ChangedAt < end)
            .Join(store.Rows, e => e.DossierId, d => d.Id, (e, d) => new { e.OfficeId, d.ProcedureCode, e.Kind, e.Unsatisfied, e.Points, e.Disagreement })
            .GroupBy(e => new { e.OfficeId, e.ProcedureCode, e.Kind })
            .Select(g => new { g.Key.OfficeId, g.Key.ProcedureCode, g.Key.Kind, N = g.Count(), Unsatisfied = g.Sum(e => e.Unsatisfied ? 1 : 0), Points = g.Sum(e => e.Points), Disagreements = g.Sum(e => e.Disagreement ? 1 : 0) })
            .ToListAsync(ct);

        var result = new Dictionary<(Guid, string), Counts>();
        void Add((Guid, string) key, Counts c) => result[key] = result.TryGetValue(key, out var had) ? had + c : c;
        foreach (var r in received)
        {
            Add((r.OfficeId, r.ProcedureCode), Counts.Zero with { Received = r.N, Online = r.Online, Digitised = r.Digitised, Contactable = r.Contactable });
        }

        foreach (var r in resolved)
        {
            Add((r.OfficeId, r.ProcedureCode), Counts.Zero with { Resolved = r.N, Early = r.Early, OnTime = r.OnTime, Late = r.Late, SameDay = r.SameDay, ResolvedUnsatisfied = r.Unsatisfied });
        }

        foreach (var r in rated)
        {
            Add((r.OfficeId, r.ProcedureCode), r.Kind == EvaluationFacts.Counter
                ? Counts.Zero with { CounterRated = r.N, CounterUnsatisfied = r.Unsatisfied, CounterPoints = r.Points }
                : Counts.Zero with { Rated = r.N, Unsatisfied = r.Unsatisfied, Disagreements = r.Disagreements });
        }

        return result;
    }

    /// <summary>Dossiers open now, and of those overdue, per office and procedure.</summary>
    public async Task<Dictionary<(Guid Office, string Procedure), Counts>> OpenNowAsync(Guid[] ids, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return (await store.Rows.Where(d => ids.Contains(d.OfficeId) && Open.Contains(d.Status))
            .GroupBy(d => new { d.OfficeId, d.ProcedureCode })
            .Select(g => new { g.Key.OfficeId, g.Key.ProcedureCode, N = g.Count(), Overdue = g.Sum(d => d.PausedAt == null && d.DueAt < now ? 1 : 0) })
            .ToListAsync(ct)).ToDictionary(r => (r.OfficeId, r.ProcedureCode), r => Counts.Zero with { InProgress = r.N, Overdue = r.Overdue });
    }

    /// <summary>Open dossiers whose due instant fell in the period and has passed: the late ones not resolved yet.</summary>
    public Task<int> OverdueUnresolvedAsync(Guid[] ids, Period period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, now) = (period.Start, clock.GetUtcNow());
        var end = period.End < now ? period.End : now;
        return store.Rows.CountAsync(d => ids.Contains(d.OfficeId) && Open.Contains(d.Status) && d.DueAt >= start && d.DueAt < end, ct);
    }

    /// <summary>
    /// Dossiers in hand at the period's end (or now, if sooner): received before it, neither resolved nor closed by
    /// then, and their due instant not yet passed. The index counts them as on time so far.
    /// </summary>
    public async Task<int> InHandWithinDeadlineAsync(Guid[] ids, Period period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = clock.GetUtcNow();
        var end = period.End < now ? period.End : now;
        // Those still open now, through the (office, status, due) index: an open dossier is neither resolved nor closed.
        var open = await store.Rows.CountAsync(d => ids.Contains(d.OfficeId) && Open.Contains(d.Status) && d.DueAt >= end && d.ReceivedAt < period.End, ct);
        if (end == now)
        {
            return open; // nothing was resolved or closed after now
        }

        // A past period: and those resolved or closed since it ended.
        return open + await store.Rows.CountAsync(d => ids.Contains(d.OfficeId) && !Open.Contains(d.Status) && d.ReceivedAt < period.End && d.DueAt >= end
            && (d.ResolvedAt == null || d.ResolvedAt >= end) && (d.ClosedAt == null || d.ClosedAt >= end), ct);
    }

    /// <summary>
    /// Dossiers resolved late in the period and also rated unsatisfied: what the index's "unsatisfied or late" must
    /// not count twice (late ones are few, and read through the resolved figures' index).
    /// </summary>
    public Task<int> ResolvedLateAndUnsatisfiedAsync(Guid[] ids, Period period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        return store.Rows.CountAsync(d => ids.Contains(d.OfficeId) && d.ResolvedAt >= start && d.ResolvedAt < end && d.Timeliness == Timeliness.Late
            && evaluationFacts.Rows.Any(e => e.DossierId == d.Id && e.Kind == EvaluationFacts.DossierKind && e.Unsatisfied), ct);
    }

    /// <summary>
    /// Apologies with a new appointment made in the period for the units' dossiers, and of those the ones made later
    /// than the one-stop rule allows (counted from the records each time: there are few).
    /// </summary>
    public async Task<Apologies> ApologiesAsync(Guid[] ids, Period period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var made = apologyFacts.Rows.Where(a => a.At >= start && a.At < end && store.Rows.Any(d => d.Id == a.DossierId && ids.Contains(d.OfficeId)));
        return new Apologies(await made.CountAsync(ct), await made.CountAsync(a => !a.InTime, ct));
    }

    /// <summary>Per officer: dossiers they received in the period, and the counter presses about them.</summary>
    public async Task<List<Breakdown>> ByOfficerAsync(ReportUnit unit, Period period, RollupState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(state);
        var ids = unit.OfficeIds;
        var result = new Dictionary<string, Counts>();
        void Add(string officer, Counts c) => result[officer] = result.GetValueOrDefault(officer, Counts.Zero) + c;
        if (state.BuiltThrough is { } built && built >= period.From)
        {
            foreach (var part in Parts(period.From, built < period.To ? built : period.To, state))
            {
                foreach (var (key, c) in await SumAsync(part.Where(r => ids.Contains(r.UnitId) && r.ProcedureCode.StartsWith(UnitDay.OfficerPrefix)), r => r.ProcedureCode, ct))
                {
                    Add(key[UnitDay.OfficerPrefix.Length..], c);
                }
            }
        }

        foreach (var run in state.Uncovered(period.From, period.To))
        {
            foreach (var ((_, officer), c) in await LiveOfficersAsync(ids, run.Start, run.End, ct))
            {
                Add(officer, c);
            }
        }

        var names = await staff.FullNamesAsync(result.Keys, ct);
        return [.. result.Select(o => new Breakdown(o.Key, names.GetValueOrDefault(o.Key, o.Key), null, o.Value)).OrderByDescending(b => b.Counts.Received).ThenBy(b => b.Key, StringComparer.Ordinal)];
    }

    /// <summary>Per office and officer between two instants: dossiers they received, and the counter presses about them.</summary>
    public async Task<Dictionary<(Guid Office, string Officer), Counts>> LiveOfficersAsync(Guid[] ids, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        var received = await store.Rows.Where(d => ids.Contains(d.OfficeId) && d.ReceivedAt >= start && d.ReceivedAt < end && d.ReceivedBy != null)
            .GroupBy(d => new { d.OfficeId, d.ReceivedBy }).Select(g => new { g.Key.OfficeId, Officer = g.Key.ReceivedBy!, N = g.Count() }).ToListAsync(ct);
        var rated = await evaluationFacts.Rows
            .Where(e => ids.Contains(e.OfficeId) && e.ChangedAt >= start && e.ChangedAt < end && e.Kind == EvaluationFacts.Counter && e.Officer != null)
            .GroupBy(e => new { e.OfficeId, e.Officer }).Select(g => new { g.Key.OfficeId, Officer = g.Key.Officer!, N = g.Count(), Unsatisfied = g.Sum(e => e.Unsatisfied ? 1 : 0), Points = g.Sum(e => e.Points) })
            .ToListAsync(ct);
        var result = new Dictionary<(Guid, string), Counts>();
        foreach (var r in received)
        {
            result[(r.OfficeId, r.Officer)] = Counts.Zero with { Received = r.N };
        }

        foreach (var r in rated)
        {
            result[(r.OfficeId, r.Officer)] = result.GetValueOrDefault((r.OfficeId, r.Officer), Counts.Zero) with { CounterRated = r.N, CounterUnsatisfied = r.Unsatisfied, CounterPoints = r.Points };
        }

        return result;
    }

    /// <summary>Weeks (Monday to Sunday) or calendar months covering the period, clipped to it.</summary>
    public static IEnumerable<(string Label, DateOnly From, DateOnly To)> Buckets(Period period, string grain)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = period.From;
        while (from <= period.To)
        {
            var end = grain == "week"
                ? from.AddDays((7 - ((int)from.DayOfWeek + 6) % 7) - 1)
                : new DateOnly(from.Year, from.Month, 1).AddMonths(1).AddDays(-1);
            var to = end < period.To ? end : period.To;
            yield return (grain == "week" ? (from == to ? $"{from:dd/MM}" : $"{from:dd/MM}–{to:dd/MM}") : $"{from:MM/yyyy}", from, to);
            from = to.AddDays(1);
        }
    }

    /// <summary>
    /// The dossiers behind one measure: what the list a figure clicks through to shows. For the evaluation measures,
    /// the dossiers whose evaluation of that kind was given or changed in the period.
    /// </summary>
    public IQueryable<DossierRow> Filter(ReportUnit unit, Period period, string measure, Slice slice)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(slice);
        var ids = slice.Office is { } office ? (unit.OfficeIds.Contains(office) ? [office] : []) : unit.OfficeIds;
        var (start, end, now) = (period.Start, period.End, clock.GetUtcNow());
        var q = store.Rows.Where(d => ids.Contains(d.OfficeId));
        if (slice.Procedure is { } procedure)
        {
            q = q.Where(d => d.ProcedureCode == procedure);
        }

        var evaluations = evaluationFacts.Rows.Where(e => e.ChangedAt >= start && e.ChangedAt < end);
        var apologies = apologyFacts.Rows.Where(a => a.At >= start && a.At < end);
        if (slice.Officer is { } officer)
        {
            q = measure is Measure.CounterRated or Measure.CounterUnsatisfied ? q : q.Where(d => d.ReceivedBy == officer);
            evaluations = evaluations.Where(e => e.Officer == officer);
        }

        var receivedIn = q.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end);
        var resolvedIn = q.Where(d => d.ResolvedAt >= start && d.ResolvedAt < end);
        return measure switch
        {
            Measure.Received => receivedIn,
            Measure.Online => receivedIn.Where(d => d.Channel == DossierChannel.Online),
            Measure.Digitised => receivedIn.Where(d => d.Digitised),
            Measure.Resolved => resolvedIn,
            Measure.Early => resolvedIn.Where(d => d.Timeliness == Timeliness.Early),
            Measure.OnTime => resolvedIn.Where(d => d.Timeliness == Timeliness.OnTime),
            Measure.Late => resolvedIn.Where(d => d.Timeliness == Timeliness.Late),
            Measure.SameDay => resolvedIn.Where(d => d.ResolvedSameDay),
            Measure.InProgress => q.Where(d => Open.Contains(d.Status)),
            Measure.Overdue => q.Where(d => Open.Contains(d.Status) && d.PausedAt == null && d.DueAt < now),
            Measure.Rated => q.Where(d => evaluations.Any(e => e.DossierId == d.Id && e.Kind == EvaluationFacts.DossierKind)),
            Measure.Unsatisfied => q.Where(d => evaluations.Any(e => e.DossierId == d.Id && e.Kind == EvaluationFacts.DossierKind && e.Unsatisfied)),
            Measure.CounterRated => q.Where(d => evaluations.Any(e => e.DossierId == d.Id && e.Kind == EvaluationFacts.Counter)),
            Measure.CounterUnsatisfied => q.Where(d => evaluations.Any(e => e.DossierId == d.Id && e.Kind == EvaluationFacts.Counter && e.Unsatisfied)),
            Measure.Disagreement => q.Where(d => evaluations.Any(e => e.DossierId == d.Id && e.Kind == EvaluationFacts.DossierKind && e.Disagreement)),
            Measure.Apologised => q.Where(d => apologies.Any(a => a.DossierId == d.Id)),
            Measure.LateApology => q.Where(d => apologies.Any(a => a.DossierId == d.Id && !a.InTime)),
            _ => q.Where(d => false),
        };
    }

    /// <summary>Procedure names and fields by code (the version most recently in force).</summary>
    public Task<Dictionary<string, (string Name, string Field)>> ProceduresAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default) =>
        catalog.NamesAsync(codes, ct);
}
