using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>The last handling step issues the result: it goes to the return step, ready for the citizen.</summary>
public sealed class IssueResult : Forward
{
    public override DossierAction Kind => DossierAction.IssueResult;

    public override string? StructureError(int current, IReadOnlyList<ProcessStep> steps) =>
        current + 1 >= steps.Count ? Texts.Get("Workflow.LastStep")
        : !ProcessRules.IsReturnStep(steps, current + 1) ? Texts.Get("Workflow.IssueOnlyAtLastStep")
        : null;
}
