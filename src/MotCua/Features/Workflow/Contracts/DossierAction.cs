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

/// <summary>An action on a dossier (<c>POST /api/dossiers/{code}/actions</c>); the fields after the version serve some actions only.</summary>
public sealed record ActionRequest(
    string? Action, string? Note, int? ExpectedVersion,
    string? Assignee = null, int? ToStep = null, string? Agency = null, int? WorkingDays = null, DateOnly? NewDueDate = null,
    string? ReceivedBy = null, bool ByPost = false, decimal FeesCollected = 0);

public enum ActionOutcome
{
    Done,
    NotFound,
    Invalid,
    Stale,
    Forbidden,
}

public sealed record ActionResult(ActionOutcome Outcome, string? Field = null, string? Error = null)
{
    public static readonly ActionResult Done = new(ActionOutcome.Done);

    public static ActionResult Invalid(string field, string error) => new(ActionOutcome.Invalid, field, error);

    public static ActionResult Forbidden(string error) => new(ActionOutcome.Forbidden, null, error);
}
