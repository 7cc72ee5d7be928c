using Microsoft.EntityFrameworkCore;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Portal;

/// <summary>
/// A dossier filed online gets its result electronically too: once its result is ready, the result document is made,
/// signed by the agency's certificate and kept in the citizen's store, where the portal offers it.
/// </summary>
public sealed partial class ElectronicResult(
    DossierStore dossiers, CatalogReader catalog, UnitTree units, DocumentStore documents, PdfSigner signer, ILogger<ElectronicResult> log) : IHandlesCommitted<DossierResultReady>
{
    public const string TypePrefix = "ket-qua-dien-tu:";

    public async Task HandleCommittedAsync(DossierResultReady happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        if (happened.Channel != DossierChannel.Online || !signer.Available)
        {
            return;
        }

        var d = await dossiers.Rows.FirstOrDefaultAsync(x => x.Id == happened.DossierId, ct);
        if (d?.CitizenId is not { } citizenId || d.ResolvedAt is not { } at)
        {
            return;
        }

        try
        {
            var version = await catalog.VersionAsync(d.ProcedureVersionId, ct);
            var (parent, agency, place) = await units.FormHeaderAsync(d.OfficeId, ct);
            var pdf = ResultPdf.Render(new ResultData(parent, agency, place, d.ApplicantName, d.ApplicantIdNumber, d.Code, d.ProcedureName,
                version?.ResultDocument is { Length: > 0 } r ? r : d.ProcedureName, d.ReceivedAt, at));
            var signed = signer.Sign(pdf, $"Kết quả giải quyết hồ sơ {d.Code}", place);
            await documents.AddAsync(new NewDocument(citizenId, null, TypePrefix + d.ProcedureCode, $"Kết quả (bản điện tử) — {d.ProcedureName}", d.Code, agency, null, null, d.Code, d.OfficeId),
                signed, 1, null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The dossier's result stands; only its electronic copy is missing, and the log says so.
            LogFailed(log, e, d.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, EventName = "ElectronicResultFailed", Message = "The electronic result of {Code} could not be made or signed")]
    private static partial void LogFailed(ILogger logger, Exception e, string code);
}
