using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Accounts.Contracts;

/// <summary>
/// The unit memberships of staff accounts as their positions change (an appointment, a rotation): written in the
/// caller's transaction, so that what an officer may see follows the position from its first day.
/// </summary>
public sealed class StaffMemberships(AppDbContext db)
{
    /// <summary>The staff account of a username; null when there is none.</summary>
    public Task<Guid?> AccountIdAsync(string username, CancellationToken ct = default) =>
        db.Users.Where(a => a.UserName == username && a.Kind == Accounts.AccountKind.Staff).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    /// <summary>The account works at <paramref name="unitId"/> from <paramref name="on"/> (nothing new when it already does then).</summary>
    public async Task JoinAsync(Guid accountId, Guid unitId, DateOnly on, CancellationToken ct = default)
    {
        var memberships = db.Memberships.Where(m => m.AccountId == accountId && m.UnitId == unitId);
        if (await memberships.ValidOn(on).AnyAsync(ct))
        {
            return;
        }

        // A membership there that starts later is brought forward to the day (no two for one unit at once).
        var later = await memberships.Where(m => m.ValidFrom > on).OrderBy(m => m.ValidFrom).FirstOrDefaultAsync(ct);
        if (later is not null)
        {
            later.ValidFrom = on;
            return;
        }

        db.Memberships.Add(new Membership { AccountId = accountId, UnitId = unitId, ValidFrom = on });
    }

    /// <summary>The account stops working at <paramref name="unitId"/> after <paramref name="lastDay"/> (its memberships there end that day; one not begun yet is dropped).</summary>
    public async Task LeaveAsync(Guid accountId, Guid unitId, DateOnly lastDay, CancellationToken ct = default)
    {
        foreach (var membership in await db.Memberships.Where(m => m.AccountId == accountId && m.UnitId == unitId && (m.ValidTo == null || m.ValidTo > lastDay)).ToListAsync(ct))
        {
            if (membership.ValidFrom > lastDay)
            {
                db.Memberships.Remove(membership);
            }
            else
            {
                membership.ValidTo = lastDay;
            }
        }
    }
}
