using System.Security.Claims;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Intake.Contracts;
using MotCua.Infrastructure;
using MotCua.Features.Workflow.Contracts;

namespace MotCua.Features.Dossiers.Contracts;

public sealed record ReturnCommand(string Code, int ExpectedVersion, string? ReceivedBy, string? ReceiverIdNumber, bool ByPost, decimal FeesCollected, string? Note);

public enum ReturnOutcome
{
    Returned,
    NotFound,
    Stale,
    NotAllowed,
    Invalid,
}

/// <summary>
/// Hands the result over (at the counter or by post) and closes the dossier through its process (the
/// <c>returnResult</c> action), with the fees collected; the scanned result goes into the citizen's document store
/// in the same transaction, where later dossiers find it.
/// </summary>
public sealed class ResultReturn(ProcessEngine engine, DocumentStore documents, CounterScreen screen, TimeProvider clock)
{
    public async Task<(ReturnOutcome Outcome, Dictionary<string, string[]> Errors)> ReturnAsync(ReturnCommand command, byte[]? resultPdf, int resultPages, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var request = new ActionRequest("returnResult", command.Note, command.ExpectedVersion,
            ReceivedBy: command.ReceiverIdNumber is { Length: > 0 } id && !string.IsNullOrWhiteSpace(command.ReceivedBy) ? $"{command.ReceivedBy.Trim()} ({id.Trim()})" : command.ReceivedBy, ByPost: command.ByPost, FeesCollected: command.FeesCollected);
        var result = await engine.ActAsync(command.Code, request, user, async dossier =>
        {
            if (resultPdf is not null && dossier.CitizenId is { } citizen)
            {
                await documents.AddAsync(
                    new NewDocument(citizen, null, "ket-qua:" + dossier.ProcedureCode, "Kết quả: " + dossier.ProcedureName, dossier.Code, null, VietnamTime.Today(clock), null, dossier.Code, dossier.OfficeId),
                    resultPdf, resultPages, user.Identity?.Name, ct);
            }
        }, ct);
        if (result.Outcome == ActionOutcome.Done && !command.ByPost)
        {
            await screen.AskRatingAsync(user.Identity?.Name, command.Code, "");
        }

        var errors = result.Error is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { [result.Field ?? "status"] = [result.Error] };
        return (result.Outcome switch
        {
            ActionOutcome.Done => ReturnOutcome.Returned,
            ActionOutcome.NotFound => ReturnOutcome.NotFound,
            ActionOutcome.Stale => ReturnOutcome.Stale,
            ActionOutcome.Invalid when result.Field is "receivedBy" or "feesCollected" => ReturnOutcome.Invalid,
            _ => ReturnOutcome.NotAllowed,
        }, errors);
    }
}
