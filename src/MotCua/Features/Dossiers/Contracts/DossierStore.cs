using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>
/// A dossier's facts as queries see them (<see cref="DossierStore.Rows"/>): its columns, without the documents.
/// Its properties are set by name (not by a constructor), so that queries composed on it translate to SQL.
/// </summary>
public sealed record DossierRow
{
    public Guid Id { get; init; }

    public required string Code { get; init; }

    public required string TrackingKey { get; init; }

    public Guid OfficeId { get; init; }

    public required string OfficeCode { get; init; }

    public int Sequence { get; init; }

    public Guid ProcedureVersionId { get; init; }

    public required string ProcedureCode { get; init; }

    public required string ProcedureName { get; init; }

    public int LegalWorkingDays { get; init; }

    public bool SameDay { get; init; }

    public DossierChannel Channel { get; init; }

    public DossierStatus Status { get; init; }

    public Guid? CitizenId { get; init; }

    public required string ApplicantIdNumber { get; init; }

    public required string ApplicantName { get; init; }

    public DateOnly? ApplicantDateOfBirth { get; init; }

    public string? ApplicantAddress { get; init; }

    public string? ApplicantPhone { get; init; }

    public string? ApplicantEmail { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateOnly DueDate { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public string? ReceivedBy { get; init; }

    public bool Digitised { get; init; }

    public int Version { get; init; }

    public int CurrentStep { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    public DateTimeOffset? WarnedAt { get; init; }

    public DateTimeOffset? OverdueAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public Timeliness? Timeliness { get; init; }

    public bool ResolvedSameDay { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}

/// <summary>An entry of a dossier's history as queries see it.</summary>
public sealed record DossierEventRow
{
    public Guid DossierId { get; init; }

    public int Seq { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Action { get; init; }

    public string? Actor { get; init; }

    public string? Note { get; init; }

    public string? Detail { get; init; }
}

/// <summary>
/// The dossiers for other capabilities: queries over their facts and history (composed into one SQL statement
/// with the caller's own tables), the dossier loaded for change in the caller's transaction, and the foreign key
/// by which another capability's rows refer to a dossier. Their table stays the Dossiers capability's. The rows
/// are projections (never tracked) and carry no AsNoTracking of their own: inside a tracking query, that would
/// untrack the whole query (the sweeper's changes were lost that way).
/// </summary>
public sealed class DossierStore(AppDbContext db)
{
    public IQueryable<DossierRow> Rows => db.Set<Dossier>().Select(d => new DossierRow { Id = d.Id, Code = d.Code, TrackingKey = d.TrackingKey, OfficeId = d.OfficeId, OfficeCode = d.OfficeCode, Sequence = d.Sequence, ProcedureVersionId = d.ProcedureVersionId, ProcedureCode = d.ProcedureCode, ProcedureName = d.ProcedureName, LegalWorkingDays = d.LegalWorkingDays, SameDay = d.SameDay, Channel = d.Channel, Status = d.Status, CitizenId = d.CitizenId, ApplicantIdNumber = d.ApplicantIdNumber, ApplicantName = d.ApplicantName, ApplicantDateOfBirth = d.ApplicantDateOfBirth, ApplicantAddress = d.ApplicantAddress, ApplicantPhone = d.ApplicantPhone, ApplicantEmail = d.ApplicantEmail, ReceivedAt = d.ReceivedAt, DueDate = d.DueDate, DueAt = d.DueAt, ReceivedBy = d.ReceivedBy, Digitised = d.Digitised, Version = d.Version, CurrentStep = d.CurrentStep, PausedAt = d.PausedAt, WarnedAt = d.WarnedAt, OverdueAt = d.OverdueAt, ResolvedAt = d.ResolvedAt, Timeliness = d.Timeliness, ResolvedSameDay = d.ResolvedSameDay, ClosedAt = d.ClosedAt });

    public IQueryable<DossierEventRow> Events => db.Set<DossierEvent>().Select(e => new DossierEventRow { DossierId = e.DossierId, Seq = e.Seq, At = e.At, Action = e.Action, Actor = e.Actor, Note = e.Note, Detail = e.Detail });

    /// <summary>The dossier, tracked (the one already in this unit of work, if it is): what its life's changes are made on inside a write transaction.</summary>
    public async Task<IDossier?> ForChangeAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<Dossier>().FindAsync([id], ct);

    /// <summary>The dossiers whose ids the query gives, tracked, in due order.</summary>
    public async Task<List<IDossier>> ForChangeAsync(IQueryable<Guid> ids, CancellationToken ct = default) =>
        [.. await db.Set<Dossier>().Where(d => ids.Contains(d.Id)).OrderBy(d => d.DueAt).ToListAsync(ct)];

    /// <summary>Declares that <typeparamref name="T"/>'s <paramref name="key"/> refers to a dossier (a foreign key; a dossier referred to is never deleted).</summary>
    public static void ReferencedBy<T>(EntityTypeBuilder<T> builder, Expression<Func<T, object?>> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(key).OnDelete(DeleteBehavior.Restrict);
    }
}
