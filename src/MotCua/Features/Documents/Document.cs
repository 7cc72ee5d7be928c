using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Features.Documents;

/// <summary>A stored file's metadata; the bytes live in the content-addressed <c>FileStore</c> under <see cref="Sha256"/>.</summary>
public sealed class StoredFile
{
    public required string Sha256 { get; init; }

    public long Length { get; init; }

    public required string ContentType { get; init; }

    public int Pages { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// A document in a citizen's or organisation's electronic store (ID card, birth certificate, a result issued…),
/// kept once with its validity and reused by later dossiers ("once-only").
/// </summary>
public sealed class Document
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid? CitizenId { get; init; }

    public Guid? OrganisationId { get; init; }

    /// <summary>The type code that procedures ask for (<c>giay-chung-sinh</c>, <c>can-cuoc</c>…).</summary>
    public required string DocumentType { get; init; }

    public string Title { get; set; } = "";

    public string? Number { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? IssueDate { get; set; }

    /// <summary>Last day of validity; null when it does not expire.</summary>
    public DateOnly? ExpiryDate { get; set; }

    /// <summary>The document as one PDF (images are turned into pages).</summary>
    public required string FileSha256 { get; init; }

    public int Pages { get; init; }

    public string? SourceDossierCode { get; init; }

    /// <summary>The unit where it was scanned or issued.</summary>
    public Guid? UnitId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public bool IsValidOn(DateOnly date) => ExpiryDate is null || ExpiryDate >= date;
}

internal sealed class DocumentsConfiguration : IEntityTypeConfiguration<StoredFile>, IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("documents_file");
        builder.HasKey(x => x.Sha256);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.ContentType).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("documents_document");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.CitizenId, x.DocumentType });
        builder.HasIndex(x => new { x.OrganisationId, x.DocumentType });
        builder.Property(x => x.DocumentType).HasMaxLength(60);
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Number).HasMaxLength(60);
        builder.Property(x => x.Issuer).HasMaxLength(300);
        builder.Property(x => x.FileSha256).HasMaxLength(64);
        builder.Property(x => x.SourceDossierCode).HasMaxLength(40);
        builder.Property(x => x.CreatedBy).HasMaxLength(100);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileSha256).OnDelete(DeleteBehavior.Restrict);
    }
}
