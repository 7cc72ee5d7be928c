using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Reform;

/// <summary>
/// Findings past their deadline and still open: the leaders of the responsible unit are told once (in MotCua's
/// notifications, as for an overdue dossier), and the finding is marked so. One node sweeps at a time.
/// </summary>
public sealed class FindingSweeper(AppDbContext db, StaffDirectory staff, TimeProvider clock) : IRecurringJob
{
    private const long LockKey = 0x4D6F74526566; // "MotRef"

    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        await using var held = await AdvisoryLock.TryTakeAsync(db, LockKey, ct);
        if (held is null)
        {
            return 0;
        }

        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow();
        var overdue = await db.Set<ReformFinding>().Where(ReformFinding.OverdueOn(today)).Where(f => f.OverdueNotifiedAt == null)
            .OrderBy(f => f.Deadline).Take(500).ToListAsync(ct);
        foreach (var finding in overdue)
        {
            foreach (var leader in await staff.InRoleAtAsync([finding.ResponsibleUnitId], Roles.Leader, ct))
            {
                Outbox.ToStaff(db, leader.Username, $"reform-finding/{finding.Id}/overdue", "Kiến nghị quá hạn xử lý",
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{finding.Source}: \"{Shorten(finding.Text)}\" — hạn {finding.Deadline:dd/MM/yyyy} đã qua, chưa có kết quả."), "/Reform", now);
            }

            finding.OverdueNotifiedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }

    public Task RunAsync(CancellationToken ct) => SweepAsync(ct);

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "…";
}
