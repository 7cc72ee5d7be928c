using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Workflow;

public sealed record SweepResult(int Warned, int MarkedOverdue);

/// <summary>
/// Watches deadlines. A dossier whose due instant is near is flagged once, and its holder and the leaders who
/// answer for it are told, asking for the apology with a new date (form 04) if it will be late; a dossier past
/// its due instant is marked overdue (an event in its history) and they are told again. Only open dossiers near
/// or past their deadline are read, through the (status, due) index; one node sweeps at a time.
/// </summary>
public sealed class DeadlineSweeper(AppDbContext db, DossierStore dossiers, StaffDirectory staff, ICalendar calendars, IOptions<WorkflowOptions> options, TimeProvider clock) : IRecurringJob
{
    private const long LockKey = 0x4D6F74437561; // "MotCua"
    private static readonly DossierStatus[] Running = [DossierStatus.Received, DossierStatus.InProgress];

    public async Task<SweepResult> SweepAsync(CancellationToken ct = default)
    {
        await using var held = await AdvisoryLock.TryTakeAsync(db, LockKey, ct);
        if (held is null)
        {
            return new SweepResult(0, 0); // another node is sweeping
        }

        var now = clock.GetUtcNow();
        var warnUntil = await WarnUntilAsync(now, ct);
        var warned = await PassAsync(d => d.WarnedAt == null && d.OverdueAt == null && d.DueAt >= now && d.DueAt < warnUntil, Warn, ct);
        var overdue = await PassAsync(d => d.OverdueAt == null && d.DueAt < now, MarkOverdue, ct);
        return new SweepResult(warned, overdue);
    }

    public Task RunAsync(CancellationToken ct) => SweepAsync(ct);

    /// <summary>
    /// Dossiers due before this instant are warned: those within <see cref="WorkflowOptions.WarnBefore"/>, and those
    /// whose last day for an apology in time (<see cref="OneStopRule.ApologyWorkingDaysBefore"/>) has come.
    /// </summary>
    private async Task<DateTimeOffset> WarnUntilAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var calendar = await calendars.GetAsync(ct);
        var lastDue = calendar.AddWorkingDays(today, OneStopRules.On(today).ApologyWorkingDaysBefore);
        var byRule = new DateTimeOffset(lastDue.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).ToUniversalTime();
        var byHours = now + options.Value.WarnBefore;
        return byRule > byHours ? byRule : byHours;
    }

    private async Task<int> PassAsync(System.Linq.Expressions.Expression<Func<DossierRow, bool>> condition, Func<IDossier, DateTimeOffset, CancellationToken, Task> act, CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            var batch = await dossiers.ForChangeAsync(dossiers.Rows.Where(d => Running.Contains(d.Status)).Where(condition).OrderBy(d => d.DueAt).Take(200).Select(d => d.Id), ct);
            if (batch.Count == 0)
            {
                return done;
            }

            var now = clock.GetUtcNow();
            await using (var tx = await WriteTransaction.BeginAsync(db, ct))
            {
                foreach (var dossier in batch)
                {
                    await act(dossier, now, ct);
                    dossier.Touch();
                }

                try
                {
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    done += batch.Count;
                }
                catch (DbUpdateException)
                {
                    // An officer acted on one of them meanwhile; the next pass sees it afresh.
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return done;
                }
            }

            db.ChangeTracker.Clear();
            if (batch.Count < 200)
            {
                return done;
            }
        }
    }

    private async Task Warn(IDossier dossier, DateTimeOffset now, CancellationToken ct)
    {
        dossier.MarkWarned(now);
        await TellAsync(dossier, "warn", $"Hồ sơ {dossier.Code} sắp đến hạn",
            $"{dossier.ProcedureName}: hạn trả {DossierIntake.Describe(dossier.DueAt)}. Nếu không kịp, lập phiếu xin lỗi và hẹn lại ngày trả (mẫu 04) chậm nhất một ngày làm việc trước hạn; chỉ được hẹn lại một lần.", now, ct);
    }

    private async Task MarkOverdue(IDossier dossier, DateTimeOffset now, CancellationToken ct)
    {
        dossier.MarkOverdue(now);
        await DossierEvents.AppendAsync(db, dossier.Id, now, "overdue", "system", null, null, detail: EventDetail.Of("Event.Overdue", EventDetail.Instant(dossier.DueAt)), ct: ct);
        await TellAsync(dossier, "overdue", $"Hồ sơ {dossier.Code} đã quá hạn",
            $"{dossier.ProcedureName}: hạn trả {DossierIntake.Describe(dossier.DueAt)} đã qua. Cần xử lý ngay và xin lỗi công dân (mẫu 04).", now, ct);
    }

    /// <summary>The holder of the open step (or everyone in its role at its agency) and the leaders of that agency.</summary>
    private async Task TellAsync(IDossier dossier, string kind, string subject, string body, DateTimeOffset now, CancellationToken ct)
    {
        var task = await db.Set<DossierTask>().AsNoTracking().Where(t => t.DossierId == dossier.Id && t.EndedAt == null && t.Kind == TaskKind.Step).FirstOrDefaultAsync(ct);
        if (task is null)
        {
            return;
        }

        var people = new HashSet<string>(StringComparer.Ordinal);
        if (task.Holder is { Length: > 0 } holder)
        {
            people.Add(holder);
        }
        else
        {
            people.UnionWith((await staff.InRoleAtAsync([task.UnitId], task.Role, ct)).Select(p => p.Username));
        }

        people.UnionWith((await staff.InRoleAtAsync([task.UnitId], Roles.Leader, ct)).Select(p => p.Username));
        var link = DossierLinks.Page(dossier.Code);
        foreach (var person in people)
        {
            Outbox.ToStaff(db, person, $"{dossier.Code}/{kind}/{now.ToUnixTimeMilliseconds()}", subject, body, link, now);
        }
    }
}
