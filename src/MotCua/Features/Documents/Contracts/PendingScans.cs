using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Files;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Documents.Contracts;

public sealed record PendingScanView(Guid Id, string FileName, string ContentType, long Length, DateTimeOffset ArrivedAt);

/// <summary>Scans waiting at a desk, and turning some of them into one document of a citizen.</summary>
public sealed class PendingScans(AppDbContext db, FileStore files, FileWork work, DocumentStore documents, TimeProvider clock)
{
    public Task<List<PendingScanView>> ForDeskAsync(string desk, CancellationToken ct = default) =>
        db.Set<PendingScan>().AsNoTracking().Where(s => s.Desk == desk && s.UsedAt == null).OrderBy(s => s.ArrivedAt)
            .Select(s => new PendingScanView(s.Id, s.FileName, s.ContentType, s.Length, s.ArrivedAt)).ToListAsync(ct);

    /// <summary>Attaches the chosen scans of the desk, in arrival order, as one PDF document; errors name the scan at fault.</summary>
    public async Task<Result<DocumentView>> AttachAsync(string desk, IReadOnlyCollection<Guid> scanIds, NewDocument meta, string? by, CancellationToken ct = default)
    {
        var scans = await db.Set<PendingScan>().Where(s => s.Desk == desk && s.UsedAt == null && scanIds.Contains(s.Id)).OrderBy(s => s.ArrivedAt).ToListAsync(ct);
        if (scans.Count == 0)
        {
            return Failure.Invalid("scans", Texts.Get("Scans.ChooseOne"));
        }

        var uploads = new List<UploadedFile>();
        foreach (var scan in scans)
        {
            await using var stream = files.Open(scan.Sha256);
            if (stream is null)
            {
                return Failure.Invalid("scans", Texts.Get("Scans.Gone", scan.FileName));
            }

            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            uploads.Add(new UploadedFile(scan.FileName, buffer.ToArray()));
        }

        var scanned = await ScanConverter.ToPdfAsync(uploads, work, ct);
        if (scanned.Value is not { } pdf)
        {
            return scanned.Failure!;
        }

        var document = await documents.AddAsync(meta, pdf.Pdf, pdf.Pages, by, ct);
        foreach (var scan in scans)
        {
            scan.UsedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return document;
    }
}
