using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>
/// Hands the dossier to the next step (to a named officer, or to the step's role at its agency). Into the return
/// step the result is ready: the dossier is resolved, rated against its deadline, and the citizen is told.
/// <see cref="Approve"/> (a leader signs) and <see cref="IssueResult"/> (the last handling step) move the same way.
/// </summary>
public class Forward : ProcessAction
{
    public override DossierAction Kind => DossierAction.Forward;

    public override bool HolderOnly => true;

    public override string? StructureError(int current, IReadOnlyList<ProcessStep> steps) =>
        current + 1 >= steps.Count ? Texts.Get("Workflow.LastStep")
        : ProcessRules.IsReturnStep(steps, current + 1) ? Texts.Get("Workflow.NextIsReturn")
        : null;

    public override async Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        var dossier = c.Dossier;
        var next = dossier.CurrentStep + 1;
        // A fee paid with the request: the dossier leaves intake once it is paid.
        if (dossier.CurrentStep == 0 && c.Version.PayBeforeProcessing && await c.Services.Fees.OfAsync(dossier.Id, ct) is > 0 and var due)
        {
            return Failure.Conflict(Texts.Get("Workflow.FeeDue", due.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)));
        }

        if (await c.MoveAsync(next, Kind, request.Assignee, ct) is { } error)
        {
            return error;
        }

        c.To = c.StepName(next);
        if (ProcessRules.IsReturnStep(c.Steps, next))
        {
            dossier.Resolve(c.Now);
            c.Raise(new DossierResultReady(dossier.Id, dossier.Code, dossier.Channel));
            c.Detail = EventDetail.Of("Event.ResultReady", ActionContext.Rating(c.Now, dossier.DueAt));
            c.ToCitizen("result", $"Hồ sơ {dossier.Code} đã có kết quả",
                $"Kết quả giải quyết hồ sơ \"{dossier.ProcedureName}\" đã có. Mời Ông/Bà đến nhận theo giấy hẹn (hẹn trả {ActionContext.Describe(dossier.DueAt)}).");
        }

        return null;
    }
}
