using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Documents.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

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
/// Hands the result over (at the counter or by post) and closes the dossier, with the fees collected; the scanned
/// result goes into the citizen's document store, where later dossiers find it.
/// </summary>
public sealed class ResultReturn(AppDbContext db, DossierReader reader, DocumentStore documents, TimeProvider clock)
{
    // REVIEW: until the workflow (issue 6) marks results ready, any open dossier may be returned at the counter.
    public static readonly DossierStatus[] Returnable = [DossierStatus.Received, DossierStatus.InProgress, DossierStatus.ResultReady];

    public async Task<(ReturnOutcome Outcome, Dictionary<string, string[]> Errors)> ReturnAsync(ReturnCommand command, byte[]? resultPdf, int resultPages, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await reader.FindAsync(command.Code, user, ct) is not { } found)
        {
            return (ReturnOutcome.NotFound, []);
        }

        if (string.IsNullOrWhiteSpace(command.ReceivedBy))
        {
            return (ReturnOutcome.Invalid, new() { ["receivedBy"] = ["Cần họ tên người nhận kết quả."] });
        }

        if (command.FeesCollected < 0)
        {
            return (ReturnOutcome.Invalid, new() { ["feesCollected"] = ["Số tiền thu không âm."] });
        }

        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var dossier = await db.Set<Dossier>().FirstAsync(d => d.Id == found.Id, ct);
        if (dossier.Version != command.ExpectedVersion)
        {
            return (ReturnOutcome.Stale, new() { ["expectedVersion"] = [$"Hồ sơ đã thay đổi (phiên bản {dossier.Version}); tải lại trang."] });
        }

        if (!Returnable.Contains(dossier.Status))
        {
            return (ReturnOutcome.NotAllowed, new() { ["status"] = [$"Hồ sơ đang ở trạng thái {DossierReader.Status(dossier.Status)}: không trả kết quả được."] });
        }

        var now = clock.GetUtcNow();
        if (resultPdf is not null && dossier.CitizenId is { } citizen)
        {
            await documents.AddAsync(
                new NewDocument(citizen, null, "ket-qua:" + dossier.ProcedureCode, "Kết quả: " + dossier.ProcedureName, dossier.Code, null, VietnamTime.Today(clock), null, dossier.Code, dossier.OfficeId),
                resultPdf, resultPages, user.Identity?.Name, ct);
        }

        var status = dossier.Status;
        dossier.Status = DossierStatus.Returned;
        dossier.Version++;
        var how = command.ByPost ? "qua bưu chính" : "tại quầy";
        await DossierEvents.AppendAsync(db, dossier.Id, now, "returnResult", user.Identity?.Name, DossierReader.Status(status), "returned",
            $"Trả kết quả {how} cho {command.ReceivedBy!.Trim()}{(command.ReceiverIdNumber is { Length: > 0 } id ? $" ({id})" : "")}; thu {command.FeesCollected:N0} đồng.{(command.Note is { Length: > 0 } n ? " " + n : "")}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (ReturnOutcome.Returned, []);
    }
}
