using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Calendar.Contracts;

/// <summary>An office's hours, or the defaults when the office has set none.</summary>
public sealed class OfficeHoursReader(AppDbContext db)
{
    public async Task<OfficeHours> ForOfficeAsync(Guid officeId, CancellationToken ct = default) =>
        await db.Set<OfficeHoursSetting>().AsNoTracking().Where(h => h.OfficeId == officeId)
            .Select(h => new OfficeHours(h.SameDayCutoff, h.EndOfDay, h.ReceivesSaturdayMorning))
            .FirstOrDefaultAsync(ct) ?? OfficeHours.Default;
}
