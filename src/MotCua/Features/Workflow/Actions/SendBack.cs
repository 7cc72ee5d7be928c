using Microsoft.EntityFrameworkCore;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>
/// Sends the dossier back to an earlier step (by default the previous one), to the officer who ended that step.
/// A ready result sent back is unresolved again, and the day it had been resolved on must be counted afresh.
/// </summary>
public sealed class SendBack : ProcessAction
{
    public override DossierAction Kind => DossierAction.SendBack;

    public override string? NoteRequired => Texts.Get("Workflow.NoteRequired");

    public override string? StateError(DossierStatus status) => status == DossierStatus.ResultReady ? null : base.StateError(status);

    public override string? StructureError(int current, IReadOnlyList<ProcessStep> steps) => current == 0 ? Texts.Get("Workflow.AtFirstStep") : null;

    public override async Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        var dossier = c.Dossier;
        var back = request.ToStep ?? dossier.CurrentStep - 1;
        if (back < 0 || back >= dossier.CurrentStep)
        {
            return Failure.Invalid("toStep", Texts.Get("Workflow.SendBackRange", dossier.CurrentStep - 1));
        }

        var previousHolder = await c.Db.Set<DossierTask>().AsNoTracking()
            .Where(t => t.DossierId == dossier.Id && t.Kind == TaskKind.Step && t.StepIndex == back && t.EndedAt != null)
            .OrderByDescending(t => t.EndedAt).Select(t => t.EndedBy).FirstOrDefaultAsync(ct);
        if (await c.MoveAsync(back, Kind, previousHolder, ct) is { } error)
        {
            return error;
        }

        if (dossier.WithdrawResult(c.Now) is { } withdrawn)
        {
            c.Raise(withdrawn);
        }

        c.To = c.StepName(back);
        return null;
    }
}
