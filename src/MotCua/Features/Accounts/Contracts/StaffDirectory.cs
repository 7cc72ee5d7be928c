using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Accounts.Contracts;

public sealed record StaffMember(string Username, string FullName);

/// <summary>Who works where today, in which role: for assigning work and for telling the right people.</summary>
public sealed class StaffDirectory(AppDbContext db, TimeProvider clock)
{
    /// <summary>The staff with <paramref name="role"/> and a membership today in one of <paramref name="unitIds"/>.</summary>
    public async Task<List<StaffMember>> InRoleAtAsync(IReadOnlyCollection<Guid> unitIds, string role, CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var current = db.Memberships.ValidOn(today);
        return await db.Users.AsNoTracking()
            .Where(a => a.Kind == Accounts.AccountKind.Staff
                && db.UserRoles.Any(r => r.UserId == a.Id && r.RoleId == roleId)
                && current.Any(m => m.AccountId == a.Id && unitIds.Contains(m.UnitId)))
            .OrderBy(a => a.UserName)
            .Select(a => new StaffMember(a.UserName!, a.FullName))
            .ToListAsync(ct);
    }

    /// <summary>The full names of accounts, by username (what a page shows of who did something; a username never).</summary>
    public async Task<Dictionary<string, string>> FullNamesAsync(IReadOnlyCollection<string> usernames, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(a => usernames.Contains(a.UserName!)).ToDictionaryAsync(a => a.UserName!, a => a.FullName, ct);
}
