using System.Security.Claims;

namespace MotCua.Features.Accounts.Contracts;

/// <summary>Reads who the caller is from their claims, whichever way they signed in (cookie or bearer token).</summary>
public static class AccountClaims
{
    public static Guid? AccountId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    /// <summary>The ID number of a signed-in citizen; null for staff and the anonymous.</summary>
    public static string? CitizenIdNumber(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(AccountClaimTypes.Kind) == "Citizen" ? user.FindFirstValue(AccountClaimTypes.IdNumber) : null;
    }
}
