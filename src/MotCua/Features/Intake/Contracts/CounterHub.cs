using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using MotCua.Features.Accounts.Contracts;

namespace MotCua.Features.Intake.Contracts;

/// <summary>What the citizen-facing screen shows while the officer works: the data as it is being entered.</summary>
public sealed record PreviewState(string? FullName, string? IdNumber, string? DateOfBirth, string? Sex, string? Address, string? Phone, string? Email, string? Procedure, IReadOnlyList<string>? Documents);

/// <summary>
/// Joins an officer's intake page and the second screen turned to the citizen: both sign in as the officer, and
/// the desk is the officer's account, so nobody else's screen can receive what is typed.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CounterHub : Hub
{
    public const string Path = "/hubs/counter";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Desk(Context));
        await base.OnConnectedAsync();
    }

    public Task Preview(PreviewState state) => Clients.OthersInGroup(Desk(Context)).SendAsync("preview", state);

    public static string DeskOf(string officer) => "desk:" + officer;

    private static string Desk(HubCallerContext context) => DeskOf(context.User?.Identity?.Name ?? "");
}
