using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace MotCua.Features.Queue.Contracts;

/// <summary>
/// Display boards and phones following a ticket: they watch an office and receive each call and the waiting counts.
/// Public, as the boards in the hall are: only ticket numbers and counters travel here, nothing personal.
/// </summary>
[AllowAnonymous]
public sealed class QueueHub : Hub
{
    public const string Path = "/hubs/queue";

    public static string Board(string officeCode) => "board:" + officeCode;

    public Task Watch(string officeCode) =>
        officeCode is { Length: > 0 and <= 40 } ? Groups.AddToGroupAsync(Context.ConnectionId, Board(officeCode)) : Task.CompletedTask;
}
