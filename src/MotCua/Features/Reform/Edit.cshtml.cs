using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reform;

/// <summary>The reform office's forms for a unit: a plan with its targets, a finding to follow up, a document for the register, a steering committee and its meetings.</summary>
public sealed class EditModel(ReformDesk desk, LegalRegister register, Committees committees, UnitScope scope, UnitTree tree, TimeProvider clock) : PageModel
{
    public const int TargetRows = 6;

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty]
    public PlanInput Plan { get; set; } = new();

    [BindProperty]
    public FindingInput Finding { get; set; } = new();

    [BindProperty]
    public DocumentInput Document { get; set; } = new();

    [BindProperty]
    public CommitteeInput Committee { get; set; } = new();

    [BindProperty]
    public MeetingInput Meeting { get; set; } = new();

    /// <summary>The unit's committees, for the meeting form.</summary>
    public IReadOnlyList<CommitteeView> UnitCommittees { get; private set; } = [];

    public UnitInfo? Current { get; private set; }

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public string? Done { get; private set; }

    public static IReadOnlyList<string> Measures => ReformDesk.MeasureNames;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        var targets = Plan.Targets.Where(t => !string.IsNullOrWhiteSpace(t.Name)).Select(t => new NewTarget(t.Name, t.Measure, t.Target)).ToList();
        var result = await desk.AddPlanAsync(User, new NewReformPlan(Unit, Plan.Name, Plan.From, Plan.To, Plan.Decision, targets), ct);
        return await AfterAsync(result.Failure, "plan", Texts.Get("Reform.PlanAdded"), ct);
    }

    public async Task<IActionResult> OnPostFindingAsync(CancellationToken ct)
    {
        var body = new NewFinding(Finding.Source, Finding.Text, Finding.ResponsibleUnit, Finding.Deadline, Codes(Finding.Coordinating));
        var result = await desk.AddFindingAsync(User, body, ct);
        return await AfterAsync(result.Failure, "finding", Texts.Get("Reform.FindingAdded"), ct);
    }

    public async Task<IActionResult> OnPostDocumentAsync(CancellationToken ct)
    {
        var body = new NewLegalDocument(Unit, Document.Number, Document.Type, Document.Title, Document.IssuedOn, Document.EffectiveFrom, Document.ExpiresOn, Codes(Document.Replaces), Codes(Document.Amends));
        var result = await register.AddAsync(User, body, ct);
        return await AfterAsync(result.Failure, "document", Texts.Get("Reform.DocumentAdded"), ct);
    }

    public async Task<IActionResult> OnPostCommitteeAsync(CancellationToken ct)
    {
        var members = (Committee.Members ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var result = await committees.AddAsync(User, new NewCommittee(Unit, Committee.Name, Committee.Decision, Committee.Regulation, members), ct);
        return await AfterAsync(result.Failure, "committee", Texts.Get("Reform.CommitteeAdded"), ct);
    }

    public async Task<IActionResult> OnPostMeetingAsync(CancellationToken ct)
    {
        var result = await committees.MeetAsync(User, Meeting.Committee ?? Guid.Empty, new NewMeeting(Meeting.HeldOn, Meeting.Conclusions), ct);
        return await AfterAsync(result.Failure, "meeting", Texts.Get("Reform.MeetingAdded"), ct);
    }

    private static List<string> Codes(string? text) => [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A failure on the form's fields (ids <c>form-field</c>), or what was done; then the page again.</summary>
    private async Task<IActionResult> AfterAsync(Failure? failure, string form, string done, CancellationToken ct)
    {
        if (failure is null)
        {
            Done = done;
            (Plan, Finding, Document, Committee, Meeting) = (new(), new(), new(), new(), new());
            ModelState.Clear();
            return await ShowAsync(ct);
        }

        ModelState.Clear();
        failure.AddTo(ModelState, form);
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Current = await desk.VisibleUnitAsync(Unit, User, ct);
        if (Current is null)
        {
            return NotFound();
        }

        if (!User.IsInRole(Roles.Leader) && !User.IsInRole(Roles.Administrator))
        {
            return Forbid();
        }

        var visible = await scope.VisibleUnitIdsAsync(User, ct);
        var today = VietnamTime.Today(clock);
        Units = [.. (await tree.AllAsync(ct)).Where(u => visible.Contains(u.Id) && u.IsValidOn(today)).OrderBy(u => u.Code, StringComparer.Ordinal)];
        Plan.From ??= new DateOnly(today.Year, 1, 1);
        Plan.To ??= new DateOnly(today.Year, 12, 31);
        while (Plan.Targets.Count < TargetRows)
        {
            Plan.Targets.Add(new TargetInput());
        }

        Finding.ResponsibleUnit ??= Current.Code;
        UnitCommittees = await committees.ListAsync(Current, ct);
        Meeting.HeldOn ??= today;
        return Page();
    }

    public sealed class PlanInput
    {
        public string? Name { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public string? Decision { get; set; }

        public List<TargetInput> Targets { get; set; } = [];
    }

    public sealed class TargetInput
    {
        public string? Name { get; set; }

        public string? Measure { get; set; }

        public decimal? Target { get; set; }
    }

    public sealed class FindingInput
    {
        public string? Source { get; set; }

        public string? Text { get; set; }

        public string? ResponsibleUnit { get; set; }

        public string? Coordinating { get; set; }

        public DateOnly? Deadline { get; set; }
    }

    public sealed class DocumentInput
    {
        public string? Number { get; set; }

        public string? Type { get; set; } = "Quyết định";

        public string? Title { get; set; }

        public DateOnly? IssuedOn { get; set; }

        public DateOnly? EffectiveFrom { get; set; }

        public DateOnly? ExpiresOn { get; set; }

        public string? Replaces { get; set; }

        public string? Amends { get; set; }
    }

    public sealed class CommitteeInput
    {
        public string? Name { get; set; }

        public string? Decision { get; set; }

        public string? Regulation { get; set; }

        /// <summary>One member a line.</summary>
        public string? Members { get; set; }
    }

    public sealed class MeetingInput
    {
        public Guid? Committee { get; set; }

        public DateOnly? HeldOn { get; set; }

        public string? Conclusions { get; set; }
    }
}
