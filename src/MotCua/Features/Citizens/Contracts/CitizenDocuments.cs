namespace MotCua.Features.Citizens.Contracts;

/// <summary>A document kept in the citizen's electronic store, as the citizen's record lists it.</summary>
public sealed record CitizenDocument(Guid Id, string DocumentType, string Title, string? Number, DateOnly? ExpiryDate, int Pages, bool Valid);

/// <summary>A document's file, and the dossier it came with (what the access log names).</summary>
public sealed record CitizenDocumentFile(Stream Content, string ContentType, string? SourceDossierCode);

/// <summary>
/// The documents in a citizen's electronic store, for the citizen's record. The document store (Documents)
/// answers it: the record lists them without knowing how they are kept.
/// </summary>
public interface ICitizenDocuments
{
    Task<IReadOnlyList<CitizenDocument>> ListAsync(Guid citizenId, DateOnly validOn, CancellationToken ct = default);

    /// <summary>The file of the citizen's document; null when there is none, or it is someone else's.</summary>
    Task<CitizenDocumentFile?> OpenAsync(Guid citizenId, Guid documentId, CancellationToken ct = default);
}
