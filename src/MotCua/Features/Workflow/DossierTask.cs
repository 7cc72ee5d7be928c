using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Workflow;

/// <summary>
/// A piece of work on a dossier held by one agency: a process step, or a consultation asked of another agency.
/// Its due instant comes from the step's allotted hours; when it ends it is rated early, on time or late. The open
/// tasks are every inbox; the ended ones, in order, are the processing control slip (form 05/06).
/// </summary>
public sealed class DossierTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    /// <summary>Copied from the dossier (never changes): inboxes filter and sort without reading dossiers.</summary>
    public required string DossierCode { get; init; }

    public required string ProcedureCode { get; init; }

    public int StepIndex { get; init; }

    public required string StepName { get; init; }

    public TaskKind Kind { get; init; }

    /// <summary>The agency that holds the task.</summary>
    public Guid UnitId { get; init; }

    /// <summary>The role whose inbox shows the task.</summary>
    public required string Role { get; init; }

    /// <summary>The officer it is assigned to; null while any officer of the role at the agency may take it.</summary>
    public string? Holder { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>Set while the dossier waits for the citizen's supplement (the clock is stopped).</summary>
    public DateTimeOffset? PausedAt { get; set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedBy { get; private set; }

    /// <summary>The action that ended the task.</summary>
    public DossierAction? EndAction { get; private set; }

    /// <summary>How it ended against its deadline.</summary>
    public Timeliness? Outcome { get; private set; }

    /// <summary>For a consultation: what was asked, then the answer.</summary>
    public string? Note { get; set; }

    /// <summary>A new open task of the dossier at <paramref name="unitId"/>, for the role (and the holder, when one is named).</summary>
    public static DossierTask Open(IDossier dossier, int stepIndex, string stepName, TaskKind kind, Guid unitId, string role, DateTimeOffset startedAt, DateTimeOffset dueAt, string? holder = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return new DossierTask
        {
            DossierId = dossier.Id, DossierCode = dossier.Code, ProcedureCode = dossier.ProcedureCode, StepIndex = stepIndex, StepName = stepName, Kind = kind,
            UnitId = unitId, Role = role, Holder = holder is { Length: > 0 } ? holder.Trim() : null, StartedAt = startedAt, DueAt = dueAt, Note = note,
        };
    }

    /// <summary>The task ends by an action, rated against its deadline.</summary>
    public void End(DateTimeOffset at, string? by, DossierAction action)
    {
        EndedAt = at;
        EndedBy = by;
        EndAction = action;
        Outcome = Deadline.Rate(at, DueAt);
    }
}

/// <summary>An apology and new appointment (form 04), made before the deadline passes when a dossier will be late.</summary>
public sealed class DossierApology
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string By { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset PreviousDueAt { get; init; }

    public DateTimeOffset NewDueAt { get; init; }

    /// <summary>Whether it was made by <see cref="LatestOn"/>, as the rule in force asks.</summary>
    public bool InTime { get; init; }

    /// <summary>The last day the rule allowed it: working days before the deadline it moves (<see cref="OneStopRule"/>).</summary>
    public DateOnly? LatestOn { get; init; }

    /// <summary>The article the apology's timing and the once-only re-appointment rest on.</summary>
    public string? Basis { get; init; }
}

internal sealed class WorkflowConfiguration : IEntityTypeConfiguration<DossierTask>, IEntityTypeConfiguration<DossierApology>
{
    public void Configure(EntityTypeBuilder<DossierTask> builder)
    {
        builder.ToTable("workflow_task");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.DossierId, x.StartedAt });
        // The inboxes: open tasks of an agency by urgency. Partial, so a million finished tasks cost nothing here.
        // Covering: counts by urgency, the filters and the choice of a page's rows read the index alone.
        builder.HasIndex(x => new { x.UnitId, x.DueAt, x.Role, x.Holder, x.PausedAt, x.Kind, x.ProcedureCode, x.Id })
            .HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_workflow_task_open");
        builder.Property(x => x.DossierCode).HasMaxLength(40);
        builder.Property(x => x.ProcedureCode).HasMaxLength(40);
        builder.Property(x => x.StepName).HasMaxLength(300);
        builder.Property(x => x.Kind).HasConversion<CamelCaseEnumConverter<TaskKind>>().HasMaxLength(20);
        builder.Property(x => x.Role).HasMaxLength(40);
        builder.Property(x => x.Holder).HasMaxLength(100);
        builder.Property(x => x.EndedBy).HasMaxLength(100);
        builder.Property(x => x.EndAction).HasConversion<CamelCaseEnumConverter<DossierAction>>().HasMaxLength(40);
        builder.Property(x => x.Outcome).HasConversion<CamelCaseEnumConverter<Timeliness>>().HasMaxLength(20);
        builder.Property(x => x.Note).HasMaxLength(2000);
        DossierStore.ReferencedBy(builder, x => x.DossierId);
    }

    public void Configure(EntityTypeBuilder<DossierApology> builder)
    {
        builder.ToTable("workflow_apology");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.DossierId);
        builder.HasIndex(x => x.At); // the reports count a period's apologies
        builder.Property(x => x.By).HasMaxLength(100);
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.Basis).HasMaxLength(300);
        DossierStore.ReferencedBy(builder, x => x.DossierId);
    }
}

/// <summary>The dossiers on which units hold (or held) a task: staff of those units may read them.</summary>
internal sealed class TaskHolders(AppDbContext db) : IDossierHolders
{
    public IQueryable<Guid> DossiersHeldBy(IReadOnlyCollection<Guid> unitIds) =>
        db.Set<DossierTask>().Where(t => unitIds.Contains(t.UnitId)).Select(t => t.DossierId);
}
