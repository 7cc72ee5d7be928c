using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Units;

/// <summary>The unit tree as it stood on a date, or with its whole history.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public bool CanEdit => User.IsInRole(Roles.Administrator);

    private ILookup<Guid?, Row> byParent = Enumerable.Empty<Row>().ToLookup(r => r.ParentId);

    public IReadOnlyList<Row> Children(Guid? parent) => [.. byParent[parent]];

    public async Task OnGetAsync(CancellationToken ct)
    {
        On ??= VietnamTime.Today(clock);
        var day = On.Value;
        var query = db.Units.AsNoTracking();
        if (!All)
        {
            query = query.ValidOn(day);
        }

        var rows = await (from u in query
                          join s in db.Units on u.SuccessorId equals s.Id into successors
                          from s in successors.DefaultIfEmpty()
                          orderby u.Code
                          select new Row(u.Id, u.ParentId, u.Code, u.Name, u.Kind.ToString(), u.ValidFrom, u.ValidTo, u.ReceivesDossiers, u.SuccessorId, s == null ? null : s.Name))
            .ToListAsync(ct);
        // A unit divided among several: each successor with its share, the principal first.
        var shares = (await (from x in db.Set<UnitSuccession>().AsNoTracking()
                             join s in db.Units on x.SuccessorId equals s.Id
                             select new { x.PredecessorId, x.SuccessorId, s.Name, x.SharePercent }).ToListAsync(ct))
            .ToLookup(x => x.PredecessorId);
        rows = [.. rows.Select(r => shares[r.Id].Any()
            ? r with { SuccessorName = string.Join(", ", shares[r.Id].OrderByDescending(x => x.SuccessorId == r.SuccessorId).ThenByDescending(x => x.SharePercent)
                .Select(x => $"{x.Name} ({x.SharePercent} %)")) }
            : r)];
        var present = rows.Select(r => r.Id).ToHashSet();
        // A unit whose parent is not shown (closed that day) is shown at the top rather than lost.
        byParent = rows.ToLookup(r => r.ParentId is { } p && present.Contains(p) ? r.ParentId : null);
    }

    public sealed record Row(Guid Id, Guid? ParentId, string Code, string Name, string Kind, DateOnly ValidFrom, DateOnly? ValidTo, bool ReceivesDossiers, Guid? SuccessorId, string? SuccessorName);
}
