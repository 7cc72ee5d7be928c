using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>The consulted agency answers: its consultation task ends, rated against its own deadline.</summary>
public sealed class ConsultReply : ProcessAction
{
    public override DossierAction Kind => DossierAction.ConsultReply;

    public override string? NoteRequired => Texts.Get("Workflow.NoteRequired");

    public override string? TaskError(ActionContext c) =>
        c.Tasks.Any(t => t.Kind == TaskKind.Consultation) ? null : Texts.Get("Workflow.NoOpenConsultation");

    /// <summary>The open consultation asked of one of the caller's units (else the first, so that the check names whose it is).</summary>
    public override async Task<(DossierTask? Task, string Profile)> TargetAsync(ActionContext c, CancellationToken ct) =>
        (await ConsultationAsync(c, ct), ProcessRules.Consultation);

    public override async Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        var consultation = (await ConsultationAsync(c, ct))!;
        c.End(consultation, Kind);
        consultation.Note = $"{consultation.Note} — Trả lời: {request.Note?.Trim()}";
        c.From = consultation.StepName;
        c.Detail = EventDetail.Of("Event.ConsultReply", ActionContext.Rating(c.Now, consultation.DueAt));
        return null;
    }

    private static async Task<DossierTask?> ConsultationAsync(ActionContext c, CancellationToken ct)
    {
        var mine = await c.MyUnitsAsync(ct);
        var consultations = c.Tasks.Where(t => t.Kind == TaskKind.Consultation).ToList();
        return consultations.FirstOrDefault(t => mine.Contains(t.UnitId)) ?? consultations.FirstOrDefault();
    }
}
