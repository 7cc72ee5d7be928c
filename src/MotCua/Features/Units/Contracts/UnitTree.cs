using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Units.Contracts;

public readonly record struct UnitLink(Guid Id, Guid? ParentId, Guid? SuccessorId);

/// <summary>A unit as other capabilities see it, named as it was on a given date.</summary>
public sealed record UnitInfo(Guid Id, string Code, string Name, string Kind, Guid? ParentId, DateOnly ValidFrom, DateOnly? ValidTo, Guid? SuccessorId, bool ReceivesDossiers, string? Function = null);

/// <summary>The shape of the unit tree: parents and successors, for scoping and roll-ups.</summary>
public sealed class UnitTree(AppDbContext db, UnitTreeCache cache)
{
    private IReadOnlyList<UnitLink>? links;

    /// <summary>Every unit's parent and successor (kept between requests until a unit changes).</summary>
    public async Task<IReadOnlyList<UnitLink>> LinksAsync(CancellationToken ct = default) => links ??= await cache.LinksAsync(db, ct);

    public Task<UnitInfo?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Units.AsNoTracking().Where(u => u.Id == id).Select(Info).FirstOrDefaultAsync(ct);

    public Task<UnitInfo?> FindByCodeAsync(string code, CancellationToken ct = default) =>
        db.Units.AsNoTracking().Where(u => u.Code == code).Select(Info).FirstOrDefaultAsync(ct);

    public Task<List<UnitInfo>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(Info).ToListAsync(ct);

    /// <summary>Every unit, past and present (a city has about a thousand).</summary>
    public Task<List<UnitInfo>> AllAsync(CancellationToken ct = default) => db.Units.AsNoTracking().Select(Info).ToListAsync(ct);

    /// <summary>Offices (units that receive dossiers) open on a date, by code.</summary>
    public Task<List<UnitInfo>> CurrentOfficesAsync(DateOnly on, CancellationToken ct = default) =>
        db.Units.AsNoTracking()
            .Where(u => u.ReceivesDossiers && u.ValidFrom <= on && (u.ValidTo == null || u.ValidTo >= on))
            .OrderBy(u => u.Code)
            .Select(Info)
            .ToListAsync(ct);

    /// <summary>The roots, everything below them, and everything merged into them, transitively.</summary>
    public static IReadOnlySet<Guid> Expand(IReadOnlyCollection<UnitLink> tree, IEnumerable<Guid> roots)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var children = tree.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var predecessors = tree.Where(u => u.SuccessorId is not null).ToLookup(u => u.SuccessorId!.Value, u => u.Id);
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
        u => new UnitInfo(u.Id, u.Code, u.Name, u.Kind.ToString(), u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorId, u.ReceivesDossiers, u.Function);
}
