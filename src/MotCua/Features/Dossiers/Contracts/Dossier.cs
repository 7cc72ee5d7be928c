using System.ComponentModel.DataAnnotations;


namespace MotCua.Features.Dossiers.Contracts;

public enum DossierChannel
{
    Counter,
    Online,
    Post,
}

public enum DossierStatus
{
    /// <summary>Accepted at intake; waiting to be handled.</summary>
    Received,
    InProgress,
    WaitingSupplement,
    ResultReady,
    Returned,
    Refused,
    Stopped,
}


/// <summary>
/// A dossier as other capabilities see it: what it is (read-only), and the changes of its life. Read with
/// <see cref="DossierReader"/>, it is a copy; loaded for change with <see cref="DossierStore.ForChangeAsync(Guid, CancellationToken)"/>
/// inside a write transaction, its changes are saved with the transaction. Nobody else writes its fields.
/// </summary>
public interface IDossier
{
    Guid Id { get; }

    /// <summary><c>&lt;agency code&gt;-YYMMDD-XXXX</c> (Decree 61/2018 art. 26).</summary>
    string Code { get; }

    /// <summary>
    /// The dossier's public secret, printed on the receipt beside the code and carried by its QR code: the code
    /// alone can be guessed (an office's numbers run in order), so public tracking and rating need both.
    /// </summary>
    string TrackingKey { get; }

    Guid OfficeId { get; }

    string OfficeCode { get; }

    int Sequence { get; }

    Guid ProcedureVersionId { get; }

    string ProcedureCode { get; }

    string ProcedureName { get; }

    int LegalWorkingDays { get; }

    bool SameDay { get; }

    DossierChannel Channel { get; }

    DossierStatus Status { get; }

    Guid? CitizenId { get; }

    string ApplicantIdNumber { get; }

    string ApplicantName { get; }

    DateOnly? ApplicantDateOfBirth { get; }

    string? ApplicantAddress { get; }

    string? ApplicantPhone { get; }

    string? ApplicantEmail { get; }

    DateTimeOffset ReceivedAt { get; }

    DateOnly DueDate { get; }

    DateTimeOffset DueAt { get; }

    string? ReceivedBy { get; }

    /// <summary>What was received, one line per document (name and how: reused from the store, scanned, seen on paper).</summary>
    IReadOnlyList<ReceivedDocument> Documents { get; }

    /// <summary>Every document was received electronically (reused from the store, scanned, or a form MotCua filled): none on paper only.</summary>
    bool Digitised { get; }

    int Version { get; }

    /// <summary>Index of the process step the dossier is in (the procedure version's steps, from 0 = intake).</summary>
    int CurrentStep { get; }

    /// <summary>When the clock stopped for a citizen's supplement; null while it runs.</summary>
    DateTimeOffset? PausedAt { get; }

    /// <summary>When the holder and the leader were warned that the deadline is near (once).</summary>
    DateTimeOffset? WarnedAt { get; }

    /// <summary>When the sweeper found the dossier past its due instant, unresolved.</summary>
    DateTimeOffset? OverdueAt { get; }

    /// <summary>When the result was ready (issued); what "resolved early / on time / late" is measured by.</summary>
    DateTimeOffset? ResolvedAt { get; }

    /// <summary>How the result came against the due instant; null until resolved.</summary>
    Timeliness? Timeliness { get; }

    /// <summary>The result was ready on the (Vietnam) day the dossier was received: no return visit.</summary>
    bool ResolvedSameDay { get; }

    /// <summary>When the dossier ended: returned, refused or stopped.</summary>
    DateTimeOffset? ClosedAt { get; }

    bool IsClosed { get; }

    /// <summary>A change was made: the version the next writer must have read.</summary>
    void Touch();

    /// <summary>The process moved the dossier to a step (0: back at intake).</summary>
    void MoveToStep(int stepIndex);

    /// <summary>The result is issued and waits to be handed over; rated against the deadline.</summary>
    void Resolve(DateTimeOffset at);

    /// <summary>A ready result sent back for rework (after the process moved it back): unresolved again. Returns the withdrawal, or null when no result was ready.</summary>
    DossierResultWithdrawn? WithdrawResult(DateTimeOffset at);

    /// <summary>The clock stops while the citizen completes the dossier.</summary>
    void WaitForSupplement(DateTimeOffset at);

    /// <summary>The supplement came: the clock runs again towards the new appointment, and the warning may come again.</summary>
    void ResumeAfterSupplement(DateOnly dueDate, DateTimeOffset dueAt);

    /// <summary>A new appointment after an apology: the deadline moves, and the warnings start afresh.</summary>
    void Reappoint(DateOnly dueDate, DateTimeOffset dueAt);

    /// <summary>The dossier ends: <see cref="DossierStatus.Returned"/>, <see cref="DossierStatus.Refused"/> or <see cref="DossierStatus.Stopped"/>.</summary>
    void Close(DossierStatus ending, DateTimeOffset at);

    /// <summary>Its holders were told the deadline is near (once).</summary>
    void MarkWarned(DateTimeOffset at);

    /// <summary>Found past its deadline, unresolved.</summary>
    void MarkOverdue(DateTimeOffset at);
}

/// <summary>A document received with the dossier: its name and how (<c>store</c>, <c>scanned</c>, <c>paper</c>, or <c>form</c> pre-filled by MotCua).</summary>
public sealed record ReceivedDocument
{
    [Required(ErrorMessage = "Intake.DocumentName")]
    [MaxLength(500, ErrorMessage = "Intake.DocumentName")]
    public string Name { get; init; } = "";

    [MaxLength(60, ErrorMessage = "Intake.DocumentType")]
    public string DocumentType { get; init; } = "";

    [Range(0, 50, ErrorMessage = "Intake.DocumentCopies")]
    public int Originals { get; init; }

    [Range(0, 50, ErrorMessage = "Intake.DocumentCopies")]
    public int Copies { get; init; }

    /// <summary><c>store</c>, <c>scanned</c>, <c>paper</c> or <c>form</c> (pre-filled by MotCua).</summary>
    [AllowedValues("store", "scanned", "paper", "form", ErrorMessage = "Intake.DocumentHow")]
    public string How { get; init; } = "";

    public Guid? DocumentId { get; init; }
}
