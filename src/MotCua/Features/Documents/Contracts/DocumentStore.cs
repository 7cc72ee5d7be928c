using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Files;

namespace MotCua.Features.Documents.Contracts;

public sealed record NewDocument(
    Guid? CitizenId, Guid? OrganisationId, string DocumentType, string? Title, string? Number, string? Issuer, DateOnly? IssueDate,
    DateOnly? ExpiryDate, string? SourceDossierCode, Guid? UnitId);

public sealed record DocumentView(
    Guid Id, string DocumentType, string Title, string? Number, string? Issuer, DateOnly? IssueDate, DateOnly? ExpiryDate, int Pages,
    string FileSha256, string? SourceDossierCode, DateTimeOffset CreatedAt, bool Valid);

/// <summary>The electronic document store: each document kept once, with its validity, and offered again when still valid.</summary>
public sealed class DocumentStore(AppDbContext db, FileStore files, TimeProvider clock)
{
    public async Task<DocumentView> AddAsync(NewDocument meta, byte[] pdf, int pages, string? by, CancellationToken ct = default)
    {
        var hash = await files.SaveAsync(pdf, ct);
        // The same file uploaded at two counters at once is stored once: the second insert finds the first.
        await InsertIfAbsent.RunAsync(
            db, new StoredFile { Sha256 = hash, Length = pdf.Length, ContentType = "application/pdf", Pages = pages, CreatedAt = clock.GetUtcNow() }, [nameof(StoredFile.Sha256)], ct: ct);

        var document = new Document
        {
            CitizenId = meta.CitizenId, OrganisationId = meta.OrganisationId, DocumentType = meta.DocumentType.Trim(), Title = meta.Title?.Trim() ?? meta.DocumentType,
            Number = meta.Number?.Trim(), Issuer = meta.Issuer?.Trim(), IssueDate = meta.IssueDate, ExpiryDate = meta.ExpiryDate, FileSha256 = hash, Pages = pages,
            SourceDossierCode = meta.SourceDossierCode, UnitId = meta.UnitId, CreatedAt = clock.GetUtcNow(), CreatedBy = by,
        };
        db.Add(document);
        await db.SaveChangesAsync(ct);
        return View(document, Infrastructure.VietnamTime.Today(clock));
    }

    public async Task<List<DocumentView>> ForCitizenAsync(Guid citizenId, DateOnly on, CancellationToken ct = default) =>
        [.. (await db.Set<Document>().AsNoTracking().Where(d => d.CitizenId == citizenId).OrderByDescending(d => d.CreatedAt).Take(500).ToListAsync(ct)).Select(d => View(d, on))];

    /// <summary>For each document type asked, the newest document of that type still valid on the date: what intake offers to reuse.</summary>
    public async Task<Dictionary<string, DocumentView>> ReusableAsync(Guid citizenId, IReadOnlyCollection<string> types, DateOnly on, CancellationToken ct = default)
    {
        var candidates = await db.Set<Document>().AsNoTracking()
            .Where(d => d.CitizenId == citizenId && types.Contains(d.DocumentType) && (d.ExpiryDate == null || d.ExpiryDate >= on))
            .ToListAsync(ct);
        return candidates.GroupBy(d => d.DocumentType).ToDictionary(g => g.Key, g => View(g.OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.CreatedAt).First(), on));
    }

    public Task<DocumentFile?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Set<Document>().AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DocumentFile(d.Id, d.CitizenId, d.DocumentType, d.FileSha256, d.SourceDossierCode)).FirstOrDefaultAsync(ct);

    public Stream? Open(string sha256) => files.Open(sha256);

    private static DocumentView View(Document d, DateOnly on) =>
        new(d.Id, d.DocumentType, d.Title, d.Number, d.Issuer, d.IssueDate, d.ExpiryDate, d.Pages, d.FileSha256, d.SourceDossierCode, d.CreatedAt, d.IsValidOn(on));
}

/// <summary>Where a stored document's file is, and whose it is (to check before it is opened).</summary>
public sealed record DocumentFile(Guid Id, Guid? CitizenId, string DocumentType, string FileSha256, string? SourceDossierCode);

/// <summary>A file that arrived in a desk's scan folder, as the desk's screen shows it.</summary>
public sealed record ScanArrived(Guid Id, string FileName, string ContentType, long Length);

/// <summary>Tells a desk's intake screen that a scan arrived (the counter implements it).</summary>
public interface IScanAnnouncer
{
    Task ScannedAsync(string desk, ScanArrived scan, CancellationToken ct);
}
