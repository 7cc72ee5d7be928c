using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Units.Contracts;

/// <summary>What heads an official form: the committee it answers to, the issuing unit, and the place of its date line.</summary>
public sealed record FormHeader(string Issuer, string Agency, string Place);

public readonly record struct UnitLink(Guid Id, Guid? ParentId, Guid? SuccessorId);

/// <summary>A successor that took part of a closed unit (besides or as its principal successor), and the share of it in per cent.</summary>
public readonly record struct UnitPart(Guid PredecessorId, Guid SuccessorId, int SharePercent = 100);

/// <summary>A unit as other capabilities see it, named as it was on a given date.</summary>
public sealed record UnitInfo(Guid Id, string Code, string Name, string Kind, Guid? ParentId, DateOnly ValidFrom, DateOnly? ValidTo, Guid? SuccessorId, bool ReceivesDossiers, string? Function = null, bool LeadersAtCounter = false)
    : IValidity;

/// <summary>The shape of the unit tree: parents and successors, for scoping and roll-ups.</summary>
public sealed class UnitTree(AppDbContext db, UnitTreeCache cache)
{
    private UnitTreeSnapshot? snapshot;

    /// <summary>Every unit's parent and successor (kept between requests until a unit changes).</summary>
    public async Task<IReadOnlyList<UnitLink>> LinksAsync(CancellationToken ct = default) => (await SnapshotAsync(ct)).Links;

    /// <summary>
    /// The units visible from the roots that <paramref name="roots"/> reads (see <see cref="Expand"/>), computed once
    /// under <paramref name="key"/> until a unit or a membership changes: staff requests check their scope at every call.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> ScopeAsync(object key, Func<IReadOnlyList<UnitLink>, CancellationToken, Task<IEnumerable<Guid>>> roots, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var tree = await SnapshotAsync(ct);
        return tree.Scopes.TryGetValue(key, out var known) ? known : tree.Remember(key, tree.Expand(await roots(tree.Links, ct)));
    }

    /// <summary>Every recorded share of a divided unit taken by a successor (a principal successor without one took all of it).</summary>
    public async Task<IReadOnlyList<UnitPart>> PartsAsync(CancellationToken ct = default) => (await SnapshotAsync(ct)).Parts;

    private async Task<UnitTreeSnapshot> SnapshotAsync(CancellationToken ct) => snapshot ??= await cache.SnapshotAsync(db, ct);

    public Task<UnitInfo?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Units.AsNoTracking().Where(u => u.Id == id).Select(Info).FirstOrDefaultAsync(ct);

    public Task<UnitInfo?> FindByCodeAsync(string code, CancellationToken ct = default) =>
        db.Units.AsNoTracking().Where(u => u.Code == code).Select(Info).FirstOrDefaultAsync(ct);

    public Task<List<UnitInfo>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(Info).ToListAsync(ct);

    /// <summary>
    /// The heading of an official form issued by a unit: the people's committee it answers to, its own name, and the
    /// place of the place-and-date line, which is its province's (or centrally run city's) name.
    /// </summary>
    public async Task<FormHeader> FormHeaderAsync(Guid unitId, CancellationToken ct = default)
    {
        var unit = await FindAsync(unitId, ct);
        var parent = unit?.ParentId is { } p ? await FindAsync(p, ct) : null;
        var province = unit;
        for (var seen = new HashSet<Guid>(); province is not null && province.Kind != "Province" && province.ParentId is { } up && seen.Add(up);)
        {
            province = await FindAsync(up, ct);
        }

        return new FormHeader(parent is null ? "" : "UBND " + parent.Name, unit?.Name ?? "", province?.Kind == "Province" ? PlaceName(province.Name) : "");
    }

    /// <summary>A province's name as a place-and-date line writes it: "Thành phố Hà Nội" → "Hà Nội", "Tỉnh Bắc Ninh" → "Bắc Ninh".</summary>
    public static string PlaceName(string provinceName)
    {
        ArgumentNullException.ThrowIfNull(provinceName);
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh " })
        {
            if (provinceName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return provinceName[prefix.Length..];
            }
        }

        return provinceName;
    }

    /// <summary>Every unit, past and present (a city has about a thousand).</summary>
    public Task<List<UnitInfo>> AllAsync(CancellationToken ct = default) => db.Units.AsNoTracking().Select(Info).ToListAsync(ct);

    /// <summary>Offices (units that receive dossiers) open on a date, by code.</summary>
    public Task<List<UnitInfo>> CurrentOfficesAsync(DateOnly on, CancellationToken ct = default) =>
        db.Units.AsNoTracking()
            .Where(u => u.ReceivesDossiers).ValidOn(on)
            .OrderBy(u => u.Code)
            .Select(Info)
            .ToListAsync(ct);

    /// <summary>The roots, everything below them, and everything merged into them, transitively.</summary>
    public static IReadOnlySet<Guid> Expand(IReadOnlyCollection<UnitLink> tree, IEnumerable<Guid> roots)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Walk(Children(tree), Predecessors(tree), roots);
    }

    /// <summary>
    /// The units and every unit merged into them, transitively (not the units below them): where a unit's open work
    /// and its records went after one merger or several. The one rule for "works at, or at a successor of".
    /// </summary>
    public static IReadOnlySet<Guid> AndPredecessors(IReadOnlyCollection<UnitLink> tree, IEnumerable<Guid> units)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Walk(Array.Empty<Guid>().ToLookup(id => id), Predecessors(tree), units);
    }

    /// <summary>
    /// The unit that now stands for <paramref name="unit"/>: its successor's successor, and so on to the last one
    /// known (the other direction of <see cref="AndPredecessors"/>; safe against a cycle in bad data).
    /// </summary>
    public static UnitInfo Latest(IReadOnlyDictionary<Guid, UnitInfo> units, UnitInfo unit)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(unit);
        var seen = new HashSet<Guid> { unit.Id };
        while (unit.SuccessorId is { } next && units.TryGetValue(next, out var successor) && seen.Add(next))
        {
            unit = successor;
        }

        return unit;
    }

    internal static ILookup<Guid, Guid> Children(IEnumerable<UnitLink> tree) => tree.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);

    internal static ILookup<Guid, Guid> Predecessors(IEnumerable<UnitLink> tree) => tree.Where(u => u.SuccessorId is not null).ToLookup(u => u.SuccessorId!.Value, u => u.Id);

    internal static IReadOnlySet<Guid> Walk(ILookup<Guid, Guid> children, ILookup<Guid, Guid> predecessors, IEnumerable<Guid> roots)
    {
        var visible = new HashSet<Guid>();
        var pending = new Stack<Guid>(roots);
        while (pending.TryPop(out var id))
        {
            if (!visible.Add(id))
            {
                continue;
            }

            foreach (var child in children[id])
            {
                pending.Push(child);
            }

            foreach (var predecessor in predecessors[id])
            {
                pending.Push(predecessor);
            }
        }

        return visible;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Unit, UnitInfo>> Info =
        u => new UnitInfo(u.Id, u.Code, u.Name, u.Kind.ToString(), u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorId, u.ReceivesDossiers, u.Function, u.LeadersAtCounter);
}

/// <summary>
/// One version of the unit tree, with the scopes computed from it (forgotten with it). What staff may read follows
/// every successor of a divided unit (<paramref name="parts"/>); work and reports follow the principal one only.
/// </summary>
public sealed class UnitTreeSnapshot(string version, IReadOnlyList<UnitLink> links, IReadOnlyList<UnitPart> parts)
{
    // Enough for every staff account of a city on a day; past it, the scopes are computed afresh.
    private const int MaxScopes = 20_000;

    private readonly Lazy<(ILookup<Guid, Guid> Children, ILookup<Guid, Guid> Predecessors)> shape =
        new(() => (UnitTree.Children(links), links.Where(u => u.SuccessorId is not null).Select(u => (u.Id, Successor: u.SuccessorId!.Value))
            .Concat(parts.Select(p => (Id: p.PredecessorId, Successor: p.SuccessorId))).Distinct().ToLookup(p => p.Successor, p => p.Id)));

    private readonly ConcurrentDictionary<object, IReadOnlySet<Guid>> scopes = new();

    public string Version { get; } = version;

    public IReadOnlyList<UnitLink> Links { get; } = links;

    public IReadOnlyList<UnitPart> Parts { get; } = parts;

    internal IReadOnlyDictionary<object, IReadOnlySet<Guid>> Scopes => scopes;

    internal IReadOnlySet<Guid> Expand(IEnumerable<Guid> roots) => UnitTree.Walk(shape.Value.Children, shape.Value.Predecessors, roots);

    internal IReadOnlySet<Guid> Remember(object key, IReadOnlySet<Guid> scope)
    {
        if (scopes.Count >= MaxScopes)
        {
            scopes.Clear();
        }

        // Shared by every request of the key: frozen, so that none can change it.
        return scopes.GetOrAdd(key, scope.ToFrozenSet());
    }
}

/// <summary>
/// An entity whose changes change what someone may see (units, memberships): saving one gives the unit tree a new
/// version, and every app node forgets the scopes it computed.
/// </summary>
public interface IChangesUnitScope;
