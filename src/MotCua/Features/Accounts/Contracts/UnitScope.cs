using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Accounts.Contracts;

/// <summary>
/// Answers "which units may this caller see". Every query of unit-owned data filters by it; a record outside
/// the set answers 404 as if it did not exist.
/// </summary>
/// <remarks>
/// A caller sees the units of their current memberships, every unit below them, and every unit merged into one
/// of those (successor links followed backwards), because the successor took over the predecessor's records.
/// Administrators see every unit. Scoped per request; the answer is computed once per request.
/// </remarks>
public sealed class UnitScope(AppDbContext db, UnitTree tree, TimeProvider clock)
{
    private IReadOnlySet<Guid>? visible;
    private (bool Known, UnitInfo? Office) office;
    private (Guid AccountId, List<Guid> Units)? current;

    public async Task<IReadOnlySet<Guid>> VisibleUnitIdsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (visible is not null)
        {
            return visible;
        }

        // Computed once per account and day until a unit or a membership changes (both give the tree a new version).
        if (user.IsInRole(Roles.Administrator))
        {
            visible = await tree.ScopeAsync(Everything, (links, _) => Task.FromResult(links.Select(u => u.Id)), ct);
        }
        else if (AccountClaims.AccountId(user) is { } accountId)
        {
            // Read afresh, after the tree's version: memberships read earlier in the request might be older than it.
            visible = await tree.ScopeAsync((accountId, VietnamTime.Today(clock)), async (_, token) => await ReadUnitIdsAsync(accountId, token), ct);
        }
        else
        {
            visible = new HashSet<Guid>();
        }

        return visible;
    }

    /// <summary>The unit by its code when the caller sees it; null for an unknown code, one out of sight, or no code.</summary>
    public async Task<UnitInfo?> VisibleUnitAsync(ClaimsPrincipal user, string? code, CancellationToken ct = default) =>
        code is { Length: > 0 and <= 40 } && await tree.FindByCodeAsync(code.Trim(), ct) is { } unit && (await VisibleUnitIdsAsync(user, ct)).Contains(unit.Id) ? unit : null;

    /// <summary>The office (a unit that receives dossiers) the caller works at today, if any; once per request.</summary>
    public async Task<UnitInfo?> CurrentOfficeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!office.Known)
        {
            var mine = await tree.FindManyAsync(await CurrentUnitIdsAsync(AccountClaims.AccountId(user) ?? Guid.Empty, ct), ct);
            office = (true, mine.FirstOrDefault(u => u.ReceivesDossiers));
        }

        return office.Office;
    }

    /// <summary>The units the account works at today (read once per request and account).</summary>
    public async Task<List<Guid>> CurrentUnitIdsAsync(Guid accountId, CancellationToken ct = default) =>
        current is { } known && known.AccountId == accountId ? known.Units : await ReadUnitIdsAsync(accountId, ct);

    private async Task<List<Guid>> ReadUnitIdsAsync(Guid accountId, CancellationToken ct)
    {
        var units = await db.Memberships.AsNoTracking().Where(m => m.AccountId == accountId).ValidOn(VietnamTime.Today(clock)).Select(m => m.UnitId).ToListAsync(ct);
        current = (accountId, units);
        return units;
    }

    private static readonly object Everything = new();
}
