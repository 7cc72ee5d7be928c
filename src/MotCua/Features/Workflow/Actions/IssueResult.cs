using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Workflow.Contracts;

namespace MotCua.Features.Workflow.Actions;

/// <summary>The last handling step issues the result: it goes to the return step, ready for the citizen.</summary>
public sealed class IssueResult : Forward
{
    public override DossierAction Kind => DossierAction.IssueResult;

    public override string? StructureError(int current, IReadOnlyList<ProcessStep> steps) =>
        current + 1 >= steps.Count ? "Đây là bước cuối của quy trình."
        : !ProcessRules.IsReturnStep(steps, current + 1) ? "Chỉ ban hành kết quả ở bước xử lý cuối cùng."
        : null;
}
