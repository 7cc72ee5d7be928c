using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Units;

/// <summary>
/// The unit tree's shape, kept between requests, with the scopes computed from it. Every save that adds, changes or
/// removes a unit or a membership (<see cref="IChangesUnitScope"/>) also writes a new version into <c>infra_setting</c>
/// (same transaction, <see cref="UnitVersionInterceptor"/>); a request reads that one row and reloads the tree, and
/// forgets the scopes, only when it differs, so every app node sees an edit at its next request.
/// </summary>
public sealed class UnitTreeCache
{
    internal const string VersionKey = "units.version";

    private static readonly CompiledQuery<Func<AppDbContext, string, CancellationToken, Task<string?>>> Version = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string key, CancellationToken ct) => db.SystemSettings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefault()));

    private UnitTreeSnapshot? snapshot;

    public async Task<UnitTreeSnapshot> SnapshotAsync(AppDbContext db, CancellationToken ct)
    {
        // Read the version first: what is read after it is at least that new, so a snapshot is never older than its label.
        var version = await Version.For(db)(db, VersionKey, ct) ?? "";
        if (Volatile.Read(ref snapshot) is { } known && known.Version == version)
        {
            return known;
        }

        var links = await db.Units.AsNoTracking().Select(u => new UnitLink(u.Id, u.ParentId, u.SuccessorId)).ToListAsync(ct);
        var parts = await db.Set<UnitSuccession>().AsNoTracking().Select(s => new UnitPart(s.PredecessorId, s.SuccessorId, s.SharePercent)).ToListAsync(ct);
        var fresh = new UnitTreeSnapshot(version, links.AsReadOnly(), parts.AsReadOnly());
        Volatile.Write(ref snapshot, fresh);
        return fresh;
    }
}

/// <summary>Gives the unit tree a new version in the same save as any change to a unit or a membership.</summary>
internal sealed class UnitVersionInterceptor : SaveChangesInterceptor
{
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

    private static void Stamp(DbContext context, SystemSetting? row)
    {
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
