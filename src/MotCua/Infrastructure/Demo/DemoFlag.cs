using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Infrastructure.Database;

namespace MotCua.Infrastructure.Demo;

/// <summary>Whether this database holds demo data, so that every page can say so.</summary>
public sealed class DemoFlag(AppDbContext db, IMemoryCache cache)
{
    public async Task<bool> IsDemoAsync(CancellationToken ct = default) =>
        await cache.GetOrCreateAsync(DemoOptions.SettingKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return await db.SystemSettings.AsNoTracking().AnyAsync(s => s.Key == DemoOptions.SettingKey && s.Value == "true", ct);
        });
}
