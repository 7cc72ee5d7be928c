using Microsoft.AspNetCore.SignalR;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Intake.Contracts;
using MotCua.Infrastructure.Events;

namespace MotCua.Features.Intake;

/// <summary>
/// Turns the officer's citizen-facing screen to the counter evaluation when a transaction ends (a dossier received
/// at the counter, a result handed over): the screen shows the four faces for that dossier; the officer's own page
/// is not told what is pressed.
/// </summary>
public sealed partial class CounterScreen(IHubContext<CounterHub> hub, ILogger<CounterScreen> logger)
    : IHandlesCommitted<DossierReceived>, IHandlesCommitted<DossierResultHandedOver>, IScanAnnouncer
{
    /// <summary>A scan arrived in the desk's folder: the officer's intake page lists it at once.</summary>
    public Task ScannedAsync(string desk, ScanArrived scan, CancellationToken ct) =>
        hub.Clients.Group(CounterHub.DeskOf(desk)).SendAsync("scan", scan, ct);

    /// <summary>A dossier received at the counter: the citizen rates the reception.</summary>
    public Task HandleCommittedAsync(DossierReceived happened, CancellationToken ct) =>
        happened?.Channel == DossierChannel.Counter ? AskRatingAsync(happened.ReceivedBy, happened.Code, happened.ProcedureName) : Task.CompletedTask;

    /// <summary>A result handed over at the counter (not by post): the citizen rates again.</summary>
    public Task HandleCommittedAsync(DossierResultHandedOver happened, CancellationToken ct) =>
        happened is { ByPost: false } ? AskRatingAsync(happened.Officer, happened.Code, "") : Task.CompletedTask;

    private async Task AskRatingAsync(string? officer, string dossierCode, string procedureName)
    {
        if (string.IsNullOrEmpty(officer))
        {
            return;
        }

        try
        {
            await hub.Clients.Group(CounterHub.DeskOf(officer)).SendAsync("rate", new { dossierCode, procedureName });
        }
#pragma warning disable CA1031 // the transaction is done; a screen that misses the prompt asks again when it reconnects
        catch (Exception e)
#pragma warning restore CA1031
        {
            NotAsked(logger, e, officer, dossierCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The citizen-facing screen of {Officer} was not asked to rate {Code}")]
    private static partial void NotAsked(ILogger logger, Exception e, string officer, string code);
}
