using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Portal.Contracts;
using MotCua.Features.Reform.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Workflow;

public sealed record InboxQuery(string? Filter = null, string? Procedure = null, bool Mine = false, int Page = 1, int PageSize = 50);

/// <summary>
/// The caller's open work by urgency. <see cref="Overdue"/> is work late in the offices' hands; a result ready but
/// not yet collected after its appointment is <see cref="Uncollected"/>, not late handling.
/// </summary>
/// <see cref="Findings"/> are a leader's reform findings and plan tasks past their deadline (not dossiers).
public sealed record InboxCounts(int All, int DueToday, int DueSoon, int Overdue, int Waiting, int Consultations, int Uncollected, int Online = 0, int Findings = 0);

public sealed record InboxItem(
    string Code, string ProcedureCode, string ProcedureName, string ApplicantName, string Status, string Step, string Kind, string? Holder,
    DateTimeOffset StepDueAt, DateTimeOffset DueAt, DateTimeOffset ReceivedAt, string Urgency, string? Reference = null, string? Link = null);

public sealed record InboxPage(InboxCounts Counts, IReadOnlyList<InboxItem> Items, int Page, int PageSize, string Filter);

/// <summary>
/// An officer's work: the open tasks of the agencies they work at, for their roles (a leader sees all of the
/// agency's), with what is assigned to someone else left out. Counts by urgency, filters, paging, most urgent
/// first; reads only open tasks through their partial index, never the whole history.
/// </summary>
public sealed class Inbox(
    AppDbContext db, DossierStore dossiers, UnitScope scope, UnitTree tree, CitizenRecords citizens, IOnlineWaiting online, OverdueFindings findings, IOptions<WorkflowOptions> options, TimeProvider clock)
{
    public static readonly string[] Filters = ["all", "dueToday", "dueSoon", "overdue", "waiting", "consultations", "uncollected", "online", "findings"];

    /// <summary>How much is waiting for the caller, by urgency (the home page's figures), without reading any dossier.</summary>
    public async Task<InboxCounts> CountsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (open, now, endOfToday, soon) = await OpenAsync(new InboxQuery(), user, ct);
        return await CountAsync(open, now, endOfToday, soon, user, ct);
    }

    /// <summary>Online applications are checked at the office's intake: by its one-stop officers and its leaders.</summary>
    private static bool ChecksOnline(ClaimsPrincipal user) => user.IsInRole(Roles.OneStopOfficer) || user.IsInRole(Roles.Leader);

    /// <summary>The dossiers whose result is ready: their open task is the hand-over, due at the appointment.</summary>
    private IQueryable<Guid> ReadyResults() => dossiers.Rows.Where(d => d.Status == DossierStatus.ResultReady).Select(d => d.Id);

    public async Task<InboxPage> ReadAsync(InboxQuery query, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (open, now, endOfToday, soon) = await OpenAsync(query, user, ct);
        var counts = await CountAsync(open, now, endOfToday, soon, user, ct);
        var filter = Filters.Contains(query.Filter) ? query.Filter! : "all";
        if (filter == "online")
        {
            // Not tasks yet: applications waiting for the intake check, oldest first; the officer opens one by its reference.
            var waiting = ChecksOnline(user) ? await online.WaitingAsync(user, 100, ct) : [];
            return new InboxPage(counts, [.. waiting.Select(w => new InboxItem(
                "", w.ProcedureCode, w.ProcedureName, w.ApplicantName, "submitted", "", "online", null, VietnamTime.ToVietnam(w.SubmittedAt), VietnamTime.ToVietnam(w.SubmittedAt),
                VietnamTime.ToVietnam(w.SubmittedAt), "online", w.Reference))], 1, 100, filter);
        }

        if (filter == "findings")
        {
            // A finding is not a dossier: its row names the source and the responsible unit and leads to the reform page.
            return new InboxPage(counts, [.. (await findings.ListAsync(user, 100, ct)).Select(f =>
            {
                var due = VietnamTime.ToVietnam(VietnamTime.StartOfDay(f.Deadline));
                return new InboxItem(
                    "", "", f.Text, f.Source, "open", f.UnitName, "finding", null, due, due, due, "overdue",
                    Link: $"/Reform?Unit={Uri.EscapeDataString(f.UnitCode)}#finding-{f.Id:N}");
            })], 1, 100, filter);
        }

        var ready = ReadyResults();
        var selected = filter switch
        {
            "dueToday" => open.Where(t => t.PausedAt == null && t.DueAt >= now && t.DueAt < endOfToday),
            "dueSoon" => open.Where(t => t.PausedAt == null && t.DueAt >= now && t.DueAt < soon),
            // NOT EXISTS rather than NOT IN (subquery): an anti-join, planned once however the tasks are stored
            "overdue" => open.Where(t => t.PausedAt == null && t.DueAt < now && !dossiers.Rows.Any(d => d.Id == t.DossierId && d.Status == DossierStatus.ResultReady)),
            "uncollected" => open.Where(t => t.PausedAt == null && t.DueAt < now && ready.Contains(t.DossierId)),
            "waiting" => open.Where(t => t.PausedAt != null),
            "consultations" => open.Where(t => t.Kind == TaskKind.Consultation),
            _ => open,
        };
        var size = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        // The page's rows are chosen from the index alone, then only those are read with their dossiers.
        var ids = await selected
            .OrderBy(t => t.PausedAt != null).ThenBy(t => t.DueAt).ThenBy(t => t.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(t => t.Id)
            .ToListAsync(ct);
        var rows = await db.Set<DossierTask>().AsNoTracking().Where(t => ids.Contains(t.Id))
            .Join(dossiers.Rows, t => t.DossierId, d => d.Id, (t, d) => new
            {
                t.DossierCode, d.CitizenId, t.ProcedureCode, d.ProcedureName, d.ApplicantName, d.Status, t.StepName, t.Kind, t.Holder, t.DueAt, DossierDueAt = d.DueAt, d.ReceivedAt, t.PausedAt,
            })
            .ToListAsync(ct);
        await citizens.LogListAsync(user, rows.Select(r => (r.CitizenId, r.DossierCode)), "inbox", "Giải quyết hồ sơ", ct);
        var items = rows
            .OrderBy(r => r.PausedAt != null).ThenBy(r => r.DueAt)
            .Select(r => new InboxItem(
                r.DossierCode, r.ProcedureCode, r.ProcedureName, r.ApplicantName, DossierReader.Status(r.Status), r.StepName, EnumNames.Of(r.Kind), r.Holder,
                VietnamTime.ToVietnam(r.DueAt), VietnamTime.ToVietnam(r.DossierDueAt), VietnamTime.ToVietnam(r.ReceivedAt),
                r.PausedAt is not null ? "waiting" : r.DueAt < now ? (r.Status == DossierStatus.ResultReady ? "uncollected" : "overdue") : r.DueAt < endOfToday ? "dueToday" : r.DueAt < soon ? "dueSoon" : "normal"))
            .ToList();
        return new InboxPage(counts, items, page, size, filter);
    }

    private async Task<InboxCounts> CountAsync(IQueryable<DossierTask> open, DateTimeOffset now, DateTimeOffset endOfToday, DateTimeOffset soon, ClaimsPrincipal user, CancellationToken ct)
    {
        var submitted = ChecksOnline(user) ? await online.CountWaitingAsync(user, ct) : 0;
        var counts = (await open.GroupBy(t => 1).Select(g => new InboxCounts(
            g.Count(),
            g.Count(t => t.PausedAt == null && t.DueAt >= now && t.DueAt < endOfToday),
            g.Count(t => t.PausedAt == null && t.DueAt >= now && t.DueAt < soon),
            g.Count(t => t.PausedAt == null && t.DueAt < now),
            g.Count(t => t.PausedAt != null),
            g.Count(t => t.Kind == TaskKind.Consultation),
            0)).ToListAsync(ct)).FirstOrDefault() ?? new InboxCounts(0, 0, 0, 0, 0, 0, 0);
        counts = counts with { Online = submitted, Findings = await findings.CountAsync(user, ct) };
        if (counts.Overdue == 0)
        {
            return counts;
        }

        var ready = ReadyResults();
        var uncollected = await open.CountAsync(t => t.PausedAt == null && t.DueAt < now && ready.Contains(t.DossierId), ct);
        return counts with { Overdue = counts.Overdue - uncollected, Uncollected = uncollected };
    }

    /// <summary>The caller's open tasks (their units' and those merged into them, their roles, not held by another).</summary>
    private async Task<(IQueryable<DossierTask> Open, DateTimeOffset Now, DateTimeOffset EndOfToday, DateTimeOffset Soon)> OpenAsync(InboxQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.Identity?.Name ?? "";
        var leader = user.IsInRole(Roles.Leader);
        var roles = Roles.All.Where(user.IsInRole).ToArray();
        var memberships = await scope.CurrentUnitIdsAsync(AccountClaims.AccountId(user) ?? Guid.Empty, ct);
        // The caller's agencies and those merged into them, after one merger or several (their open work carried
        // over), not the units below.
        var units = UnitTree.AndPredecessors(await tree.LinksAsync(ct), memberships).ToArray();

        var now = clock.GetUtcNow();
        var endOfToday = VietnamTime.StartOfDay(VietnamTime.Today(clock).AddDays(1));
        var soon = now + options.Value.DueSoon;
        var open = db.Set<DossierTask>().AsNoTracking()
            .Where(t => t.EndedAt == null && units.Contains(t.UnitId) && (leader || roles.Contains(t.Role)) && (leader || t.Holder == null || t.Holder == me));
        if (query.Mine)
        {
            open = open.Where(t => t.Holder == me);
        }

        if (query.Procedure is { Length: > 0 } procedure)
        {
            open = open.Where(t => t.ProcedureCode == procedure.Trim());
        }

        return (open, now, endOfToday, soon);
    }
}
