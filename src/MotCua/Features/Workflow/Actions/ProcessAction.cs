using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>
/// One action of the process, one file each: when it applies, which task and agency it acts for, and what it
/// changes. <see cref="ProcessEngine"/> runs every action through the same pipeline (load, version, rules, change,
/// event, messages, save); an action only says what is its own.
/// </summary>
public abstract class ProcessAction
{
    public abstract DossierAction Kind { get; }

    public string Name => Infrastructure.EnumNames.Of(Kind);

    /// <summary>The note is required (a reason, a request or an answer), and what to say when it is missing.</summary>
    public virtual string? NoteRequired => null;

    /// <summary>Why the action does not apply to a dossier in this state (open dossiers only reach here).</summary>
    public virtual string? StateError(DossierStatus status) => status switch
    {
        DossierStatus.WaitingSupplement => Texts.Get("Workflow.WaitingSupplement"),
        DossierStatus.ResultReady => Texts.Get("Workflow.ResultReadyOnlyReturn"),
        _ => null,
    };

    /// <summary>Why the process does not allow it from the current step, whoever asks.</summary>
    public virtual string? StructureError(int current, IReadOnlyList<ProcessStep> steps) => null;

    /// <summary>The open task the action works on (its agency and holder decide who may act) and the profile whose rules apply.</summary>
    public virtual Task<(DossierTask? Task, string Profile)> TargetAsync(ActionContext c, CancellationToken ct) =>
        Task.FromResult((c.Step, ProcessRules.Current.ProfileOf(c.Steps, Math.Min(c.Dossier.CurrentStep, c.Steps.Count - 1))));

    /// <summary>Why the action has nothing to act on among the open tasks.</summary>
    public virtual string? TaskError(ActionContext c) => null;

    /// <summary>The agency whose staff may act: by default the target task's.</summary>
    public virtual Task<Guid> ActingUnitAsync(ActionContext c, DossierTask? target, CancellationToken ct) =>
        Task.FromResult(target?.UnitId ?? c.Dossier.OfficeId);

    /// <summary>Only the officer the task is assigned to (or a leader) may take it.</summary>
    public virtual bool HolderOnly => false;

    /// <summary>The change; null when done, otherwise why not (nothing is saved).</summary>
    public abstract Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct);
}
