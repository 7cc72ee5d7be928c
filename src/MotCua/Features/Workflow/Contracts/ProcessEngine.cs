using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Features.Reports.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Workflow.Contracts;

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

/// <summary>
/// Moves dossiers through their procedure's internal process. What each action does is here; who may take it in
/// which step is <see cref="ProcessRules"/> (data). A transition is one transaction: the dossier (guarded by its
/// version), its tasks, its hash-chained event and the messages it causes are written together or not at all.
/// </summary>
public sealed class ProcessEngine(
    AppDbContext db, DossierReader reader, CatalogReader catalog, ICalendar calendars, OfficeHoursReader hours, StepAgencies agencies,
    UnitScope scope, UnitTree tree, StaffDirectory staff, PublicLinks links, TimeProvider clock)
{
    // Fields, so that a transition (a nested class) reaches the services too.
    private readonly AppDbContext db = db;
    private readonly ICalendar calendars = calendars;
    private readonly OfficeHoursReader hours = hours;
    private readonly StepAgencies agencies = agencies;
    private readonly UnitTree tree = tree;
    private readonly StaffDirectory staff = staff;
    private readonly PublicLinks links = links;
    private readonly TimeProvider clock = clock;

    private static readonly DossierStatus[] Closed = [DossierStatus.Returned, DossierStatus.Refused, DossierStatus.Stopped];
    private static readonly string[] NeedNote = ["sendBack", "consult", "consultReply", "requestSupplement", "refuse", "stop", "apologise"];

    /// <summary>The actions the caller could take on the dossier now (what the dossier page offers).</summary>
    public async Task<IReadOnlyList<string>> AvailableAsync(Dossier dossier, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var version = await catalog.VersionAsync(dossier.ProcedureVersionId, ct);
        if (version is null)
        {
            return [];
        }

        var tasks = await db.Set<DossierTask>().AsNoTracking().Where(t => t.DossierId == dossier.Id && t.EndedAt == null).ToListAsync(ct);
        var available = new List<string>();
        foreach (var action in ProcessRules.Actions)
        {
            if (await CheckAsync(dossier, version, tasks, action, user, ct) is null)
            {
                available.Add(action);
            }
        }

        return available;
    }

    /// <summary>Takes the action; <paramref name="alsoInTransaction"/> is more work committed with it (e.g. storing the scanned result that is returned).</summary>
    public async Task<ActionResult> ActAsync(string code, ActionRequest request, ClaimsPrincipal user, Func<Dossier, Task>? alsoInTransaction = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        if (await reader.FindAsync(code, user, ct) is not { } found)
        {
            return new ActionResult(ActionOutcome.NotFound);
        }

        var action = request.Action?.Trim() ?? "";
        if (!ProcessRules.Actions.Contains(action))
        {
            return ActionResult.Invalid("action", $"Không có thao tác '{action}'. Các thao tác: {string.Join(", ", ProcessRules.Actions)}.");
        }

        if (request.ExpectedVersion is not { } expected)
        {
            return ActionResult.Invalid("expectedVersion", "Cần phiên bản hồ sơ đang xem (expectedVersion).");
        }

        if (NeedNote.Contains(action) && string.IsNullOrWhiteSpace(request.Note))
        {
            return ActionResult.Invalid("note", action == "apologise" ? "Cần nêu lý do chậm trễ." : "Cần ghi nội dung (lý do, yêu cầu hoặc trả lời).");
        }

        if (request.Note is { Length: > 2000 })
        {
            return ActionResult.Invalid("note", "Nội dung tối đa 2000 ký tự.");
        }

        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var dossier = await db.Set<Dossier>().FirstAsync(d => d.Id == found.Id, ct);
        if (dossier.Version != expected)
        {
            return new ActionResult(ActionOutcome.Stale, "expectedVersion", $"Hồ sơ đã được người khác xử lý (phiên bản hiện tại {dossier.Version}).");
        }

        var version = await catalog.VersionAsync(dossier.ProcedureVersionId, ct)
            ?? throw new InvalidOperationException($"Procedure version {dossier.ProcedureVersionId} of {dossier.Code} is missing.");
        var tasks = await db.Set<DossierTask>().Where(t => t.DossierId == dossier.Id && t.EndedAt == null).ToListAsync(ct);
        if (await CheckAsync(dossier, version, tasks, action, user, ct) is { } refused)
        {
            return refused;
        }

        var transition = new Transition(this, dossier, version, tasks, user.Identity?.Name ?? "", clock.GetUtcNow().ToUniversalTime());
        var result = await transition.ApplyAsync(action, request, user, ct);
        if (result.Outcome != ActionOutcome.Done)
        {
            return result;
        }

        dossier.Version++;
        try
        {
            if (alsoInTransaction is not null)
            {
                await alsoInTransaction(dossier);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another transition (or the sweeper) changed the dossier or its history since it was read: one wins.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ActionResult(ActionOutcome.Stale, "expectedVersion", "Hồ sơ vừa được người khác xử lý; tải lại để xem.");
        }

        return ActionResult.Done;
    }

    /// <summary>Null when the caller may take the action now; otherwise why not (400 for the state, 403 for the caller).</summary>
    private async Task<ActionResult?> CheckAsync(Dossier dossier, ProcedureVersion version, List<DossierTask> tasks, string action, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Closed.Contains(dossier.Status))
        {
            return ActionResult.Invalid("action", $"Hồ sơ đã kết thúc ({DossierReader.Status(dossier.Status)}).");
        }

        var stateError = (dossier.Status, action) switch
        {
            (DossierStatus.WaitingSupplement, not ("supplementReceived" or "refuse" or "stop")) => "Hồ sơ đang chờ công dân bổ sung.",
            (not DossierStatus.WaitingSupplement, "supplementReceived") => "Hồ sơ không chờ bổ sung.",
            (DossierStatus.ResultReady, not ("returnResult" or "sendBack")) => "Kết quả đã có; chỉ còn trả kết quả.",
            (not DossierStatus.ResultReady, "returnResult") => "Kết quả chưa được ban hành.",
            _ => null,
        };
        if ((stateError ?? StructureError(action, dossier.CurrentStep, version.Steps)) is { } error)
        {
            return ActionResult.Invalid("action", error);
        }

        var step = tasks.FirstOrDefault(t => t.Kind == "step");
        DossierTask? target;
        string profile;
        if (action == "consultReply")
        {
            var mine = await CurrentUnitsAsync(user, ct);
            var consultations = tasks.Where(t => t.Kind == ProcessRules.Consultation).ToList();
            if (consultations.Count == 0)
            {
                return ActionResult.Invalid("action", "Không có yêu cầu xin ý kiến nào đang mở.");
            }

            target = consultations.FirstOrDefault(t => mine.Contains(t.UnitId)) ?? consultations[0];
            profile = ProcessRules.Consultation;
        }
        else
        {
            target = step;
            profile = ProcessRules.Current.ProfileOf(version.Steps, Math.Min(dossier.CurrentStep, version.Steps.Count - 1));
        }

        var stepName = version.Steps[Math.Min(dossier.CurrentStep, version.Steps.Count - 1)].Name;
        if (ProcessRules.Current.RolesFor(profile, action) is not { } roles)
        {
            return ActionResult.Invalid("action", $"Thao tác '{action}' không có ở bước \"{stepName}\".");
        }

        if (!roles.Any(user.IsInRole))
        {
            return ActionResult.Forbidden($"Ở bước \"{stepName}\", thao tác '{action}' dành cho: {string.Join(", ", roles)}.");
        }

        var actingUnit = action switch
        {
            "supplementReceived" or "returnResult" => dossier.OfficeId,
            "apologise" => (await agencies.ResponsibleAsync(dossier.OfficeId, VietnamTime.Today(clock), ct))?.Id ?? dossier.OfficeId,
            _ => target?.UnitId ?? dossier.OfficeId,
        };
        if (!await WorksAtAsync(user, actingUnit, ct))
        {
            return ActionResult.Forbidden("Bước này do cơ quan khác thực hiện; bạn không làm việc tại cơ quan đó.");
        }

        var holderWork = action is "forward" or "approve" or "issueResult" or "consult" or "requestSupplement";
        if (holderWork && target?.Holder is { Length: > 0 } holder && holder != user.Identity?.Name && !user.IsInRole(Roles.Leader))
        {
            return ActionResult.Forbidden($"Hồ sơ đang được giao cho {holder}.");
        }

        return null;
    }

    /// <summary>Whether the process allows the move from this step at all, whoever asks.</summary>
    private static string? StructureError(string action, int current, List<ProcessStep> steps)
    {
        var next = current + 1;
        var intoReturn = next < steps.Count && ProcessRules.IsReturnStep(steps, next);
        return action switch
        {
            "forward" or "approve" or "issueResult" when next >= steps.Count => "Đây là bước cuối của quy trình.",
            "forward" when intoReturn => "Bước tiếp theo là trả kết quả: dùng 'issueResult' (hoặc 'approve' khi lãnh đạo ký).",
            "issueResult" when !intoReturn => "Chỉ ban hành kết quả ở bước xử lý cuối cùng.",
            "sendBack" when current == 0 => "Hồ sơ đang ở bước đầu tiên.",
            _ => null,
        };
    }

    private async Task<HashSet<Guid>> CurrentUnitsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        [.. await scope.CurrentUnitIdsAsync(AccountClaims.AccountId(user) ?? Guid.Empty, ct)];

    /// <summary>Whether the caller works today at the unit, or at a unit that succeeded it after one merger or several.</summary>
    private async Task<bool> WorksAtAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct) =>
        UnitTree.AndPredecessors(await tree.LinksAsync(ct), await CurrentUnitsAsync(user, ct)).Contains(unitId);

    /// <summary>One transition's working state.</summary>
    private sealed class Transition(ProcessEngine engine, Dossier dossier, ProcedureVersion version, List<DossierTask> tasks, string actor, DateTimeOffset now)
    {
        private readonly AppDbContext db = engine.db;
        private DossierTask? Step => tasks.FirstOrDefault(t => t.Kind == "step");

        private string StepName(int index) => version.Steps[Math.Clamp(index, 0, version.Steps.Count - 1)].Name;

        public async Task<ActionResult> ApplyAsync(string action, ActionRequest r, ClaimsPrincipal user, CancellationToken ct)
        {
            var note = r.Note?.Trim();
            var from = StepName(dossier.CurrentStep);
            var to = from;
            string? detail = null;
            switch (action)
            {
                case "assign":
                {
                    if (Step is not { } task)
                    {
                        return ActionResult.Invalid("action", "Không có bước đang mở.");
                    }

                    if (await AssigneeErrorAsync(r.Assignee, task.UnitId, task.Role, ct) is { } error)
                    {
                        return ActionResult.Invalid("assignee", error);
                    }

                    task.Holder = r.Assignee!.Trim();
                    detail = $"Giao cho {task.Holder}.";
                    Outbox.ToStaff(db, task.Holder, $"{dossier.Code}/assign/{now.ToUnixTimeMilliseconds()}", $"Được giao hồ sơ {dossier.Code}",
                        $"{dossier.ProcedureName}: hạn bước {Describe(task.DueAt)}.", DossierPage(), now);
                    break;
                }

                case "forward" or "approve" or "issueResult":
                {
                    var next = dossier.CurrentStep + 1;
                    var intoReturn = ProcessRules.IsReturnStep(version.Steps, next);
                    if (await MoveAsync(next, action, r.Assignee, ct) is { } error)
                    {
                        return error;
                    }

                    to = StepName(next);
                    if (intoReturn)
                    {
                        dossier.Status = DossierStatus.ResultReady;
                        dossier.ResolvedAt = now;
                        dossier.Timeliness = DossierTask.Rate(now, dossier.DueAt);
                        dossier.ResolvedSameDay = VietnamTime.ToVietnam(now).Date == VietnamTime.ToVietnam(dossier.ReceivedAt).Date;
                        detail = $"Kết quả đã có ({Rating(now, dossier.DueAt)}).";
                        ToCitizen("result", $"Hồ sơ {dossier.Code} đã có kết quả",
                            $"Kết quả giải quyết hồ sơ \"{dossier.ProcedureName}\" đã có. Mời Ông/Bà đến nhận theo giấy hẹn (hẹn trả {Describe(dossier.DueAt)}).");
                    }

                    break;
                }

                case "sendBack":
                {
                    var back = r.ToStep ?? dossier.CurrentStep - 1;
                    if (back < 0 || back >= dossier.CurrentStep)
                    {
                        return ActionResult.Invalid("toStep", $"Chỉ trả lại một bước trước (0 đến {dossier.CurrentStep - 1}).");
                    }

                    var previousHolder = await db.Set<DossierTask>().AsNoTracking()
                        .Where(t => t.DossierId == dossier.Id && t.Kind == "step" && t.StepIndex == back && t.EndedAt != null)
                        .OrderByDescending(t => t.EndedAt).Select(t => t.EndedBy).FirstOrDefaultAsync(ct);
                    if (await MoveAsync(back, action, previousHolder, ct) is { } error)
                    {
                        return error;
                    }

                    if (dossier.Status == DossierStatus.ResultReady)
                    {
                        if (dossier.ResolvedAt is { } resolvedAt)
                        {
                            StaleReportDay.Mark(db, resolvedAt, now);
                        }

                        dossier.Status = DossierStatus.InProgress;
                        dossier.ResolvedAt = null;
                        dossier.Timeliness = null;
                        dossier.ResolvedSameDay = false;
                    }

                    to = StepName(back);
                    break;
                }

                case "consult":
                {
                    var unit = r.Agency is { Length: > 0 } agency ? await engine.tree.FindByCodeAsync(agency.Trim(), ct) : null;
                    var today = VietnamTime.Today(engine.clock);
                    if (unit is null || !(unit.ValidFrom <= today && (unit.ValidTo is null || unit.ValidTo >= today)))
                    {
                        return ActionResult.Invalid("agency", "Cần mã cơ quan được xin ý kiến (đang hoạt động).");
                    }

                    var days = r.WorkingDays ?? 2;
                    if (days is < 1 or > 30)
                    {
                        return ActionResult.Invalid("workingDays", "Thời hạn trả lời từ 1 đến 30 ngày làm việc.");
                    }

                    var calendar = await engine.calendars.GetAsync(ct);
                    var due = calendar.AddWorkingHours(now, days * 8, await engine.hours.ForOfficeAsync(dossier.OfficeId, ct));
                    db.Add(new DossierTask
                    {
                        DossierId = dossier.Id, DossierCode = dossier.Code, ProcedureCode = dossier.ProcedureCode, StepIndex = dossier.CurrentStep,
                        StepName = $"Xin ý kiến: {unit.Name}", Kind = ProcessRules.Consultation, UnitId = unit.Id, Role = Roles.Specialist,
                        StartedAt = now, DueAt = due, Note = note,
                    });
                    to = $"Xin ý kiến: {unit.Name}";
                    detail = $"Hạn trả lời {Describe(due)} ({days} ngày làm việc, tính riêng cho {unit.Name}).";
                    break;
                }

                case "consultReply":
                {
                    var mine = await engine.CurrentUnitsAsync(user, ct);
                    var consultation = tasks.Where(t => t.Kind == ProcessRules.Consultation).OrderBy(t => mine.Contains(t.UnitId) ? 0 : 1).First();
                    Close(consultation, action);
                    consultation.Note = $"{consultation.Note} — Trả lời: {note}";
                    from = consultation.StepName;
                    to = StepName(dossier.CurrentStep);
                    detail = $"Trả lời {Rating(now, consultation.DueAt)}.";
                    break;
                }

                case "requestSupplement":
                    dossier.Status = DossierStatus.WaitingSupplement;
                    dossier.PausedAt = now;
                    if (Step is { } paused)
                    {
                        paused.PausedAt = now;
                    }

                    detail = "Dừng tính thời gian chờ công dân bổ sung.";
                    ToCitizen("supplement", $"Hồ sơ {dossier.Code} cần bổ sung",
                        $"Hồ sơ \"{dossier.ProcedureName}\" cần bổ sung, hoàn thiện: {note}. Thời gian giải quyết tạm dừng đến khi Ông/Bà bổ sung đủ.");
                    break;

                case "supplementReceived":
                {
                    var calendar = await engine.calendars.GetAsync(ct);
                    var office = await engine.hours.ForOfficeAsync(dossier.OfficeId, ct);
                    var pausedOn = DateOnly.FromDateTime(VietnamTime.ToVietnam(dossier.PausedAt!.Value).DateTime);
                    var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(now).DateTime);
                    var previous = dossier.DueDate;
                    var pausedDays = calendar.WorkingDaysBetween(pausedOn, today);
                    dossier.DueDate = calendar.AfterPause(dossier.DueDate, dossier.LegalWorkingDays, pausedOn, today, version.ClockPolicy);
                    dossier.DueAt = new DateTimeOffset(dossier.DueDate.ToDateTime(office.EndOfDay), VietnamTime.Offset).ToUniversalTime();
                    dossier.PausedAt = null;
                    dossier.WarnedAt = null;
                    dossier.Status = dossier.CurrentStep == 0 ? DossierStatus.Received : DossierStatus.InProgress;
                    if (Step is { } task)
                    {
                        task.DueAt = version.ClockPolicy == ClockPolicy.Restart
                            ? calendar.AddWorkingHours(now, version.Steps[task.StepIndex].AllottedHours, office)
                            : Shift(calendar, task.DueAt, pausedDays);
                        task.PausedAt = null;
                    }

                    detail = version.ClockPolicy == ClockPolicy.Restart
                        ? $"Hồ sơ đủ; tính lại từ đầu: hẹn trả {dossier.DueDate:dd/MM/yyyy} (trước đó {previous:dd/MM/yyyy})."
                        : $"Hồ sơ đủ; tính tiếp, cộng {pausedDays} ngày làm việc đã dừng: hẹn trả {dossier.DueDate:dd/MM/yyyy} (trước đó {previous:dd/MM/yyyy}).";
                    ToCitizen("supplementReceived", $"Hồ sơ {dossier.Code} đã đủ", $"Hồ sơ đã được bổ sung đủ. Hẹn trả kết quả mới: {Describe(dossier.DueAt)}.");
                    break;
                }

                case "refuse" or "stop":
                    foreach (var task in tasks)
                    {
                        Close(task, action);
                    }

                    dossier.Status = action == "refuse" ? DossierStatus.Refused : DossierStatus.Stopped;
                    dossier.ClosedAt = now;
                    to = action == "refuse" ? "refused" : "stopped";
                    ToCitizen(action, action == "refuse" ? $"Hồ sơ {dossier.Code} không được giải quyết" : $"Dừng xử lý hồ sơ {dossier.Code}",
                        $"Hồ sơ \"{dossier.ProcedureName}\": {note}");
                    break;

                case "returnResult":
                {
                    if (string.IsNullOrWhiteSpace(r.ReceivedBy))
                    {
                        return ActionResult.Invalid("receivedBy", "Cần họ tên người nhận kết quả.");
                    }

                    if (r.FeesCollected < 0)
                    {
                        return ActionResult.Invalid("feesCollected", "Số tiền thu không âm.");
                    }

                    foreach (var task in tasks)
                    {
                        Close(task, action);
                    }

                    dossier.Status = DossierStatus.Returned;
                    dossier.ClosedAt = now;
                    to = "returned";
                    detail = $"Trả kết quả {(r.ByPost ? "qua bưu chính" : "tại quầy")} cho {r.ReceivedBy.Trim()}; thu {r.FeesCollected.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đồng.";
                    break;
                }

                case "apologise":
                {
                    var calendar = await engine.calendars.GetAsync(ct);
                    if (r.NewDueDate is not { } newDate || newDate <= dossier.DueDate || !WorkingDayCalendar.InRange(newDate) || !calendar.IsWorkingDay(newDate))
                    {
                        return ActionResult.Invalid("newDueDate", $"Cần ngày hẹn mới là ngày làm việc sau {dossier.DueDate:dd/MM/yyyy}.");
                    }

                    var office = await engine.hours.ForOfficeAsync(dossier.OfficeId, ct);
                    var newDueAt = new DateTimeOffset(newDate.ToDateTime(office.EndOfDay), VietnamTime.Offset).ToUniversalTime();
                    db.Add(new DossierApology { DossierId = dossier.Id, At = now, By = actor, Reason = note!, PreviousDueAt = dossier.DueAt, NewDueAt = newDueAt, InTime = now <= dossier.DueAt });
                    detail = $"Xin lỗi và hẹn lại: {Describe(dossier.DueAt)} → {Describe(newDueAt)}{(now <= dossier.DueAt ? "" : " (lập sau khi đã quá hạn)")}.";
                    ToCitizen("apology", $"Hồ sơ {dossier.Code}: xin lỗi và hẹn lại ngày trả kết quả",
                        $"Cơ quan giải quyết xin lỗi vì hồ sơ \"{dossier.ProcedureName}\" chưa có kết quả đúng hẹn ({Describe(dossier.DueAt)}). Lý do: {note}. Hẹn trả mới: {Describe(newDueAt)}.");
                    dossier.DueDate = newDate;
                    dossier.DueAt = newDueAt;
                    dossier.WarnedAt = null;
                    dossier.OverdueAt = null;
                    break;
                }

                default:
                    return ActionResult.Invalid("action", $"Không có thao tác '{action}'.");
            }

            var text = string.Join(' ', new[] { note, detail }.Where(s => s is { Length: > 0 }));
            var e = await DossierEvents.AppendAsync(db, dossier.Id, now, action, actor, from, to, text.Length == 0 ? null : text, ct);
            foreach (var (kind, subject, body) in citizenMessages)
            {
                Outbox.ToCitizen(db, new CitizenContact(dossier.ApplicantIdNumber, dossier.ApplicantEmail, dossier.ApplicantPhone),
                    $"{dossier.Code}/{e.Seq}/{kind}", subject, body, engine.links.Track(dossier.Code, dossier.TrackingKey), now);
            }

            return ActionResult.Done;
        }

        /// <summary>Messages to the citizen this transition causes; written with its event, keyed by it.</summary>
        private readonly List<(string Kind, string Subject, string Body)> citizenMessages = [];

        private void ToCitizen(string kind, string subject, string body) => citizenMessages.Add((kind, subject, body));

        private string DossierPage() => "/Workflow/Dossier/" + Uri.EscapeDataString(dossier.Code);

        private void Close(DossierTask task, string action)
        {
            task.EndedAt = now;
            task.EndedBy = actor;
            task.EndAction = action;
            task.Outcome = DossierTask.Rate(now, task.DueAt);
        }

        private async Task<ActionResult?> MoveAsync(int to, string action, string? holder, CancellationToken ct)
        {
            var step = version.Steps[to];
            var today = VietnamTime.Today(engine.clock);
            if (await engine.agencies.ResolveAsync(dossier.OfficeId, step, today, ct) is not { } unit)
            {
                return ActionResult.Invalid("action", $"Không tìm thấy cơ quan thực hiện bước \"{step.Name}\" ({step.Agency}); kiểm tra chức năng của đơn vị.");
            }

            if (holder is { Length: > 0 } && action != "sendBack" && await AssigneeErrorAsync(holder, unit.Id, step.Role, ct) is { } error)
            {
                return ActionResult.Invalid("assignee", error);
            }

            if (Step is { } current)
            {
                Close(current, action);
            }

            var calendar = await engine.calendars.GetAsync(ct);
            var due = ProcessRules.IsReturnStep(version.Steps, to)
                ? dossier.DueAt
                : calendar.AddWorkingHours(now, step.AllottedHours, await engine.hours.ForOfficeAsync(dossier.OfficeId, ct));
            db.Add(new DossierTask
            {
                DossierId = dossier.Id, DossierCode = dossier.Code, ProcedureCode = dossier.ProcedureCode, StepIndex = to, StepName = step.Name, Kind = "step",
                UnitId = unit.Id, Role = step.Role, Holder = holder is { Length: > 0 } ? holder.Trim() : null, StartedAt = now, DueAt = due,
            });
            if (holder is { Length: > 0 } h && h != actor)
            {
                Outbox.ToStaff(db, h.Trim(), $"{dossier.Code}/{action}/{now.ToUnixTimeMilliseconds()}", $"Hồ sơ {dossier.Code} chuyển đến bạn",
                    $"{dossier.ProcedureName} — bước \"{step.Name}\", hạn {Describe(due)}.", DossierPage(), now);
            }

            dossier.CurrentStep = to;
            dossier.Status = to == 0 ? DossierStatus.Received : DossierStatus.InProgress;
            return null;
        }

        private async Task<string?> AssigneeErrorAsync(string? username, Guid unitId, string role, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(username))
            {
                return "Cần tài khoản người được giao (assignee).";
            }

            var people = await engine.staff.InRoleAtAsync([unitId], role, ct);
            return people.Any(p => p.Username == username.Trim()) ? null : $"'{username}' không phải {role} của cơ quan thực hiện bước này.";
        }

        private static DateTimeOffset Shift(WorkingDayCalendar calendar, DateTimeOffset due, int workingDays)
        {
            var local = VietnamTime.ToVietnam(due);
            var day = calendar.AddWorkingDays(DateOnly.FromDateTime(local.DateTime), workingDays);
            return new DateTimeOffset(day.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)), VietnamTime.Offset).ToUniversalTime();
        }

        private static string Rating(DateTimeOffset at, DateTimeOffset due) => DossierTask.Rate(at, due) switch
        {
            "early" => "trước hạn",
            "late" => "quá hạn",
            _ => "đúng hạn",
        };

        private static string Describe(DateTimeOffset instant) => DossierIntake.Describe(instant);
    }
}
