using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Dossiers;

/// <summary>
/// An application for one procedure, from the receipt on. The applicant's data is copied as declared at intake
/// (the forms must show what was received, whatever the store says later); the procedure version is the one in
/// force on the receipt date; <see cref="Version"/> guards against concurrent changes. Its members say what
/// they mean on <see cref="IDossier"/>, what others see of it.
/// </summary>
public sealed class Dossier : IDossier
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Code { get; init; }

    public string TrackingKey { get; init; } = TrackingKeys.New();

    public Guid OfficeId { get; init; }

    public required string OfficeCode { get; init; }

    public int Sequence { get; init; }

    public Guid ProcedureVersionId { get; init; }

    public required string ProcedureCode { get; init; }

    public required string ProcedureName { get; init; }

    public int LegalWorkingDays { get; init; }

    public bool SameDay { get; init; }

    public DossierChannel Channel { get; init; }

    public DossierStatus Status { get; internal set; }

    public Guid? CitizenId { get; init; }

    public required string ApplicantIdNumber { get; init; }

    public required string ApplicantName { get; init; }

    public DateOnly? ApplicantDateOfBirth { get; init; }

    public string? ApplicantAddress { get; init; }

    public string? ApplicantPhone { get; init; }

    public string? ApplicantEmail { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateOnly DueDate { get; internal set; }

    public DateTimeOffset DueAt { get; internal set; }

    public string? ReceivedBy { get; init; }

    public List<StoredDocument> Documents { get; init; } = [];

    IReadOnlyList<ReceivedDocument> IDossier.Documents => [.. Documents.Select(d => d.ToContract())];

    public bool Digitised { get; init; }

    public int Version { get; internal set; }

    public int CurrentStep { get; internal set; }

    public DateTimeOffset? PausedAt { get; internal set; }

    public DateTimeOffset? WarnedAt { get; internal set; }

    public DateTimeOffset? OverdueAt { get; internal set; }

    public DateTimeOffset? ResolvedAt { get; internal set; }

    public Timeliness? Timeliness { get; internal set; }

    public bool ResolvedSameDay { get; internal set; }

    public DateTimeOffset? ClosedAt { get; internal set; }

    // The dossier's life (IDossier): every change of its state is one of these, so that what a state means is written once.
    // Who may cause which change, and when, is the process's (Workflow); these keep the fields consistent.

    public bool IsClosed => Status is DossierStatus.Returned or DossierStatus.Refused or DossierStatus.Stopped;

    public void Touch() => Version++;

    public void MoveToStep(int stepIndex)
    {
        CurrentStep = stepIndex;
        Status = stepIndex == 0 ? DossierStatus.Received : DossierStatus.InProgress;
    }

    public void Resolve(DateTimeOffset at)
    {
        Status = DossierStatus.ResultReady;
        ResolvedAt = at;
        Timeliness = Deadline.Rate(at, DueAt);
        ResolvedSameDay = VietnamTime.ToVietnam(at).Date == VietnamTime.ToVietnam(ReceivedAt).Date;
    }

    public DossierResultWithdrawn? WithdrawResult(DateTimeOffset at)
    {
        if (IsClosed || ResolvedAt is not { } resolved)
        {
            return null;
        }

        if (Status == DossierStatus.ResultReady)
        {
            Status = DossierStatus.InProgress;
        }

        ResolvedAt = null;
        Timeliness = null;
        ResolvedSameDay = false;
        return new DossierResultWithdrawn(Id, resolved, at);
    }

    public void WaitForSupplement(DateTimeOffset at)
    {
        Status = DossierStatus.WaitingSupplement;
        PausedAt = at;
    }

    public void ResumeAfterSupplement(DateOnly dueDate, DateTimeOffset dueAt)
    {
        DueDate = dueDate;
        DueAt = dueAt.ToUniversalTime();
        PausedAt = null;
        WarnedAt = null;
        Status = CurrentStep == 0 ? DossierStatus.Received : DossierStatus.InProgress;
    }

    public void Reappoint(DateOnly dueDate, DateTimeOffset dueAt)
    {
        DueDate = dueDate;
        DueAt = dueAt.ToUniversalTime();
        WarnedAt = null;
        OverdueAt = null;
    }

    public void Close(DossierStatus ending, DateTimeOffset at)
    {
        if (ending is not (DossierStatus.Returned or DossierStatus.Refused or DossierStatus.Stopped))
        {
            throw new ArgumentOutOfRangeException(nameof(ending), ending, "A dossier ends returned, refused or stopped.");
        }

        Status = ending;
        ClosedAt = at;
    }

    public void MarkWarned(DateTimeOffset at) => WarnedAt = at;

    public void MarkOverdue(DateTimeOffset at) => OverdueAt = at;
}

/// <summary>The stored shape of <see cref="ReceivedDocument"/> (a JSON column of the dossier).</summary>
public sealed class StoredDocument
{
    public string Name { get; set; } = "";

    public string DocumentType { get; set; } = "";

    public int Originals { get; set; }

    public int Copies { get; set; }

    /// <summary><c>store</c>, <c>scanned</c>, <c>paper</c> or <c>form</c> (pre-filled by MotCua).</summary>
    public string How { get; set; } = "";

    public Guid? DocumentId { get; set; }

    public static StoredDocument From(ReceivedDocument d) => new() { Name = d.Name, DocumentType = d.DocumentType, Originals = d.Originals, Copies = d.Copies, How = d.How, DocumentId = d.DocumentId };

    public ReceivedDocument ToContract() => new() { Name = Name, DocumentType = DocumentType, Originals = Originals, Copies = Copies, How = How, DocumentId = DocumentId };
}

/// <summary>An entry of a dossier's history. Append-only; each entry's hash covers the previous one's.</summary>
public sealed class DossierEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public int Seq { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Action { get; init; }

    public string? Actor { get; init; }

    public string? FromStep { get; init; }

    public string? ToStep { get; init; }

    /// <summary>What the person typed: a reason, a request, an answer (stored as written).</summary>
    public string? Note { get; init; }

    /// <summary>What MotCua adds, as a text key and its arguments (<see cref="EventDetail"/>), written in the reader's language.</summary>
    public string? Detail { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }

    /// <summary>The event that follows <paramref name="previousSeq"/>, chained to <paramref name="previousHash"/>, not yet stored (bulk loads insert it themselves).</summary>
    public static DossierEvent Chained(Guid dossierId, int previousSeq, string previousHash, DateTimeOffset at, string action, string? actor, string? fromStep = null, string? toStep = null, string? note = null, string? detail = null)
    {
        var seq = previousSeq + 1;
        return new DossierEvent
        {
            DossierId = dossierId, Seq = seq, At = at, Action = action, Actor = actor, FromStep = fromStep, ToStep = toStep, Note = note, Detail = detail,
            PreviousHash = previousHash, Hash = DossierEvents.HashOf(dossierId, seq, at, action, actor, fromStep, toStep, note, detail, previousHash),
        };
    }
}

/// <summary>The last dossier number given by an office on a (Vietnam) day; the row lock makes numbers unique and gap-free.</summary>
public sealed class DossierSequence
{
    public required string OfficeCode { get; init; }

    public DateOnly Day { get; init; }

    public int Last { get; set; }
}

/// <summary>An <c>Idempotency-Key</c> already used by an account, and the dossier it created.</summary>
public sealed class IdempotencyRecord
{
    public Guid AccountId { get; init; }

    public required string Key { get; init; }

    public Guid DossierId { get; init; }

    public required string RequestHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class DossiersConfiguration :
    IEntityTypeConfiguration<Dossier>, IEntityTypeConfiguration<DossierEvent>, IEntityTypeConfiguration<DossierSequence>, IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.ToTable("dossiers_dossier");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Code).HasMaxLength(40);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.Property(x => x.TrackingKey).HasMaxLength(20);
        builder.Property(x => x.OfficeCode).HasMaxLength(40);
        builder.HasIndex(x => new { x.OfficeId, x.Status, x.DueAt });
        builder.HasIndex(x => x.CitizenId);
        builder.HasIndex(x => new { x.ReceivedBy, x.ReceivedAt });
        // The leaders' figures: what a unit received, and what it resolved, in a period, read from the index alone.
        builder.HasIndex(x => new { x.OfficeId, x.ReceivedAt, x.Channel, x.Digitised, x.ProcedureCode, x.ReceivedBy }).HasDatabaseName("IX_dossiers_dossier_received_figures");
        builder.HasIndex(x => new { x.OfficeId, x.ResolvedAt, x.Timeliness, x.ResolvedSameDay, x.ProcedureCode }).HasDatabaseName("IX_dossiers_dossier_resolved_figures");
        builder.HasIndex(x => new { x.Status, x.DueAt });
        builder.Property(x => x.ProcedureCode).HasMaxLength(40);
        builder.Property(x => x.ProcedureName).HasMaxLength(500);
        builder.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(x => x.ApplicantIdNumber).HasMaxLength(12);
        builder.Property(x => x.ApplicantName).HasMaxLength(200);
        builder.Property(x => x.ApplicantAddress).HasMaxLength(500);
        builder.Property(x => x.ApplicantPhone).HasMaxLength(20);
        builder.Property(x => x.ApplicantEmail).HasMaxLength(200);
        builder.Property(x => x.ReceivedBy).HasMaxLength(100);
        builder.Property(x => x.Timeliness).HasConversion<CamelCaseEnumConverter<Timeliness>>().HasMaxLength(10);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.OwnsMany(x => x.Documents, b => b.ToJson("documents"));
    }

    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        builder.ToTable("dossiers_event");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.DossierId, x.Seq }).IsUnique();
        builder.Property(x => x.Action).HasMaxLength(40);
        builder.Property(x => x.Actor).HasMaxLength(100);
        builder.Property(x => x.FromStep).HasMaxLength(200);
        builder.Property(x => x.ToStep).HasMaxLength(200);
        builder.Property(x => x.Note).HasMaxLength(2000);
        builder.Property(x => x.Detail).HasMaxLength(1000);
        builder.Property(x => x.PreviousHash).HasMaxLength(64);
        builder.Property(x => x.Hash).HasMaxLength(64);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DossierSequence> builder)
    {
        builder.ToTable("dossiers_sequence");
        builder.HasKey(x => new { x.OfficeCode, x.Day });
        builder.Property(x => x.OfficeCode).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("dossiers_idempotency");
        builder.HasKey(x => new { x.AccountId, x.Key });
        builder.Property(x => x.Key).HasMaxLength(100);
        builder.Property(x => x.RequestHash).HasMaxLength(64);
    }
}
