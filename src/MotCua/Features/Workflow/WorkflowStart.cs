using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;

namespace MotCua.Features.Workflow;

/// <summary>
/// Puts a received dossier into its process, inside the intake transaction: the intake step's task, and for a
/// same-day procedure ("ngày không hẹn") the handler's at once, with the forward event after the receive event.
/// </summary>
public sealed class WorkflowStart(AppDbContext db, DossierStore dossiers, CatalogReader catalog, StepAgencies agencies, ICalendar calendars, OfficeHoursReader hours, DomainEvents events, TimeProvider clock)
    : IHandles<DossierReceived>
{
    public async Task HandleAsync(DossierReceived happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        var dossier = await dossiers.ForChangeAsync(happened.DossierId, ct)
            ?? throw new InvalidOperationException($"Dossier {happened.Code} is not in this transaction.");
        var version = await catalog.VersionAsync(dossier.ProcedureVersionId, ct)
            ?? throw new InvalidOperationException($"Procedure version {dossier.ProcedureVersionId} of {dossier.Code} is missing.");
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(clock);
        var calendar = await calendars.GetAsync(ct);
        var office = await hours.ForOfficeAsync(dossier.OfficeId, ct);
        var steps = version.Steps;
        var actor = happened.ReceivedBy;
        var intake = DossierTask.Open(dossier, 0, steps[0].Name, TaskKind.Step, (await agencies.ResolveAsync(dossier.OfficeId, steps[0], today, ct))?.Id ?? dossier.OfficeId,
            steps[0].Role, dossier.ReceivedAt, calendar.AddWorkingHours(dossier.ReceivedAt, steps[0].AllottedHours, office), actor);
        db.Add(intake);
        // A same-day dossier goes straight to its handler, unless its fee is paid with the request: then it waits at intake.
        var waitsForFee = version.PayBeforeProcessing && version.Fees.Count > 0 && version.Fees[0].For(1) > 0;
        if (!version.SameDay || waitsForFee || steps.Count < 2 || await agencies.ResolveAsync(dossier.OfficeId, steps[1], today, ct) is not { } handler)
        {
            return;
        }

        intake.End(now, actor, DossierAction.Forward);
        var handling = DossierTask.Open(dossier, 1, steps[1].Name, TaskKind.Step, handler.Id, steps[1].Role, now,
            ProcessRules.IsReturnStep(steps, 1) ? dossier.DueAt : calendar.AddWorkingHours(now, steps[1].AllottedHours, office));
        db.Add(handling);
        dossier.MoveToStep(1);
        var forward = DossierEvents.Append(db, dossier.Id, happened.FirstEvent.Seq, happened.FirstEvent.Hash, now, EnumNames.Of(DossierAction.Forward), actor, steps[0].Name, steps[1].Name,
            detail: EventDetail.Of("Event.SameDayForward"));
        await events.RaiseAsync(new DossierStepRecorded(dossier, forward.Seq, now, EnumNames.Of(DossierAction.Forward), actor, steps[0].Name, steps[1].Name, handling.DueAt), ct);
    }
}
