using System.Security.Claims;
using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Accounts.Contracts;

/// <summary>The signed-in staff member as the page shell shows them: name, roles and the units they work at today.</summary>
public sealed record StaffSummary(string Username, string FullName, IReadOnlyList<string> Roles, IReadOnlyList<UnitInfo> Units);

public sealed class CurrentStaff(IHttpContextAccessor http, UnitScope scope, UnitTree tree)
{
    private StaffSummary? summary;

    public async Task<StaffSummary?> GetAsync(CancellationToken ct = default)
    {
        if (summary is not null)
        {
            return summary;
        }

        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true || AccountClaims.AccountId(user) is not { } id || user.FindFirstValue(AccountClaimTypes.Kind) != "Staff")
        {
            return null;
        }

        var units = await tree.FindManyAsync(await scope.CurrentUnitIdsAsync(id, ct), ct);
        summary = new StaffSummary(
            user.Identity.Name ?? "",
            user.FindFirstValue(AccountClaimTypes.FullName) ?? user.Identity.Name ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            [.. units.OrderBy(u => u.Code)]);
        return summary;
    }
}
