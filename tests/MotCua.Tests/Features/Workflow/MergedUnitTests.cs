using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts;
using MotCua.Features.Units;
using MotCua.Features.Workflow;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Workflow;

/// <summary>Open work follows a unit through mergers, however many: in the inbox and in the permission to act, the same.</summary>
public sealed class MergedUnitTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_task_at_a_twice_merged_unit_is_in_the_inbox_of_who_works_at_the_last_successor(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        app.Clock.SetUtcNow(Flow.Monday);
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090888001");
        Assert.True(Flow.InboxHas(await Flow.InboxAsync(app, "chuyenvien.trungvan"), code));

        // The ward holding the task merges into X, which merges into Y the same day; the specialist now works at Y.
        var today = DateOnly.FromDateTime(Flow.Monday.ToOffset(TimeSpan.FromHours(7)).DateTime);
        await app.WithDbAsync(async db =>
        {
            var task = await db.Set<DossierTask>().SingleAsync(t => t.DossierCode == code && t.EndedAt == null);
            var ward = await db.Units.SingleAsync(u => u.Id == task.UnitId);
            var y = new Unit { Code = "000.00.72.H26", Name = "Phường Thử Hai", Kind = UnitKind.Ward, ParentId = ward.ParentId, ValidFrom = today };
            var x = new Unit { Code = "000.00.71.H26", Name = "Phường Thử Một", Kind = UnitKind.Ward, ParentId = ward.ParentId, ValidFrom = today.AddDays(-1), ValidTo = today.AddDays(-1), SuccessorId = y.Id };
            db.Units.AddRange(y, x);
            ward.ValidTo = today.AddDays(-1);
            ward.SuccessorId = x.Id;
            var specialist = await db.Users.SingleAsync(a => a.UserName == "chuyenvien.trungvan");
            foreach (var m in await db.Memberships.Where(m => m.AccountId == specialist.Id && m.ValidTo == null).ToListAsync())
            {
                m.ValidTo = today.AddDays(-1);
            }

            db.Memberships.Add(new Membership { AccountId = specialist.Id, UnitId = y.Id, ValidFrom = today });
            return await db.SaveChangesAsync();
        });

        Assert.True(Flow.InboxHas(await Flow.InboxAsync(app, "chuyenvien.trungvan"), code), "the twice-merged ward's task is in the inbox");
        using var forwarded = await Flow.TryAsync(app, "chuyenvien.trungvan", code, "forward");
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode); // and the same rule lets them act on it
    });
}
