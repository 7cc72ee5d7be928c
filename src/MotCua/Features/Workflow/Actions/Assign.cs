using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>A leader (or the step's officer) gives the open step to one officer of its agency and role.</summary>
public sealed class Assign : ProcessAction
{
    public override DossierAction Kind => DossierAction.Assign;

    public override async Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        if (c.Step is not { } task)
        {
            return Failure.Invalid("action", Texts.Get("Workflow.NoOpenStep"));
        }

        if (await c.AssigneeErrorAsync(request.Assignee, task.UnitId, task.Role, ct) is { } error)
        {
            return Failure.Invalid("assignee", error);
        }

        task.Holder = request.Assignee!.Trim();
        c.Detail = EventDetail.Of("Event.Assigned", EventDetail.Person(task.Holder));
        c.ToStaff(task.Holder, Name, $"Được giao hồ sơ {c.Dossier.Code}", $"{c.Dossier.ProcedureName}: hạn bước {ActionContext.Describe(task.DueAt)}.");
        return null;
    }
}
