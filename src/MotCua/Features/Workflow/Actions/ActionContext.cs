using System.Security.Claims;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>The services an action may use (one scope's).</summary>
public sealed class ActionServices(
    AppDbContext db, ICalendar calendars, OfficeHoursReader hours, StepAgencies agencies, UnitScope scope, UnitTree tree, StaffDirectory staff, PublicLinks links,
    Payments.Contracts.FeesDue fees, TimeProvider clock)
{
    public Payments.Contracts.FeesDue Fees { get; } = fees;

    public AppDbContext Db { get; } = db;

    public ICalendar Calendars { get; } = calendars;

    public OfficeHoursReader Hours { get; } = hours;

    public StepAgencies Agencies { get; } = agencies;

    public UnitScope Scope { get; } = scope;

    public UnitTree Tree { get; } = tree;

    public StaffDirectory Staff { get; } = staff;

    public PublicLinks Links { get; } = links;

    public TimeProvider Clock { get; } = clock;
}

/// <summary>
/// One transition's working state: the dossier (tracked, in the transaction), its procedure version and open tasks,
/// who acts and when, and what the event will say. An action changes the dossier through its methods and the
/// tasks here; messages and in-process events it causes are collected and written by the engine with the event.
/// </summary>
public sealed class ActionContext(ActionServices services, IDossier dossier, ProcedureVersion version, List<DossierTask> tasks, ClaimsPrincipal user, DateTimeOffset now)
{
    private HashSet<Guid>? mine;

    public ActionServices Services { get; } = services;

    public AppDbContext Db => Services.Db;

    public IDossier Dossier { get; } = dossier;

    public ProcedureVersion Version { get; } = version;

    public IReadOnlyList<ProcessStep> Steps => Version.Steps;

    /// <summary>The dossier's open tasks.</summary>
    public List<DossierTask> Tasks { get; } = tasks;

    public DossierTask? Step => Tasks.FirstOrDefault(t => t.Kind == TaskKind.Step);

    public ClaimsPrincipal User { get; } = user;

    public string Actor { get; } = user.Identity?.Name ?? "";

    public DateTimeOffset Now { get; } = now;

    /// <summary>The step the event leaves from and goes to, and what MotCua adds beside the note (<see cref="EventDetail"/>).</summary>
    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public string? Detail { get; set; }

    /// <summary>When the step the dossier moved to is due (set by <see cref="MoveAsync"/>).</summary>
    public DateTimeOffset? StepDue { get; private set; }

    /// <summary>Messages to the applicant: written with the event, keyed by it.</summary>
    public List<(string Kind, string Subject, string Body)> CitizenMessages { get; } = [];

    /// <summary>In-process events the change causes, raised by the engine inside the transaction once the change is recorded.</summary>
    public List<Func<DomainEvents, CancellationToken, Task>> Raised { get; } = [];

    public string StepName(int index) => Steps[Math.Clamp(index, 0, Steps.Count - 1)].Name;

    public void Raise<TEvent>(TEvent happened)
        where TEvent : notnull => Raised.Add((events, ct) => events.RaiseAsync(happened, ct));

    public void ToCitizen(string kind, string subject, string body) => CitizenMessages.Add((kind, subject, body));

    /// <summary>Messages to officers, sent with the action's event (keyed by it, so that two actions in one instant never collide).</summary>
    public List<(string Username, string Kind, string Subject, string Body)> StaffMessages { get; } = [];

    public void ToStaff(string username, string kind, string subject, string body) => StaffMessages.Add((username, kind, subject, body));

    /// <summary>The units the caller works at today.</summary>
    public async Task<HashSet<Guid>> MyUnitsAsync(CancellationToken ct) =>
        mine ??= [.. await Services.Scope.CurrentUnitIdsAsync(AccountClaims.AccountId(User) ?? Guid.Empty, ct)];

    public void End(DossierTask task, DossierAction action) => task.End(Now, Actor, action);

    public void EndAll(DossierAction action)
    {
        foreach (var task in Tasks)
        {
            End(task, action);
        }
    }

    /// <summary>Ends the open step and opens <paramref name="to"/> at the agency that performs it; null when done.</summary>
    public async Task<Failure?> MoveAsync(int to, DossierAction action, string? holder, CancellationToken ct)
    {
        var step = Steps[to];
        if (await Services.Agencies.ResolveAsync(Dossier.OfficeId, step, VietnamTime.Today(Services.Clock), ct) is not { } unit)
        {
            return Failure.Invalid("action", Texts.Get("Workflow.NoAgencyForStep", step.Name, step.Agency));
        }

        if (holder is { Length: > 0 } && action != DossierAction.SendBack && await AssigneeErrorAsync(holder, unit.Id, step.Role, ct) is { } error)
        {
            return Failure.Invalid("assignee", error);
        }

        if (Step is { } current)
        {
            End(current, action);
        }

        var calendar = await Services.Calendars.GetAsync(ct);
        var due = ProcessRules.IsReturnStep(Steps, to)
            ? Dossier.DueAt
            : calendar.AddWorkingHours(Now, step.AllottedHours, await Services.Hours.ForOfficeAsync(Dossier.OfficeId, ct));
        var task = DossierTask.Open(Dossier, to, step.Name, TaskKind.Step, unit.Id, step.Role, Now, due, holder);
        Db.Add(task);
        StepDue = due;
        if (task.Holder is { } h && h != Actor)
        {
            ToStaff(h, EnumNames.Of(action), $"Hồ sơ {Dossier.Code} chuyển đến bạn", $"{Dossier.ProcedureName} — bước \"{step.Name}\", hạn {Describe(due)}.");
        }

        Dossier.MoveToStep(to);
        return null;
    }

    /// <summary>Why the account may not hold a task of the role at the unit; null when it may.</summary>
    public async Task<string?> AssigneeErrorAsync(string? username, Guid unitId, string role, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return Texts.Get("Workflow.AssigneeRequired");
        }

        var people = await Services.Staff.InRoleAtAsync([unitId], role, ct);
        return people.Any(p => p.Username == username.Trim()) ? null : Texts.Get("Workflow.AssigneeNotInRole", username, Texts.Get("Role." + role));
    }

    /// <summary>Early, on time or late, as an argument of an event's detail.</summary>
    public static string Rating(DateTimeOffset at, DateTimeOffset due) => EventDetail.Text("Event.Rating." + EnumNames.Of(Deadline.Rate(at, due)));

    public static string Describe(DateTimeOffset instant) => DossierIntake.Describe(instant);
}
