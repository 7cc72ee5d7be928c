using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Calendar.Contracts;

/// <summary>An office's hours, or the defaults when the office has set none.</summary>
/// <remarks>Read on every intake, changed a few times a year: kept for a minute (other nodes see a change within it).</remarks>
public sealed class OfficeHoursReader(AppDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    public async Task<OfficeHours> ForOfficeAsync(Guid officeId, CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(("office-hours", officeId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await db.Set<OfficeHoursSetting>().AsNoTracking().Where(h => h.OfficeId == officeId)
                .Select(h => new OfficeHours(h.SameDayCutoff, h.EndOfDay, h.ReceivesSaturdayMorning))
                .FirstOrDefaultAsync(ct) ?? OfficeHours.Default;
        }))!;

    /// <summary>Forgets the cached hours after an administrator changed them on this node.</summary>
    public void Forget(Guid officeId) => cache.Remove(("office-hours", officeId));
}
