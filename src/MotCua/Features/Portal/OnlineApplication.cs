using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Portal.Contracts;

namespace MotCua.Features.Portal;

/// <summary>Where an online application is: the citizen's draft, waiting for the office's check, sent back for more, or decided.</summary>
public enum ApplicationStatus
{
    Draft,

    /// <summary>Submitted: waits at the office's intake for a one-stop officer to check it.</summary>
    Submitted,

    /// <summary>The officer asked for more (form 02); the citizen completes it in the portal and it comes back.</summary>
    SupplementRequested,

    /// <summary>Received: it is a dossier with its code, and goes through the same process as one from the counter.</summary>
    Accepted,

    /// <summary>Refused at intake (form 03), with the reason.</summary>
    Refused,

    /// <summary>Withdrawn by the citizen before the office received it.</summary>
    Withdrawn,
}

/// <summary>
/// A dossier filed online, from the draft to the office's decision at intake. Once accepted it is a dossier of the
/// Dossiers capability (<see cref="DossierCode"/>), and this record stays as the citizen's way to it.
/// </summary>
public sealed class OnlineApplication
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What the citizen quotes before the office gives the dossier its code ("TT-" and ten unguessable characters).</summary>
    public required string Reference { get; init; }

    public Guid AccountId { get; init; }

    public required string IdNumber { get; init; }

    public required string ProcedureCode { get; set; }

    public required string ProcedureName { get; set; }

    public Guid OfficeId { get; set; }

    public required string OfficeCode { get; set; }

    public ApplicationStatus Status { get; set; }

    /// <summary>The application form's answers, by the field keys of the procedure's form (JSON object of strings).</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    public List<AttachedDocument> Documents { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the citizen submitted it (the last time, after a supplement): the legal time runs from the first submission.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? FirstSubmittedAt { get; set; }

    /// <summary>What the officer asked for (a supplement) or why it was refused.</summary>
    public string? OfficerNote { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The dossier's code once the office received it.</summary>
    public string? DossierCode { get; set; }

    /// <summary>The <c>Idempotency-Key</c> the submission came with: the same key again returns this application.</summary>
    public string? IdempotencyKey { get; init; }

    public int Version { get; set; } = 1;

    /// <summary>What happened before it became a dossier (sent, asked for more, completed, refused, withdrawn), for the citizen's history.</summary>
    public List<ApplicationStep> History { get; set; } = [];

    /// <summary>Moves to <paramref name="status"/>, noting the step in the history as <paramref name="what"/> (null: nothing to show).</summary>
    public void MoveTo(ApplicationStatus status, DateTimeOffset at, string? what)
    {
        Status = status;
        UpdatedAt = at;
        Version++;
        if (what is not null)
        {
            History = [.. History, new ApplicationStep(at, what)];
        }
    }

    public static string NewReference()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32: no I, L, O, U to misread
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return "TT-" + new string(chars);
    }
}

/// <summary>A step of an application's history: when, and what (a text key's last part).</summary>
public sealed record ApplicationStep(DateTimeOffset At, string What);

internal sealed class PortalConfiguration : IEntityTypeConfiguration<OnlineApplication>
{
    public void Configure(EntityTypeBuilder<OnlineApplication> builder)
    {
        builder.ToTable("portal_application");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Reference).HasMaxLength(20);
        builder.HasIndex(x => x.Reference).IsUnique();
        builder.Property(x => x.IdNumber).HasMaxLength(12);
        builder.Property(x => x.ProcedureCode).HasMaxLength(40);
        builder.Property(x => x.ProcedureName).HasMaxLength(500);
        builder.Property(x => x.OfficeCode).HasMaxLength(40);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.Answers).HasColumnType("text").HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, Infrastructure.JsonDefaults.Web),
            v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(v, Infrastructure.JsonDefaults.Web) ?? new Dictionary<string, string>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, string>(v)));
        builder.Property(x => x.Documents).HasColumnType("text").HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, Infrastructure.JsonDefaults.Web),
            v => System.Text.Json.JsonSerializer.Deserialize<List<AttachedDocument>>(v, Infrastructure.JsonDefaults.Web) ?? new List<AttachedDocument>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<AttachedDocument>>(
                (a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        builder.Property(x => x.History).HasColumnType("text").HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, Infrastructure.JsonDefaults.Web),
            v => System.Text.Json.JsonSerializer.Deserialize<List<ApplicationStep>>(v, Infrastructure.JsonDefaults.Web) ?? new List<ApplicationStep>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<ApplicationStep>>(
                (a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        builder.Property(x => x.OfficerNote).HasMaxLength(2000);
        builder.Property(x => x.DecidedBy).HasMaxLength(100);
        builder.Property(x => x.DossierCode).HasMaxLength(40);
        builder.Property(x => x.IdempotencyKey).HasMaxLength(100);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.AccountId, x.UpdatedAt });
        builder.HasIndex(x => new { x.AccountId, x.IdempotencyKey }).IsUnique();
        // The office's online intake: what waits, oldest first.
        builder.HasIndex(x => new { x.OfficeId, x.Status, x.SubmittedAt });
    }
}
