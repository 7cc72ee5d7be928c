using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Features.Documents;

/// <summary>
/// A file a desk scanner dropped into its watched folder, stored and waiting on that desk's intake screen for the
/// officer to attach it to a citizen's document.
/// </summary>
public sealed class PendingScan
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The desk: the officer account the folder belongs to.</summary>
    public required string Desk { get; init; }

    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

    public DateTimeOffset ArrivedAt { get; init; }

    /// <summary>Set when the scan was attached to a document (or discarded); it then leaves the desk's list.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class PendingScanConfiguration : IEntityTypeConfiguration<PendingScan>
{
    public void Configure(EntityTypeBuilder<PendingScan> builder)
    {
        builder.ToTable("documents_pending_scan");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.Desk, x.UsedAt });
        builder.Property(x => x.Desk).HasMaxLength(100);
        builder.Property(x => x.FileName).HasMaxLength(200);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.ContentType).HasMaxLength(100);
    }
}
