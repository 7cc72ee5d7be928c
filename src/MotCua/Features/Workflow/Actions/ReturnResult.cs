using System.Globalization;
using System.Security.Claims;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>The result is handed over at the office that received the dossier (at the counter or by post), with the fees collected; the dossier closes.</summary>
public sealed class ReturnResult : ProcessAction
{
    public override DossierAction Kind => DossierAction.ReturnResult;

    public override string? StateError(DossierStatus status) => status == DossierStatus.ResultReady ? null : Texts.Get("Workflow.ResultNotIssued");

    public override Task<Guid> ActingUnitAsync(ActionContext c, DossierTask? target, CancellationToken ct) => Task.FromResult(c.Dossier.OfficeId);

    public override Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ReceivedBy))
        {
            return Task.FromResult<Failure?>(Failure.Invalid("receivedBy", Texts.Get("Workflow.ReceivedByRequired")));
        }

        if (request.FeesCollected < 0)
        {
            return Task.FromResult<Failure?>(Failure.Invalid("feesCollected", Texts.Get("Workflow.FeesNotNegative")));
        }

        c.EndAll(Kind);
        c.Dossier.Close(DossierStatus.Returned, c.Now);
        c.To = EnumNames.Of(DossierStatus.Returned);
        c.Detail = EventDetail.Of(request.ByPost ? "Event.ReturnedByPost" : "Event.ReturnedAtCounter", request.ReceivedBy.Trim(), request.FeesCollected.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")));
        c.Raise(new DossierResultHandedOver(c.Dossier.Code, c.Actor, request.ByPost));
        return Task.FromResult<Failure?>(null);
    }
}

public sealed record ReturnCommand(string Code, int ExpectedVersion, string? ReceivedBy, string? ReceiverIdNumber, bool ByPost, decimal FeesCollected, string? Note);

/// <summary>
/// The return desk's command: <see cref="ReturnResult"/> through the process, and the scanned result into the
/// citizen's document store in the same transaction, where later dossiers find it.
/// </summary>
public sealed class ResultReturn(ProcessEngine engine, DocumentStore documents, TimeProvider clock)
{
    public async Task<Failure?> ReturnAsync(ReturnCommand command, byte[]? resultPdf, int resultPages, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(user);
        var receivedBy = command.ReceiverIdNumber is { Length: > 0 } id && !string.IsNullOrWhiteSpace(command.ReceivedBy)
            ? $"{command.ReceivedBy.Trim()} ({id.Trim()})"
            : command.ReceivedBy;
        var request = new ActionRequest(EnumNames.Of(DossierAction.ReturnResult), command.Note, command.ExpectedVersion,
            ReceivedBy: receivedBy, ByPost: command.ByPost, FeesCollected: command.FeesCollected);
        return await engine.ActAsync(command.Code, request, user, async dossier =>
        {
            if (resultPdf is not null && dossier.CitizenId is { } citizen)
            {
                await documents.AddAsync(
                    new NewDocument(citizen, null, "ket-qua:" + dossier.ProcedureCode, "Kết quả: " + dossier.ProcedureName, dossier.Code, null, VietnamTime.Today(clock), null, dossier.Code, dossier.OfficeId),
                    resultPdf, resultPages, user.Identity?.Name, ct);
            }
        }, ct);
    }
}
