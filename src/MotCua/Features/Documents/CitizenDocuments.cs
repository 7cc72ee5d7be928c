using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;

namespace MotCua.Features.Documents;

/// <summary>The document store's answer to the citizen's record: what it keeps for the citizen.</summary>
internal sealed class CitizenDocuments(DocumentStore store) : ICitizenDocuments
{
    public async Task<IReadOnlyList<CitizenDocument>> ListAsync(Guid citizenId, DateOnly validOn, CancellationToken ct = default) =>
        [.. (await store.ForCitizenAsync(citizenId, validOn, ct)).Select(d => new CitizenDocument(d.Id, d.DocumentType, d.Title, d.Number, d.ExpiryDate, d.Pages, d.Valid))];

    public async Task<CitizenDocumentFile?> OpenAsync(Guid citizenId, Guid documentId, CancellationToken ct = default) =>
        await store.FindAsync(documentId, ct) is { } doc && doc.CitizenId == citizenId && store.Open(doc.FileSha256) is { } stream
            ? new CitizenDocumentFile(stream, "application/pdf", doc.SourceDossierCode)
            : null;
}
