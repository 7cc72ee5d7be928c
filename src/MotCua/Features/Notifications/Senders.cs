using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MotCua.Infrastructure.Files;

namespace MotCua.Features.Notifications;

/// <summary>Configuration section "Smtp". Without a host, e-mails are written as .eml files to <see cref="PickupDirectory"/>.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>none</c>, <c>startTls</c> or <c>sslOnConnect</c>; <c>auto</c> lets MailKit choose by port.</summary>
    public string Security { get; set; } = "auto";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "MotCua <no-reply@motcua.local>";

    /// <summary>Where e-mails go when no host is set (development); defaults to <c>mail</c> under the storage root.</summary>
    public string? PickupDirectory { get; set; }
}

/// <summary>Sends one message on one channel; throws when the message was not accepted.</summary>
public interface IChannelSender
{
    string Channel { get; }

    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// E-mail through SMTP (MailKit). The Message-ID is derived from the outbox id, so if a delivery is repeated after
/// a crash between the server's acceptance and the outbox's record of it, the copies are one message to mail
/// systems and clients, which drop duplicates by Message-ID.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, IOptions<StorageOptions> storage, IHostEnvironment env) : IChannelSender
{
    public string Channel => "email";

    public static string MessageIdOf(Guid outboxId) => $"{outboxId:N}@motcua";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var mime = new MimeMessage { Subject = message.Subject, MessageId = MessageIdOf(message.Id), Date = message.CreatedAt };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Body = new TextPart("plain") { Text = message.Link is { Length: > 0 } link ? $"{message.Body}\n\n{link}" : message.Body };
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            var folder = settings.PickupDirectory ?? storage.Value.FolderFor("mail", env);
            Directory.CreateDirectory(folder);
            await mime.WriteToAsync(Path.Combine(folder, $"{message.Id:N}.eml"), ct);
            return;
        }

        using var client = new SmtpClient();
        var security = settings.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "sslonconnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.Host, settings.Port, security, ct);
        if (settings.Username is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, settings.Password ?? "", ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// SMS provider interface: an SMS gateway (Viettel, VNPT, eSMS brand-name…) is plugged in behind
/// <see cref="IChannelSender"/> with the channel <c>sms</c>, passing the outbox id as the client reference.
/// This development sink writes each SMS as a JSON line to <c>sms/outbox.jsonl</c> under the storage root.
/// </summary>
public sealed partial class DevelopmentSmsSink(IOptions<StorageOptions> storage, IHostEnvironment env, ILogger<DevelopmentSmsSink> logger) : IChannelSender
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Channel => "sms";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = storage.Value.FolderFor("sms", env);
        Directory.CreateDirectory(folder);
        var line = JsonSerializer.Serialize(new { reference = message.Id, to = message.Recipient, text = message.Body, at = message.CreatedAt });
        await Gate.WaitAsync(ct);
        try
        {
            await File.AppendAllTextAsync(Path.Combine(folder, "outbox.jsonl"), line + "\n", ct);
        }
        finally
        {
            Gate.Release();
        }

        LogSms(logger, message.Recipient.Length > 4 ? "…" + message.Recipient[^4..] : message.Recipient);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS to {Phone} written to the development sink")]
    private static partial void LogSms(ILogger logger, string phone);
}
