using Microsoft.AspNetCore.SignalR;

namespace MotCua.Features.Intake.Contracts;

/// <summary>
/// Turns the officer's citizen-facing screen to the counter evaluation when a transaction ends (a dossier received
/// at the counter, a result handed over): the screen shows the four faces for that dossier; the officer's own page
/// is not told what is pressed.
/// </summary>
public sealed partial class CounterScreen(IHubContext<CounterHub> hub, ILogger<CounterScreen> logger)
{
    public async Task AskRatingAsync(string? officer, string dossierCode, string procedureName)
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
