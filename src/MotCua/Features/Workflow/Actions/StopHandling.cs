using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;

namespace MotCua.Features.Workflow.Actions;

/// <summary>Processing stops (the citizen withdrew, or it cannot go on); the citizen is told why.</summary>
public sealed class StopHandling : Refuse
{
    public override DossierAction Kind => DossierAction.Stop;

    protected override DossierStatus Ending => DossierStatus.Stopped;

    protected override string Subject(string code) => $"Dừng xử lý hồ sơ {code}";
}
