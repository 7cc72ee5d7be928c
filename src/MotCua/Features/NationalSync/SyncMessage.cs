using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Features.NationalSync;

/// <summary>
/// What the national portal must be told of one step of a dossier: the record as the step left it, written in the
/// transaction of the step (so it exists exactly when the step does) and sent later, after every earlier step of
/// the same dossier was acknowledged, until the portal acknowledges it.
/// </summary>
public sealed class SyncMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public required string DossierCode { get; init; }

    /// <summary>The office that received the dossier: whose staff see the message.</summary>
    public Guid OfficeId { get; init; }

    /// <summary>The step's event in the dossier's history: the messages of a dossier go in this order.</summary>
    public int Seq { get; init; }

    /// <summary>The national record, as JSON (<see cref="NationalRecord"/>).</summary>
    public required string Payload { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The dispatcher run holding the message until <see cref="LockedUntil"/>.</summary>
    public Guid? ClaimedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When the portal acknowledged it.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// The portal refused the record itself (not a fault of the line): it is not tried again by itself, and the
    /// dossier's later steps wait behind it, until someone has looked and sends it again.
    /// </summary>
    public bool Held { get; set; }

    /// <summary>Why the last attempt failed, as the portal or the network said it.</summary>
    public string? LastError { get; set; }
}

internal sealed class SyncConfiguration : IEntityTypeConfiguration<SyncMessage>
{
    public void Configure(EntityTypeBuilder<SyncMessage> builder)
    {
        builder.ToTable("nationalsync_message");
        builder.HasKey(x => x.Id);
        DossierStore.ReferencedBy(builder, x => x.DossierId);
        builder.HasIndex(x => new { x.DossierId, x.Seq }).IsUnique();
        builder.HasIndex(x => x.NextAttemptAt).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_nationalsync_message_pending");
        builder.HasIndex(x => new { x.OfficeId, x.LastAttemptAt }).HasFilter("\"SentAt\" IS NULL AND \"LastError\" IS NOT NULL").HasDatabaseName("IX_nationalsync_message_failing");
        builder.HasIndex(x => x.ClaimedBy);
        builder.Property(x => x.DossierCode).HasMaxLength(40);
        builder.Property(x => x.LastError).HasMaxLength(1000);
    }
}
