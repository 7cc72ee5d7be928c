using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Features.Notifications;

/// <summary>
/// A message to deliver, written in the same transaction as the change that causes it, so that it exists exactly
/// when the change does. The dispatcher delivers it later, with retries.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary><c>email</c>, <c>sms</c> or <c>inApp</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>An e-mail address, a phone number, or for in-app <c>staff:&lt;username&gt;</c> / <c>citizen:&lt;ID number&gt;</c>.</summary>
    public required string Recipient { get; init; }

    /// <summary>What caused it (e.g. <c>dossier-code/event-seq</c>); with channel and recipient, unique: a cause never sends twice.</summary>
    public required string Key { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public string? Link { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>A dispatcher holds the message until then; a dispatcher that died lets go when it passes.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the retries are used up; the message stays for an operator to look at.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A message shown in MotCua itself: the staff bell, the citizen portal.</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The outbox message it came from: delivering it twice inserts nothing.</summary>
    public Guid OutboxId { get; init; }

    public required string Recipient { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public string? Link { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationsConfiguration : IEntityTypeConfiguration<OutboxMessage>, IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("notifications_outbox");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.Key, x.Channel, x.Recipient }).IsUnique();
        builder.HasIndex(x => x.NextAttemptAt).HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL").HasDatabaseName("IX_notifications_outbox_pending");
        builder.Property(x => x.Channel).HasMaxLength(10);
        builder.Property(x => x.Recipient).HasMaxLength(200);
        builder.Property(x => x.Key).HasMaxLength(120);
        builder.Property(x => x.Subject).HasMaxLength(300);
        builder.Property(x => x.Body).HasMaxLength(4000);
        builder.Property(x => x.Link).HasMaxLength(500);
        builder.Property(x => x.LastError).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications_inapp");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.OutboxId).IsUnique();
        builder.HasIndex(x => new { x.Recipient, x.CreatedAt });
        builder.Property(x => x.Recipient).HasMaxLength(200);
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Body).HasMaxLength(4000);
        builder.Property(x => x.Link).HasMaxLength(500);
    }
}
