using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Units;

/// <summary>
/// The unit tree's shape, kept between requests, with the scopes computed from it. Every save that adds, changes or
/// removes a unit or a membership (<see cref="IChangesUnitScope"/>) also writes a new version into <c>infra_setting</c>
/// (same transaction, <see cref="UnitVersionInterceptor"/>). The node that saved forgets its tree at once; every node
/// reads that one row at most once per <see cref="Recheck"/> and reloads the tree, and forgets the scopes, only when it
/// differs, so the other app nodes see an edit within a second (one command less on every staff request).
/// </summary>
public sealed class UnitTreeCache
{
    internal const string VersionKey = "units.version";

    private static readonly CompiledQuery<Func<AppDbContext, string, CancellationToken, Task<string?>>> Version = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string key, CancellationToken ct) => db.SystemSettings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefault()));

    /// <summary>How long a node trusts its tree before reading the version again (an edit on another node shows within it).</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private UnitTreeSnapshot? snapshot;
    private long checkedAt;

    public async Task<UnitTreeSnapshot> SnapshotAsync(AppDbContext db, CancellationToken ct)
    {
        var started = Environment.TickCount64;
        if (Volatile.Read(ref snapshot) is { } recent && started - Volatile.Read(ref checkedAt) < Recheck.TotalMilliseconds)
        {
            return recent;
        }

        // Read the version first: what is read after it is at least that new, so a snapshot is never older than its label.
        var version = await Version.For(db)(db, VersionKey, ct) ?? "";
        if (Volatile.Read(ref snapshot) is { } known && known.Version == version)
        {
            Volatile.Write(ref checkedAt, started);
            return known;
        }

        var links = await db.Units.AsNoTracking().Select(u => new UnitLink(u.Id, u.ParentId, u.SuccessorId)).ToListAsync(ct);
        var parts = await db.Set<UnitSuccession>().AsNoTracking().Select(s => new UnitPart(s.PredecessorId, s.SuccessorId, s.SharePercent)).ToListAsync(ct);
        var fresh = new UnitTreeSnapshot(version, links.AsReadOnly(), parts.AsReadOnly());
        Volatile.Write(ref snapshot, fresh);
        Volatile.Write(ref checkedAt, started);
        return fresh;
    }

    /// <summary>Forgets the tree, after this node saved a change to it: its next request reads the version again.</summary>
    public void Forget() => Volatile.Write(ref snapshot, null);
}

/// <summary>Gives the unit tree a new version in the same save as any change to a unit or a membership.</summary>
internal sealed class UnitVersionInterceptor(UnitTreeCache cache) : SaveChangesInterceptor
{
    /// <summary>The contexts saving a change to the tree now: once saved, this node forgets its tree.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> saving = [];

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && saving.Remove(context))
        {
            cache.Forget();
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Changed(eventData.Context) is { } context)
        {
            Stamp(context, context.Set<SystemSetting>().Find(UnitTreeCache.VersionKey));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Changed(eventData.Context) is { } context)
        {
            Stamp(context, await context.Set<SystemSetting>().FindAsync([UnitTreeCache.VersionKey], cancellationToken));
        }

        return result;
    }

    /// <summary>The context, when it is about to save a change to a unit or a membership.</summary>
    private static DbContext? Changed(DbContext? context) =>
        context is not null && context.ChangeTracker.Entries<IChangesUnitScope>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            ? context : null;

    private void Stamp(DbContext context, SystemSetting? row)
    {
        saving.AddOrUpdate(context, this);
        var version = Guid.NewGuid().ToString("N");
        if (row is not null)
        {
            row.Value = version;
        }
        else
        {
            context.Add(new SystemSetting { Key = UnitTreeCache.VersionKey, Value = version });
        }
    }
}
