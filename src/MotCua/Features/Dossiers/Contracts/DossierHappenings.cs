namespace MotCua.Features.Dossiers.Contracts;

/// <summary>
/// A dossier was received (raised inside the intake transaction, after its first event): the process starts it,
/// the queue links the ticket being served, the fees become due, the counter's screen asks for the rating once it is committed.
/// </summary>
public sealed record DossierReceived(Guid DossierId, string Code, DossierChannel Channel, string ProcedureName, string? ReceivedBy, ChainLink FirstEvent)
{
    public Guid ProcedureVersionId { get; init; }
}

/// <summary>
/// A step of a dossier's life was written to its history (the receipt, each action of its process): raised inside
/// the transaction, with the dossier as the step left it and the end date the law gives the step it is now at, for
/// those who report the dossier elsewhere (the national portal).
/// </summary>
public sealed record DossierStepRecorded(IDossier Dossier, int Seq, DateTimeOffset At, string Action, string? Actor, string? FromStep, string? ToStep, DateTimeOffset? StepDueAt);

/// <summary>A ready result was sent back for rework: the figures of the day it had been resolved on are stale.</summary>
public sealed record DossierResultWithdrawn(Guid DossierId, DateTimeOffset ResolvedAt, DateTimeOffset At);

/// <summary>A dossier's result is ready (decided and signed): raised with the transition, handled once it is committed.</summary>
public sealed record DossierResultReady(Guid DossierId, string Code, DossierChannel Channel);

/// <summary>The result was handed over (at the counter or by post) by the officer.</summary>
public sealed record DossierResultHandedOver(string Code, string? Officer, bool ByPost);

/// <summary>
/// Which dossiers a set of units holds work on besides the ones they received (a step or a consultation): staff
/// see those too. The process (Workflow) answers it; the dossier's readers ask without knowing the tasks.
/// </summary>
public interface IDossierHolders
{
    IQueryable<Guid> DossiersHeldBy(IReadOnlyCollection<Guid> unitIds);
}
