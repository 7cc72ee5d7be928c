using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>A leader signs and the dossier moves on (into the return step: the result is ready).</summary>
public sealed class Approve : Forward
{
    public override DossierAction Kind => DossierAction.Approve;

    public override string? StructureError(int current, IReadOnlyList<ProcessStep> steps) =>
        current + 1 >= steps.Count ? Texts.Get("Workflow.LastStep") : null;
}
