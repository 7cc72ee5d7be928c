using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Notifications.Contracts;

/// <summary>How a citizen can be reached: e-mail and SMS where given, in the portal by ID number always.</summary>
public sealed record CitizenContact(string? IdNumber, string? Email, string? Phone);

/// <summary>Writes messages into the outbox of the caller's unit of work (committed with it, or not at all).</summary>
public static class Outbox
{
    public static void ToCitizen(AppDbContext db, CitizenContact to, string key, string subject, string body, string? link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (to.Email is { Length: > 0 } email)
        {
            Add(db, "email", email, key, subject, body, link, now);
        }

        if (to.Phone is { Length: > 0 } phone)
        {
            Add(db, "sms", phone, key, subject, $"{subject}. {body}", link, now);
        }

        if (to.IdNumber is { Length: > 0 } id)
        {
            Add(db, "inApp", "citizen:" + id, key, subject, body, link, now);
        }
    }

    public static void ToStaff(AppDbContext db, string username, string key, string subject, string body, string? link, DateTimeOffset now) =>
        Add(db, "inApp", "staff:" + username, key, subject, body, link, now);

    /// <summary>
    /// Marks the e-mails and text messages of a replayed past (the demo month) as sent without sending them: they
    /// belong to days gone, to people who are not real; the messages shown in MotCua itself are still delivered.
    /// </summary>
    public static Task<int> SettleReplayedAsync(AppDbContext db, DateTimeOffset before, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<OutboxMessage>().Where(m => m.Channel != "inApp" && m.SentAt == null && m.CreatedAt < before)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, m => m.CreatedAt), ct);
    }

    private static void Add(AppDbContext db, string channel, string recipient, string key, string subject, string body, string? link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Add(new OutboxMessage
        {
            Channel = channel, Recipient = recipient.Trim(), Key = key, Subject = subject, Body = body, Link = link, CreatedAt = now, NextAttemptAt = now,
        });
    }
}

