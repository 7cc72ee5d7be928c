using System.ComponentModel.DataAnnotations;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Contracts;

/// <summary>The actions of the process; the API and the history name them in camelCase (<c>sendBack</c>). Who may take which where is data (<see cref="ProcessRules"/>).</summary>
public enum DossierAction
{
    Assign,
    Forward,
    SendBack,
    Consult,
    ConsultReply,
    RequestSupplement,
    SupplementReceived,
    Approve,
    Refuse,
    Stop,
    IssueResult,
    ReturnResult,
    Apologise,
}

/// <summary>A piece of work: a step of the process, or a consultation asked of another agency.</summary>
public enum TaskKind
{
    Step,
    Consultation,
}

/// <summary>
/// An action on a dossier (<c>POST /api/dossiers/{code}/actions</c>); the fields after the version serve some actions
/// only. Its rules are declared here (checked by <see cref="RequestRules"/>); which action it is and what that action
/// needs are the process's.
/// </summary>
public sealed record ActionRequest(
    [property: Required(ErrorMessage = "Workflow.ActionRequired")] string? Action,
    [property: StringLength(2000, ErrorMessage = "Workflow.NoteTooLong")] string? Note,
    [property: Required(ErrorMessage = "Workflow.VersionRequired")] int? ExpectedVersion,
    string? Assignee = null, int? ToStep = null, string? Agency = null, int? WorkingDays = null, DateOnly? NewDueDate = null,
    string? ReceivedBy = null, bool ByPost = false, decimal FeesCollected = 0);

/// <summary>The failures particular to the process: the caller's role or agency may not act, or the dossier changed since it was read.</summary>
public static class ActionFailures
{
    public static Failure Forbidden(string message) => Failure.Forbidden(message, Texts.Get("Workflow.ForbiddenTitle"));

    public static Failure Stale(string message) => Failure.Conflict(message, Texts.Get("Workflow.StaleTitle"), "expectedVersion");
}
