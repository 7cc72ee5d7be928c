using Microsoft.AspNetCore.Authorization;
using MotCua.Features.Accounts.Contracts;

namespace MotCua.Features.Accounts;

/// <summary>
/// The counter's rule: one-stop officers, and a leader only at an office that has decided its leaders may stand in
/// at the counter (<c>LeadersAtCounter</c> on the office, set on the Units page).
/// </summary>
internal sealed class CounterRequirement : IAuthorizationRequirement;

internal sealed class CounterHandler(UnitScope scope) : AuthorizationHandler<CounterRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CounterRequirement requirement)
    {
        if (context.User.IsInRole(Roles.OneStopOfficer)
            || (context.User.IsInRole(Roles.Leader) && await scope.CurrentOfficeAsync(context.User) is { LeadersAtCounter: true }))
        {
            context.Succeed(requirement);
        }
    }
}
