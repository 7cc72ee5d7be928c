using MotCua.Infrastructure.Background;

namespace MotCua.Features.Workflow;

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

    /// <summary>The deadline sweeper's: first a period after start.</summary>
    public JobSchedule Schedule => new(SweeperEnabled, SweepEvery, RunAtStart: false);
}
