using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Reform.Contracts;

/// <summary>A finding or plan task past its deadline with no result yet, as a leader's inbox lists it.</summary>
public sealed record OverdueFinding(Guid Id, string Source, string Text, string UnitCode, string UnitName, DateOnly Deadline);

/// <summary>
/// The open findings past their deadline that the caller's units are responsible for (and those merged into them):
/// a leader's work, as overdue dossiers are. Others have none.
/// </summary>
public sealed class OverdueFindings(AppDbContext db, UnitScope scope, UnitTree tree, TimeProvider clock)
{
    public async Task<int> CountAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        await OverdueAsync(user, ct) is { } overdue ? await overdue.CountAsync(ct) : 0;

    /// <summary>The oldest deadlines first.</summary>
    public async Task<IReadOnlyList<OverdueFinding>> ListAsync(ClaimsPrincipal user, int limit, CancellationToken ct = default)
    {
        if (await OverdueAsync(user, ct) is not { } overdue)
        {
            return [];
        }

        var rows = await overdue.OrderBy(f => f.Deadline).ThenBy(f => f.Id).Take(limit).Select(f => new { f.Id, f.Source, f.Text, f.ResponsibleUnitId, f.Deadline }).ToListAsync(ct);
        var units = (await tree.FindManyAsync([.. rows.Select(r => r.ResponsibleUnitId).Distinct()], ct)).ToDictionary(u => u.Id);
        return [.. rows.Select(r => new OverdueFinding(r.Id, r.Source, r.Text, units[r.ResponsibleUnitId].Code, units[r.ResponsibleUnitId].Name, r.Deadline))];
    }

    private async Task<IQueryable<ReformFinding>?> OverdueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Leader))
        {
            return null;
        }

        var units = UnitTree.AndPredecessors(await tree.LinksAsync(ct), await scope.CurrentUnitIdsAsync(AccountClaims.AccountId(user) ?? Guid.Empty, ct)).ToArray();
        var today = VietnamTime.Today(clock);
        return db.Set<ReformFinding>().AsNoTracking().Where(ReformFinding.OverdueOn(today)).Where(f => units.Contains(f.ResponsibleUnitId));
    }
}
