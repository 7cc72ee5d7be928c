using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>
/// The dossier ends without a result, with the reason told to the citizen: refused (not eligible) or, by
/// <see cref="StopHandling"/>, stopped (withdrawn, or unable to go on). Allowed while waiting for a supplement too.
/// </summary>
public class Refuse : ProcessAction
{
    public override DossierAction Kind => DossierAction.Refuse;

    public override string? NoteRequired => Texts.Get("Workflow.NoteRequired");

    public override string? StateError(DossierStatus status) => status == DossierStatus.WaitingSupplement ? null : base.StateError(status);

    protected virtual DossierStatus Ending => DossierStatus.Refused;

    protected virtual string Subject(string code) => $"Hồ sơ {code} không được giải quyết";

    public override Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        c.EndAll(Kind);
        c.Dossier.Close(Ending, c.Now);
        c.To = Infrastructure.EnumNames.Of(Ending);
        c.ToCitizen(Name, Subject(c.Dossier.Code), $"Hồ sơ \"{c.Dossier.ProcedureName}\": {request.Note?.Trim()}");
        return Task.FromResult<Failure?>(null);
    }
}
