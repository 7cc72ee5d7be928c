using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Workflow.Contracts;

/// <summary>Configuration section "Workflow".</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>How long before a dossier's deadline its holder and the leader are warned (and asked for the apology if it will be late).</summary>
    public TimeSpan WarnBefore { get; set; } = TimeSpan.FromHours(8);

    /// <summary>What "due soon" means in an inbox.</summary>
    public TimeSpan DueSoon { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(1);

    public bool SweeperEnabled { get; set; } = true;
}

/// <summary>Puts a new dossier into its process: the intake step's task, and for a same-day procedure the handler's at once.</summary>
public sealed class WorkflowStart(AppDbContext db, StepAgencies agencies, ICalendar calendars, OfficeHoursReader hours, TimeProvider clock)
{
    /// <summary>Adds the first tasks (and, for a same-day dossier, the forward event) after the receive event.</summary>
    public async Task BeginAsync(Dossier dossier, ProcedureVersion version, DossierEvent received, string? actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(received);
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(clock);
        var calendar = await calendars.GetAsync(ct);
        var office = await hours.ForOfficeAsync(dossier.OfficeId, ct);
        var steps = version.Steps;
        var intake = new DossierTask
        {
            DossierId = dossier.Id, DossierCode = dossier.Code, ProcedureCode = dossier.ProcedureCode, StepIndex = 0, StepName = steps[0].Name, Kind = "step",
            UnitId = (await agencies.ResolveAsync(dossier.OfficeId, steps[0], today, ct))?.Id ?? dossier.OfficeId, Role = steps[0].Role, Holder = actor,
            StartedAt = dossier.ReceivedAt, DueAt = calendar.AddWorkingHours(dossier.ReceivedAt, steps[0].AllottedHours, office),
        };
        db.Add(intake);
        if (!version.SameDay || steps.Count < 2 || await agencies.ResolveAsync(dossier.OfficeId, steps[1], today, ct) is not { } handler)
        {
            return;
        }

        // "Ngày không hẹn": a same-day dossier goes to its handler at once.
        intake.EndedAt = now;
        intake.EndedBy = actor;
        intake.EndAction = "forward";
        intake.Outcome = DossierTask.Rate(now, intake.DueAt);
        db.Add(new DossierTask
        {
            DossierId = dossier.Id, DossierCode = dossier.Code, ProcedureCode = dossier.ProcedureCode, StepIndex = 1, StepName = steps[1].Name, Kind = "step",
            UnitId = handler.Id, Role = steps[1].Role, StartedAt = now,
            DueAt = ProcessRules.IsReturnStep(steps, 1) ? dossier.DueAt : calendar.AddWorkingHours(now, steps[1].AllottedHours, office),
        });
        dossier.CurrentStep = 1;
        dossier.Status = DossierStatus.InProgress;
        DossierEvents.Append(db, dossier.Id, received.Seq, received.Hash, now, "forward", actor, steps[0].Name, steps[1].Name,
            "Thủ tục giải quyết trong ngày: chuyển ngay cho người xử lý.");
    }
}
