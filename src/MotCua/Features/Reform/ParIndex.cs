using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Reports.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Files;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reform;

/// <summary>The reform index's criteria for the years from <see cref="FromYear"/> (until a later set), as the city issues them.</summary>
public sealed record CriteriaSet(int FromYear, string Basis, IReadOnlyList<CriteriaGroup> Groups);

public sealed record CriteriaGroup(string Code, string Name, IReadOnlyList<Criterion> Criteria);

/// <summary>A criterion and its maximum points; with a <see cref="Measure"/>, its points are that share of the maximum, measured from MotCua's dossiers.</summary>
public sealed record Criterion(string Code, string Name, decimal Max, string? Measure = null);

internal sealed record CriteriaFile(string Note, IReadOnlyList<CriteriaSet> Sets);

/// <summary>A unit's points on one criterion of a year: its self-assessment with evidence, the points measured, the city's appraisal.</summary>
public sealed class IndexScore
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public int Year { get; init; }

    public Guid UnitId { get; init; }

    public required string Criterion { get; init; }

    public decimal? Self { get; set; }

    public decimal? Measured { get; set; }

    /// <summary>Where the measured points come from: the page listing the dossiers behind them.</summary>
    public string? Source { get; set; }

    public string? Evidence { get; set; }

    /// <summary>The evidence as a PDF in the file store (its SHA-256), when one was attached.</summary>
    public string? EvidenceFile { get; set; }

    public decimal? Appraised { get; set; }

    public string? AppraisedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class IndexScoreConfiguration : IEntityTypeConfiguration<IndexScore>
{
    public void Configure(EntityTypeBuilder<IndexScore> builder)
    {
        builder.ToTable("reform_index_score");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.Year, x.UnitId, x.Criterion }).IsUnique();
        builder.Property(x => x.Criterion).HasMaxLength(20);
        builder.Property(x => x.Self).HasPrecision(7, 2);
        builder.Property(x => x.Measured).HasPrecision(7, 2);
        builder.Property(x => x.Appraised).HasPrecision(7, 2);
        builder.Property(x => x.Evidence).HasMaxLength(1000);
        builder.Property(x => x.Source).HasMaxLength(500);
        builder.Property(x => x.EvidenceFile).HasMaxLength(64);
        builder.Property(x => x.AppraisedBy).HasMaxLength(100);
    }
}

public sealed record ScoreChange(decimal? Self, decimal? Appraised, string? Evidence);

public sealed record CriterionView(string Code, string Name, decimal Max, bool Measured, decimal? MeasuredPoints, decimal? Self, decimal? Appraised, string? Evidence, string? Source, string? EvidenceFile);

public sealed record GroupView(string Code, string Name, decimal Max, decimal Self, decimal? Appraised, IReadOnlyList<CriterionView> Criteria);

public sealed record IndexView(int Year, string UnitCode, string UnitName, string Basis, decimal Max, decimal Self, decimal? Appraised, decimal Score, IReadOnlyList<GroupView> Groups);

public sealed record RankedUnit(string UnitCode, string UnitName, decimal Score, int Rank, bool Appraised, decimal? PreviousScore, int? PreviousRank);

/// <summary>
/// The reform index (PAR index) a city scores its districts and wards by: the criteria of the year (data, with their
/// maxima), each unit's self-assessment with evidence, the points MotCua measures (a measured criterion's share of
/// its maximum, from the dashboard's figures for the whole year, stored when filled in), the city's appraisal, and the
/// ranking of the units of a level. A unit's score is its appraised points where the city appraised, its own
/// (or measured) points elsewhere.
/// </summary>
public sealed class ParIndex(AppDbContext db, UnitTree tree, UnitScope scope, UnitMeasures measures, FileStore store, FileWork work, TimeProvider clock)
{
    private static readonly Lazy<CriteriaFile> File = new(() => EmbeddedData.Read<CriteriaFile>("Reform", "par-index.json"));

    /// <summary>The criteria the year is scored by (the latest set from that year or before; the first one before any).</summary>
    public static CriteriaSet CriteriaOf(int year) => File.Value.Sets.LastOrDefault(s => s.FromYear <= year) ?? File.Value.Sets[0];

    public static IEnumerable<string> Kinds(string level) => level == "district" ? ["District"] : ["Ward", "Commune", "SpecialZone"];

    public async Task<IndexView> ReadAsync(UnitInfo unit, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var scores = await db.Set<IndexScore>().AsNoTracking().Where(s => s.Year == year && s.UnitId == unit.Id).ToDictionaryAsync(s => s.Criterion, ct);
        var set = CriteriaOf(year);
        var groups = set.Groups.Select(g =>
        {
            var criteria = g.Criteria.Select(c =>
            {
                var s = scores.GetValueOrDefault(c.Code);
                return new CriterionView(c.Code, c.Name, c.Max, c.Measure is not null, s?.Measured, s?.Self ?? s?.Measured, s?.Appraised, s?.Evidence, s?.Source,
                    s?.EvidenceFile is null ? null : string.Create(CultureInfo.InvariantCulture, $"/api/reform/index/{year}/{Uri.EscapeDataString(unit.Code)}/{c.Code}/evidence.pdf"));
            }).ToList();
            return new GroupView(g.Code, g.Name, g.Criteria.Sum(c => c.Max), criteria.Sum(c => c.Self ?? 0), criteria.Any(c => c.Appraised is not null) ? criteria.Sum(c => c.Appraised ?? 0) : null, criteria);
        }).ToList();
        var all = groups.SelectMany(g => g.Criteria).ToList();
        return new IndexView(year, unit.Code, unit.Name, set.Basis, groups.Sum(g => g.Max), all.Sum(c => c.Self ?? 0),
            all.Any(c => c.Appraised is not null) ? all.Sum(c => c.Appraised ?? 0) : null, all.Sum(c => c.Appraised ?? c.Self ?? 0), groups);
    }

    /// <summary>
    /// Records points on a criterion: the unit's own leaders give <c>self</c> and evidence; the leaders of the unit
    /// above (the city) or administrators give <c>appraised</c>. Points above the criterion's maximum are refused.
    /// </summary>
    public async Task<Result<IndexView>> ScoreAsync(ClaimsPrincipal user, UnitInfo unit, int year, string criterion, ScoreChange body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(body);
        var found = CriteriaOf(year).Groups.SelectMany(g => g.Criteria).FirstOrDefault(c => c.Code == criterion);
        if (found is null)
        {
            return Failure.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var (field, points) in new[] { ("self", body.Self), ("appraised", body.Appraised) })
        {
            if (points is < 0 || points > found.Max)
            {
                errors[field] = [Texts.Get("Reform.PointsRange", found.Max)];
            }
        }

        if (body.Evidence is { Length: > 1000 })
        {
            errors["evidence"] = [Texts.Get("Reform.EvidenceTooLong")];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var admin = user.IsInRole(Roles.Administrator);
        var visible = await scope.VisibleUnitIdsAsync(user, ct);
        if ((body.Self is not null || body.Evidence is not null) && !admin && !user.IsInRole(Roles.Leader))
        {
            return Failure.Forbidden(Texts.Get("Reform.LeadersScore"));
        }

        if (body.Appraised is not null && !admin && (unit.ParentId is not { } parent || !visible.Contains(parent) || !user.IsInRole(Roles.Leader)))
        {
            return Failure.Forbidden(Texts.Get("Reform.CityAppraises"), field: "appraised");
        }

        var score = await db.Set<IndexScore>().FirstOrDefaultAsync(s => s.Year == year && s.UnitId == unit.Id && s.Criterion == criterion, ct);
        if (score is null)
        {
            score = new IndexScore { Year = year, UnitId = unit.Id, Criterion = criterion };
            db.Add(score);
        }

        if (body.Self is not null)
        {
            score.Self = body.Self;
        }

        if (body.Evidence is not null)
        {
            score.Evidence = body.Evidence.Trim();
        }

        if (body.Appraised is not null)
        {
            (score.Appraised, score.AppraisedBy) = (body.Appraised, user.Identity?.Name);
        }

        score.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await ReadAsync(unit, year, ct);
    }

    /// <summary>
    /// Attaches the evidence of a criterion as files (scans or PDFs: decoded under bounds into one PDF, as at the
    /// counter; a refused file stores nothing), by the unit's leaders.
    /// </summary>
    public async Task<Result<IndexView>> AttachEvidenceAsync(ClaimsPrincipal user, UnitInfo unit, int year, string criterion, IReadOnlyList<IFormFile> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(files);
        if (!CriteriaOf(year).Groups.SelectMany(g => g.Criteria).Any(c => c.Code == criterion))
        {
            return Failure.NotFound();
        }

        if (!user.IsInRole(Roles.Administrator) && !user.IsInRole(Roles.Leader))
        {
            return Failure.Forbidden(Texts.Get("Reform.LeadersScore"));
        }

        var scanned = await ScanConverter.ToPdfAsync(files, work, ct);
        if (scanned.Failure is { } refused)
        {
            return refused;
        }

        var sha = await store.SaveAsync(scanned.Value!.Pdf, ct);
        var score = await db.Set<IndexScore>().FirstOrDefaultAsync(s => s.Year == year && s.UnitId == unit.Id && s.Criterion == criterion, ct);
        if (score is null)
        {
            score = new IndexScore { Year = year, UnitId = unit.Id, Criterion = criterion };
            db.Add(score);
        }

        (score.EvidenceFile, score.UpdatedAt) = (sha, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ReadAsync(unit, year, ct);
    }

    /// <summary>The evidence file of a criterion, if one was attached.</summary>
    public async Task<Stream?> EvidenceFileAsync(UnitInfo unit, int year, string criterion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var sha = await db.Set<IndexScore>().AsNoTracking().Where(s => s.Year == year && s.UnitId == unit.Id && s.Criterion == criterion).Select(s => s.EvidenceFile).FirstOrDefaultAsync(ct);
        return sha is null ? null : store.Open(sha);
    }

    /// <summary>Fills in the measured criteria's points from the dashboard's figures for the year (so far), and stores them.</summary>
    public async Task<IndexView> MeasureAsync(UnitInfo unit, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var today = VietnamTime.Today(clock);
        var last = year == today.Year ? today : new DateOnly(year, 12, 31);
        var scores = await db.Set<IndexScore>().Where(s => s.Year == year && s.UnitId == unit.Id).ToDictionaryAsync(s => s.Criterion, ct);
        var measured = CriteriaOf(year).Groups.SelectMany(g => g.Criteria).Where(c => c.Measure is not null).ToList();
        var figures = await measures.ReadAsync(unit, [.. measured.Select(c => c.Measure!).Distinct()], new DateOnly(year, 1, 1), last, ct);
        foreach (var criterion in measured)
        {
            var figure = figures[criterion.Measure!];
            if (!scores.TryGetValue(criterion.Code, out var score))
            {
                score = new IndexScore { Year = year, UnitId = unit.Id, Criterion = criterion.Code };
                db.Add(score);
            }

            score.Measured = figure.Value is { } share ? Math.Round(criterion.Max * (decimal)share / 100m, 2) : null;
            score.Source = figure.Source;
            score.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return await ReadAsync(unit, year, ct);
    }

    /// <summary>
    /// The units of a level open in the year, ranked by score (ties share a rank), with last year's score and rank.
    /// The ranking is the city's published result: every leader sees where their unit stands among all of them.
    /// </summary>
    public async Task<List<RankedUnit>> RankingAsync(int year, string level, CancellationToken ct = default)
    {
        var kinds = Kinds(level).ToHashSet();
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var units = (await tree.AllAsync(ct)).Where(u => kinds.Contains(u.Kind) && u.ValidFrom <= last && (u.ValidTo is null || u.ValidTo >= first)).ToList();
        var current = await ScoresAsync([.. units.Select(u => u.Id)], year, ct);
        var previous = Ranked(await ScoresAsync([.. units.Select(u => u.Id)], year - 1, ct));
        return [.. Ranked(current).Select(r =>
        {
            var unit = units.First(u => u.Id == r.UnitId);
            var before = previous.FirstOrDefault(p => p.UnitId == r.UnitId);
            return new RankedUnit(unit.Code, unit.Name, r.Score, r.Rank, r.Appraised, before.UnitId == Guid.Empty ? null : before.Score, before.UnitId == Guid.Empty ? null : before.Rank);
        })];
    }

    private async Task<Dictionary<Guid, (decimal Score, bool Appraised)>> ScoresAsync(List<Guid> unitIds, int year, CancellationToken ct)
    {
        var codes = CriteriaOf(year).Groups.SelectMany(g => g.Criteria).Select(c => c.Code).ToList();
        var rows = await db.Set<IndexScore>().AsNoTracking().Where(s => s.Year == year && unitIds.Contains(s.UnitId) && codes.Contains(s.Criterion))
            .Select(s => new { s.UnitId, s.Self, s.Measured, s.Appraised }).ToListAsync(ct);
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => (g.Sum(r => r.Appraised ?? r.Self ?? r.Measured ?? 0), g.Any(r => r.Appraised is not null)));
    }

    private static List<(Guid UnitId, decimal Score, int Rank, bool Appraised)> Ranked(Dictionary<Guid, (decimal Score, bool Appraised)> scores)
    {
        var ordered = scores.OrderByDescending(s => s.Value.Score).ToList();
        return [.. ordered.Select(s => (s.Key, s.Value.Score, ordered.Count(o => o.Value.Score > s.Value.Score) + 1, s.Value.Appraised))];
    }
}
