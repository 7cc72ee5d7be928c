using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Features.Workflow.Actions;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Workflow;

/// <summary>
/// A dossier as its handlers see it: where it is and who holds it, the deadline of each step and of the whole,
/// the timeline of events, the documents and forms, and the actions the officer may take now.
/// </summary>
public sealed class DossierModel(DossierReader reader, DossierProgress progress, ProcessEngine engine, CatalogReader catalog, StaffDirectory staff, UnitTree tree, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public DossierView View { get; private set; } = null!;

    public ProgressView Progress { get; private set; } = null!;

    public IReadOnlyList<DossierAction> Actions { get; private set; } = [];

    /// <summary>The actions in the order people most often take them: moving the dossier on first, sending it back and ending it last.</summary>
    private static readonly DossierAction[] Likeliest =
    [
        DossierAction.Approve, DossierAction.IssueResult, DossierAction.Forward, DossierAction.ConsultReply, DossierAction.SupplementReceived,
        DossierAction.Assign, DossierAction.Consult, DossierAction.RequestSupplement, DossierAction.Apologise, DossierAction.SendBack,
        DossierAction.Refuse, DossierAction.Stop, DossierAction.ReturnResult,
    ];

    public IReadOnlyList<ProcessStep> Steps { get; private set; } = [];

    public IReadOnlyList<StaffMember> Assignees { get; private set; } = [];

    /// <summary>The agencies a dossier's handler may consult today (every unit in force that is not a receiving office), by name.</summary>
    public IReadOnlyList<UnitInfo> Agencies { get; private set; } = [];

    public int CurrentStep { get; private set; }

    public bool WarnedWithoutApology { get; private set; }

    /// <summary>The one-stop rule in force today: when an apology is due and how many re-appointments it allows.</summary>
    public OneStopRule Rule { get; private set; } = OneStopRules.All[^1];

    /// <summary>Officers' full names by username, for the history and the holders (a username is never shown).</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public string NameOf(string? username) => username is null ? "" : username == "system" ? "" : Names.GetValueOrDefault(username, username);

    /// <summary>Whether the dossier stopped under a form set that has the stop notice (Circular 03/2025).</summary>
    public bool HasStopNotice { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(
        string action, string? note, int expectedVersion, string? assignee, int? toStep, string? agency, int? workingDays, DateOnly? newDueDate, CancellationToken ct)
    {
        if (await engine.ActAsync(Code, new ActionRequest(action, note, expectedVersion, assignee, toStep, agency, workingDays, newDueDate), User, ct: ct) is not { } failure)
        {
            return Redirect($"{DossierLinks.Page(Code)}?done={Uri.EscapeDataString(action)}");
        }

        if (failure.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        Message = failure.Kind == FailureKind.Conflict ? "stale" : null;
        failure.AddTo(ModelState);
        Response.StatusCode = failure.Status();
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await reader.ReadAsync(Code, User, "dossier", ct) is not { } dossier)
        {
            return false;
        }

        View = await reader.ViewAsync(dossier, ct);
        Progress = await progress.ReadAsync(dossier, ct);
        Actions = await engine.AvailableAsync(dossier, User, ct);
        Rule = OneStopRules.On(VietnamTime.Today(clock));
        Names = await staff.FullNamesAsync([.. View.Events.Select(e => e.Actor).Concat(View.Events.SelectMany(e => EventDetail.People(e.Detail))).Concat(Progress.Tasks.Select(t => t.Holder)).OfType<string>().Distinct()], ct);
        HasStopNotice = dossier.ClosedAt is { } closed && FormSets.On(DateOnly.FromDateTime(VietnamTime.ToVietnam(closed).DateTime)).Number("stop") is not null;
        if (Progress.Apologies.Count >= Rule.MaxReappointments)
        {
            Actions = [.. Actions.Where(a => a != DossierAction.Apologise)]; // refused anyway; the page says why
        }

        Actions = [.. Actions.OrderBy(a => Array.IndexOf(Likeliest, a))];
        Steps = (await catalog.VersionAsync(dossier.ProcedureVersionId, ct))?.Steps ?? [];
        CurrentStep = dossier.CurrentStep;
        WarnedWithoutApology = dossier.WarnedAt is not null && dossier.ResolvedAt is null;
        if (Actions.Contains(DossierAction.Assign) && Progress.Tasks.LastOrDefault(t => t.Kind == TaskKind.Step && t.EndedAt is null) is { } open)
        {
            Assignees = await staff.InRoleAtAsync([open.UnitId], open.Role, ct);
        }

        if (Actions.Contains(DossierAction.Consult))
        {
            var today = VietnamTime.Today(clock);
            Agencies = [.. (await tree.AllAsync(ct)).Where(u => !u.ReceivesDossiers && u.IsValidOn(today)).OrderBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))];
        }

        return true;
    }
}
