using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>The dossier needs completing: the clock stops until the citizen brings what is asked, and the citizen is told what.</summary>
public sealed class RequestSupplement : ProcessAction
{
    public override DossierAction Kind => DossierAction.RequestSupplement;

    public override string? NoteRequired => Texts.Get("Workflow.NoteRequired");

    public override bool HolderOnly => true;

    public override Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        c.Dossier.WaitForSupplement(c.Now);
        c.Step?.PausedAt = c.Now;
        c.Detail = EventDetail.Of("Event.SupplementPause");
        c.ToCitizen("supplement", $"Hồ sơ {c.Dossier.Code} cần bổ sung",
            $"Hồ sơ \"{c.Dossier.ProcedureName}\" cần bổ sung, hoàn thiện: {request.Note?.Trim()}. Thời gian giải quyết tạm dừng đến khi Ông/Bà bổ sung đủ.");
        return Task.FromResult<Failure?>(null);
    }
}
