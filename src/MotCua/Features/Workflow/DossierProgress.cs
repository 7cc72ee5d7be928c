using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Workflow;

public sealed record TaskView(
    int StepIndex, string StepName, TaskKind Kind, Guid UnitId, string UnitCode, string UnitName, string Role, string? Holder,
    DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? EndedAt, string? EndedBy, string? EndAction, string? Outcome, bool Paused, string? Note);

public sealed record ApologyView(Guid Id, DateTimeOffset At, string By, string Reason, DateTimeOffset PreviousDueAt, DateTimeOffset NewDueAt, bool InTime, DateOnly? LatestOn);

public sealed record ProgressView(IReadOnlyList<TaskView> Tasks, IReadOnlyList<ApologyView> Apologies, IReadOnlyList<HandOver> ControlSlip, string? Outcome);

/// <summary>Where a dossier has been and is: its tasks with their deadlines and ratings, apologies, and the control slip rows.</summary>
public sealed class DossierProgress(AppDbContext db, DossierStore dossiers, UnitTree tree, StaffDirectory staff, TimeProvider clock)
{
    public async Task<ProgressView> ReadAsync(IDossier dossier, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var tasks = await db.Set<DossierTask>().AsNoTracking().Where(t => t.DossierId == dossier.Id).OrderBy(t => t.StartedAt).ThenBy(t => t.Id).ToListAsync(ct);
        var units = (await tree.FindManyAsync([.. tasks.Select(t => t.UnitId).Distinct()], ct)).ToDictionary(u => u.Id);
        string Name(Guid id) => units.TryGetValue(id, out var u) ? u.Name : "";
        var notes = await dossiers.Events.Where(e => e.DossierId == dossier.Id && (e.Note != null || e.Detail != null)).Select(e => new { e.At, e.Actor, e.Note, e.Detail }).ToListAsync(ct);
        var officers = await staff.FullNamesAsync([.. tasks.Select(t => t.EndedBy).OfType<string>().Concat(notes.SelectMany(n => EventDetail.People(n.Detail))).Distinct()], ct);
        var views = tasks.Select(t => new TaskView(
            t.StepIndex, t.StepName, t.Kind, t.UnitId, units.TryGetValue(t.UnitId, out var u) ? u.Code : "", Name(t.UnitId), t.Role, t.Holder,
            Vn(t.StartedAt), Vn(t.DueAt), t.EndedAt is { } e ? Vn(e) : null, t.EndedBy, Camel(t.EndAction), Camel(t.Outcome), t.PausedAt is not null, t.Note)).ToList();

        var apologies = (await db.Set<DossierApology>().AsNoTracking().Where(a => a.DossierId == dossier.Id).ToListAsync(ct))
            .OrderBy(a => a.At)
            .Select(a => new ApologyView(a.Id, Vn(a.At), a.By, a.Reason, Vn(a.PreviousDueAt), Vn(a.NewDueAt), a.InTime, a.LatestOn)).ToList();

        // One row per hand-over: a step ended and the next one started (or the dossier ended).
        var steps = tasks.Where(t => t.EndedAt is not null).OrderBy(t => t.EndedAt).ToList();
        var slip = new List<HandOver>();
        foreach (var t in steps)
        {
            var next = tasks.Where(n => n.Kind == TaskKind.Step && n.StartedAt >= t.EndedAt!.Value && n.Id != t.Id).OrderBy(n => n.StartedAt).FirstOrDefault();
            var (to, ending) = t.Kind == TaskKind.Consultation ? (null, EnumNames.Of(DossierAction.ConsultReply))
                : next is not null ? ($"{next.StepName} ({Name(next.UnitId)})", null)
                : ((string?)null, Camel(t.EndAction));
            slip.Add(new HandOver($"{t.StepName} ({Name(t.UnitId)})", to, ending, Vn(t.EndedAt!.Value), Camel(t.Outcome) ?? "", Camel(t.EndAction), t.EndedBy is { } by ? officers.GetValueOrDefault(by, by) : null,
                notes.FirstOrDefault(n => n.At == t.EndedAt && n.Actor == t.EndedBy) is { } n ? EventDetail.Line(n.Note, n.Detail, u => officers.GetValueOrDefault(u, u)) : null));
        }

        var outcome = dossier.ResolvedAt is { } resolved ? Deadline.Rate(resolved, dossier.DueAt)
            : dossier.ClosedAt is null && dossier.PausedAt is null && clock.GetUtcNow() > dossier.DueAt ? Timeliness.Late : (Timeliness?)null;
        return new ProgressView(views, apologies, slip, Camel(outcome));
    }

    private static string? Camel<T>(T? value)
        where T : struct, Enum => value is { } v ? EnumNames.Of(v) : null;

    private static DateTimeOffset Vn(DateTimeOffset at) => VietnamTime.ToVietnam(at);
}
