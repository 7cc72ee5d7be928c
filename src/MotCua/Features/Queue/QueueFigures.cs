using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Text;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Queue;

/// <summary>One row of the figures: a service, a counter or an officer over the period.</summary>
public sealed record QueueFigureRow(
    string Key, string Name, int Tickets, int Served, int NoShows, int StillWaiting, double? AverageWaitMinutes, double? LongestWaitMinutes, double? AverageServiceMinutes);

public sealed record QueueFigures(
    DateOnly From, DateOnly To, QueueFigureRow Total, IReadOnlyList<QueueFigureRow> ByService, IReadOnlyList<QueueFigureRow> ByCounter,
    IReadOnlyList<QueueFigureRow> ByOfficer, IReadOnlyList<int> ArrivalsByHour, string Grain, IReadOnlyList<QueueFigureRow> Trend);

/// <summary>
/// Waiting and service times for managers, from the tickets themselves: waiting is from the ticket to the (first)
/// call, service from the call to its end; a no-show counts as called but not served. Arrivals by hour of the day
/// (Vietnam time). Every figure is computed from the tickets the period holds, so it can be listed behind it.
/// </summary>
public sealed class QueueFiguresReader(AppDbContext db, StaffDirectory staff)
{
    public async Task<QueueFigures> ReadAsync(Guid officeId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => t.OfficeId == officeId && t.Day >= from && t.Day <= to).ToListAsync(ct);
        var services = await db.Set<QueueService>().AsNoTracking().Where(s => s.OfficeId == officeId).ToDictionaryAsync(s => s.Code, s => s.Name, ct);
        var counters = await db.Set<QueueCounter>().AsNoTracking().Where(c => c.OfficeId == officeId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var officers = await staff.FullNamesAsync([.. tickets.Where(t => t.CalledBy is not null).Select(t => t.CalledBy!).Distinct()], ct);
        var span = to.DayNumber - from.DayNumber;
        var grain = span <= 31 ? "day" : span <= 183 ? "week" : "month";
        var arrivals = new int[24];
        foreach (var t in tickets)
        {
            arrivals[VietnamTime.ToVietnam(t.IssuedAt).Hour]++;
        }

        return new QueueFigures(
            from, to, Row("all", Texts.Get("Common.All"), tickets),
            [.. tickets.GroupBy(t => t.ServiceCode).OrderBy(g => g.Key).Select(g => Row(g.Key, services.GetValueOrDefault(g.Key, g.Key), g))],
            [.. tickets.Where(t => t.CounterId is not null).GroupBy(t => t.CounterId!.Value).Select(g => Row(g.Key.ToString(), counters.GetValueOrDefault(g.Key, "?"), g)).OrderBy(r => r.Name)],
            [.. tickets.Where(t => t.CalledBy is not null).GroupBy(t => t.CalledBy!).Select(g => Row(g.Key, officers.GetValueOrDefault(g.Key, Texts.Get("Common.Colleague")), g)).OrderBy(r => r.Name)],
            arrivals, grain, Trend(tickets, from, to, grain));
    }

    /// <summary>The period by day (up to a month), by week (up to half a year, weeks from Monday) or by month.</summary>
    private static List<QueueFigureRow> Trend(List<Ticket> tickets, DateOnly from, DateOnly to, string grain)
    {
        DateOnly Bucket(DateOnly d) => grain switch
        {
            "week" => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
            "month" => new DateOnly(d.Year, d.Month, 1),
            _ => d,
        };
        var buckets = new List<DateOnly>();
        for (var d = Bucket(from); d <= to; d = grain switch { "week" => d.AddDays(7), "month" => d.AddMonths(1), _ => d.AddDays(1) })
        {
            buckets.Add(d);
        }

        var byBucket = tickets.ToLookup(t => Bucket(t.Day));
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        string Name(DateOnly b) => grain switch
        {
            "month" => b.ToString("MM/yyyy", invariant),
            "week" => Week(b < from ? from : b, b.AddDays(6) > to ? to : b.AddDays(6)), // a week drawn as the days of it the period holds
            _ => b.ToString("dd/MM", invariant),
        };
        string Week(DateOnly first, DateOnly last) => first == last ? first.ToString("dd/MM", invariant) : $"{first.ToString("dd/MM", invariant)}–{last.ToString("dd/MM", invariant)}";
        return [.. buckets.Select(b => Row(b.ToString("yyyy-MM-dd", invariant), Name(b), byBucket[b]))];
    }

    private static QueueFigureRow Row(string key, string name, IEnumerable<Ticket> group)
    {
        var list = group.ToList();
        var waits = list.Where(t => t.CalledAt is not null).Select(t => (t.CalledAt!.Value - t.IssuedAt).TotalMinutes).ToList();
        var service = list.Where(t => t.Status == TicketStatus.Done && t.CalledAt is not null && t.EndedAt is not null)
            .Select(t => (t.EndedAt!.Value - t.CalledAt!.Value).TotalMinutes).ToList();
        return new QueueFigureRow(
            key, name, list.Count, list.Count(t => t.Status == TicketStatus.Done), list.Count(t => t.Status == TicketStatus.NoShow),
            list.Count(t => t.Status == TicketStatus.Waiting),
            waits.Count == 0 ? null : Math.Round(waits.Average(), 1), waits.Count == 0 ? null : Math.Round(waits.Max(), 1),
            service.Count == 0 ? null : Math.Round(service.Average(), 1));
    }
}
