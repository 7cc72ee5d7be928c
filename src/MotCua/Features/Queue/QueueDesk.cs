using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Queue.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Telemetry;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Queue;

public sealed record ServiceView(string Code, string Name, string Prefix);

public sealed record CounterView(Guid Id, int Number, string Name, IReadOnlyList<string> Services, string? Officer);

public sealed record TicketView(Guid Id, string Number, string Service, DateTimeOffset IssuedAt, int WaitingAhead, bool Priority, string Status, int? Counter);

public sealed record CallView(string Number, string Service, Guid CounterId, int Counter, string CounterName, DateTimeOffset CalledAt, bool Recall);

public sealed record BoardView(string Office, string OfficeName, IReadOnlyList<CallView> Calls, IReadOnlyList<WaitingCount> Waiting);

public sealed record WaitingCount(string Service, string Name, string Prefix, int Waiting);

/// <summary>
/// The queue of an office's day: tickets from the kiosk, counters calling. A counter takes the first waiting ticket
/// of its services in rank order with one conditional update (status waiting → called), which changes nothing if
/// another counter took that ticket first. No in-memory flag decides, so counters on any number of app nodes never
/// get the same ticket.
/// </summary>
public sealed class QueueDesk(AppDbContext db, UnitTree units, UnitScope scope, IHubContext<QueueHub> hub, IMemoryCache cache, WaitingBroadcast waiting, WriteBatch writes, KioskHours kiosk, AppMetrics metrics, TimeProvider clock)
{
    /// <summary>The counter serves nobody now: nothing to park, end or transfer.</summary>
    private static Failure NobodyAtCounter => Failure.Conflict(Texts.Get("Queue.NobodyAtCounter"));

    public async Task<UnitInfo?> OfficeAsync(string? code, CancellationToken ct = default) =>
        code is { Length: > 0 } c && await units.FindByCodeAsync(c.Trim(), ct) is { ReceivesDossiers: true } office
            && office.IsValidOn(VietnamTime.Today(clock)) ? office : null;

    public Task<List<ServiceView>> ServicesAsync(Guid officeId, CancellationToken ct = default) =>
        db.Set<QueueService>().AsNoTracking().Where(s => s.OfficeId == officeId).OrderBy(s => s.SortOrder).ThenBy(s => s.Code)
            .Select(s => new ServiceView(s.Code, s.Name, s.Prefix)).ToListAsync(ct);

    public Task<List<CounterView>> CountersAsync(Guid officeId, CancellationToken ct = default) =>
        db.Set<QueueCounter>().AsNoTracking().Where(c => c.OfficeId == officeId).OrderBy(c => c.Number)
            .Select(c => new CounterView(c.Id, c.Number, c.Name, c.Services, c.Officer)).ToListAsync(ct);

    /// <summary>Issues the next ticket of the service; the number comes from one upsert per office, prefix and day.</summary>
    /// <param name="officeCode">The office's electronic code.</param>
    /// <param name="serviceCode">The service's code at that office.</param>
    /// <param name="priority">A priority visitor, ranked ahead by the office's weight.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="rankAt">For a booked visitor checking in on time: ranked at the slot's start instead of now.</param>
    public async Task<Result<TicketView>> IssueAsync(
        string? officeCode, string? serviceCode, bool priority, DateTimeOffset? rankAt = null, CancellationToken ct = default)
    {
        if (await OfficeAsync(officeCode, ct) is not { } office)
        {
            return Failure.Invalid("office", Texts.Get("Queue.NoActiveOffice", officeCode));
        }

        var service = await db.Set<QueueService>().AsNoTracking().FirstOrDefaultAsync(s => s.OfficeId == office.Id && s.Code == (serviceCode ?? "").Trim(), ct);
        if (service is null)
        {
            return Failure.Invalid("service", Texts.Get("Queue.NoSuchService", serviceCode));
        }

        if (await kiosk.ClosedAsync(office.Id, ct) is { } closed)
        {
            return Failure.Conflict(closed, Texts.Get("Queue.ClosedTitle"));
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var day = VietnamTime.Today(clock);
        var weight = await db.Set<QueueOffice>().AsNoTracking().Where(o => o.OfficeId == office.Id).Select(o => (int?)o.PriorityWeightMinutes).FirstOrDefaultAsync(ct) ?? 20;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var sequence = (await db.Database.SqlQuery<int>($"""
            INSERT INTO queue_sequence ("OfficeId", "Prefix", "Day", "Last") VALUES ({office.Id}, {service.Prefix}, {day}, 1)
            ON CONFLICT ("OfficeId", "Prefix", "Day") DO UPDATE SET "Last" = queue_sequence."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct)).Single();
        var ticket = new Ticket
        {
            OfficeId = office.Id, ServiceCode = service.Code, Day = day, Sequence = sequence,
            Number = string.Create(CultureInfo.InvariantCulture, $"{service.Prefix}{1000 + sequence}"), Priority = priority,
            IssuedAt = now, RankAt = rankAt ?? (priority ? now.AddMinutes(-weight) : now), Status = TicketStatus.Waiting,
        };
        db.Add(ticket);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var ahead = await AheadAsync(ticket, ct);
        waiting.Changed(office.Id, office.Code);
        return new TicketView(ticket.Id, ticket.Number, service.Code, VietnamTime.ToVietnam(now), ahead, priority, "waiting", null);
    }

    /// <summary>Calls the next ticket for a counter; null when nobody waits for its services.</summary>
    public async Task<Result<CallView?>> CallNextAsync(Guid counterId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await CounterAsync(counterId, user, ct) is not { } counter)
        {
            return Failure.NotFound();
        }

        var day = VietnamTime.Today(clock);
        var officer = user.Identity?.Name;
        var (called, now) = await writes.RunAsync(db, (writer, token) => ClaimAsync(writer, counter, day, officer, token), ct);
        return called is { } ticket ? await AnnounceAsync(ticket.Number, ticket.ServiceCode, counter, now, false, ct) : (CallView?)null;
    }

    /// <summary>
    /// Takes the first waiting ticket of the counter's services with one conditional update (waiting → called) and
    /// ends the counter's visitor before. On SQLite the claims of a burst run one after another in the write batch,
    /// so what the update finds is the head of the lines. On PostgreSQL claims run at once: each skips the candidates
    /// other counters' claims hold locked at that instant, and if it found every candidate locked, it tries again.
    /// </summary>
    private async Task<(Called? Called, DateTimeOffset At)> ClaimAsync(AppDbContext db, QueueCounter counter, DateOnly day, string? officer, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var postgres = !db.Database.IsSqlite();
        for (var attempt = 0; attempt < 20 && counter.Services.Count > 0; attempt++)
        {
            Called? called = null;
            await using (var claim = await ColumnCommand.OpenAsync(db, ClaimSql(counter.Services.Count, postgres), ct))
            {
                claim.Bind<Ticket>("office", nameof(Ticket.OfficeId), counter.OfficeId).Bind<Ticket>("day", nameof(Ticket.Day), day)
                    .Bind<Ticket>("counter", nameof(Ticket.CounterId), counter.Id).Bind<Ticket>("now", nameof(Ticket.CalledAt), now)
                    .Bind<Ticket>("officer", nameof(Ticket.CalledBy), officer);
                for (var i = 0; i < counter.Services.Count; i++)
                {
                    claim.Bind<Ticket>($"s{i}", nameof(Ticket.ServiceCode), counter.Services[i]);
                }

                await using var reader = await claim.Command.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                {
                    called = new Called(reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
                }
            }

            if (called is not null)
            {
                await FinishPreviousAsync(db, counter.Id, called.Id, now, ct);
                return (called, now);
            }

            if (!postgres || !await db.Set<Ticket>().AnyAsync(t => t.OfficeId == counter.OfficeId && t.Day == day && t.Status == TicketStatus.Waiting && counter.Services.Contains(t.ServiceCode), ct))
            {
                break;
            }
        }

        return (null, now);
    }

    /// <summary>Calls one ticket by its number: a waiting one (out of turn), or one parked at this counter (resumed).</summary>
    public async Task<Result<CallView>> CallAsync(Guid counterId, string? number, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await CounterAsync(counterId, user, ct) is not { } counter)
        {
            return Failure.NotFound();
        }

        var day = VietnamTime.Today(clock);
        var wanted = (number ?? "").Trim().ToUpperInvariant();
        var now = clock.GetUtcNow().ToUniversalTime();
        var found = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.OfficeId == counter.OfficeId && t.Day == day && t.Number == wanted
                && (t.Status == TicketStatus.Waiting || (t.Status == TicketStatus.Parked && t.CounterId == counter.Id)))
            .Select(t => new { t.Id, t.ServiceCode }).FirstOrDefaultAsync(ct);
        var taken = found is null ? 0 : await db.Set<Ticket>()
            .Where(t => t.Id == found.Id && (t.Status == TicketStatus.Waiting || (t.Status == TicketStatus.Parked && t.CounterId == counter.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Called).SetProperty(t => t.CounterId, counter.Id)
                .SetProperty(t => t.CalledAt, t => t.CalledAt ?? now).SetProperty(t => t.CalledBy, user.Identity!.Name), ct);
        if (taken == 0)
        {
            return Failure.Invalid("number", Texts.Get("Queue.NoWaitingNumber", number));
        }

        await FinishPreviousAsync(db, counter.Id, found!.Id, now, ct);
        return await AnnounceAsync(wanted, found.ServiceCode, counter, now, false, ct);
    }

    /// <summary>Sets the counter's current visitor aside (parked at this counter) so the next can be served.</summary>
    public async Task<Failure?> ParkAsync(Guid counterId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await CounterAsync(counterId, user, ct) is not { } counter)
        {
            return Failure.NotFound();
        }

        var changed = await db.Set<Ticket>().Where(t => t.CounterId == counter.Id && t.Status == TicketStatus.Called)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Parked), ct);
        return changed == 0 ? NobodyAtCounter : null;
    }

    /// <summary>The ticket the counter is serving now, if any.</summary>
    public Task<Ticket?> CurrentAsync(Guid counterId, CancellationToken ct = default) =>
        db.Set<Ticket>().AsNoTracking().Where(t => t.CounterId == counterId && t.Status == TicketStatus.Called).OrderByDescending(t => t.CalledAt).FirstOrDefaultAsync(ct);

    public Task<List<string>> ParkedAsync(Guid counterId, CancellationToken ct = default) =>
        db.Set<Ticket>().AsNoTracking().Where(t => t.CounterId == counterId && t.Status == TicketStatus.Parked).OrderBy(t => t.CalledAt).Select(t => t.Number).ToListAsync(ct);

    /// <summary>Announces the counter's current ticket again (the visitor did not come yet).</summary>
    public async Task<Result<CallView?>> RecallAsync(Guid counterId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await CounterAsync(counterId, user, ct) is not { } counter)
        {
            return Failure.NotFound();
        }

        var current = await CurrentAsync(counter.Id, ct);
        if (current is null)
        {
            return (CallView?)null;
        }

        await db.Set<Ticket>().Where(t => t.Id == current.Id).ExecuteUpdateAsync(x => x.SetProperty(t => t.Recalls, t => t.Recalls + 1), ct);
        return await AnnounceAsync(current.Number, current.ServiceCode, counter, clock.GetUtcNow().ToUniversalTime(), true, ct);
    }

    /// <summary>Ends the counter's current ticket: served (<c>done</c>) or the visitor never came (<c>noShow</c>).</summary>
    public async Task<Failure?> EndAsync(Guid counterId, bool noShow, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await CounterAsync(counterId, user, ct) is not { } counter)
        {
            return Failure.NotFound();
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var changed = await db.Set<Ticket>().Where(t => t.CounterId == counter.Id && t.Status == TicketStatus.Called)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, noShow ? TicketStatus.NoShow : TicketStatus.Done).SetProperty(t => t.EndedAt, now), ct);
        return changed == 0 ? NobodyAtCounter : null;
    }

    /// <summary>Sends the counter's current ticket to another service's line, keeping its place (its rank).</summary>
    public async Task<Failure?> TransferAsync(Guid counterId, string? serviceCode, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await CounterAsync(counterId, user, ct) is not { } counter)
        {
            return Failure.NotFound();
        }

        if (!await db.Set<QueueService>().AnyAsync(s => s.OfficeId == counter.OfficeId && s.Code == serviceCode, ct))
        {
            return Failure.Invalid("service", Texts.Get("Queue.NoServiceHere"));
        }

        var changed = await db.Set<Ticket>().Where(t => t.CounterId == counter.Id && t.Status == TicketStatus.Called)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Waiting).SetProperty(t => t.ServiceCode, serviceCode!)
                .SetProperty(t => t.CounterId, (Guid?)null).SetProperty(t => t.CalledAt, (DateTimeOffset?)null), ct);
        if (changed == 0)
        {
            return NobodyAtCounter;
        }

        await ChangedAsync(counter.OfficeId, ct);
        return null;
    }

    public async Task<TicketView?> TicketAsync(Guid id, CancellationToken ct = default)
    {
        var t = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return null;
        }

        var counter = t.CounterId is { } c ? await db.Set<QueueCounter>().AsNoTracking().Where(x => x.Id == c).Select(x => (int?)x.Number).FirstOrDefaultAsync(ct) : null;
        return new TicketView(t.Id, t.Number, t.ServiceCode, VietnamTime.ToVietnam(t.IssuedAt), t.Status == TicketStatus.Waiting ? await AheadAsync(t, ct) : 0, t.Priority,
            EnumNames.Of(t.Status), counter);
    }

    /// <summary>What a board shows: the latest call of each counter and how many wait per service.</summary>
    public async Task<BoardView> BoardAsync(UnitInfo office, CancellationToken ct = default)
    {
        var day = VietnamTime.Today(clock);
        var counters = await db.Set<QueueCounter>().AsNoTracking().Where(c => c.OfficeId == office.Id).ToDictionaryAsync(c => c.Id, ct);
        var called = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.OfficeId == office.Id && t.Day == day && t.CalledAt != null && t.CounterId != null)
            .OrderByDescending(t => t.CalledAt).Take(200).ToListAsync(ct);
        var calls = called.GroupBy(t => t.CounterId!.Value).Where(g => counters.ContainsKey(g.Key)).Select(g => g.First())
            .Select(t => new CallView(t.Number, t.ServiceCode, t.CounterId!.Value, counters[t.CounterId.Value].Number, counters[t.CounterId.Value].Name, VietnamTime.ToVietnam(t.CalledAt!.Value), false))
            .OrderBy(c => c.Counter).ToList();
        return new BoardView(office.Code, office.Name, calls, await WaitingAsync(office.Id, day, ct));
    }

    /// <summary>How many wait for each of an office's services today.</summary>
    public async Task<List<WaitingCount>> WaitingAsync(Guid officeId, DateOnly day, CancellationToken ct)
    {
        // An office's services change a few times a year; boards read them at every call.
        var services = (await cache.GetOrCreateAsync(("queue-services", officeId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.Set<QueueService>().AsNoTracking().Where(s => s.OfficeId == officeId).OrderBy(s => s.SortOrder).ToListAsync(ct);
        }))!;
        var counts = await db.Set<Ticket>().AsNoTracking().Where(t => t.OfficeId == officeId && t.Day == day && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.ServiceCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. services.Select(s => new WaitingCount(s.Code, s.Name, s.Prefix, counts.GetValueOrDefault(s.Code)))];
    }

    private Task<int> AheadAsync(Ticket ticket, CancellationToken ct) =>
        db.Set<Ticket>().CountAsync(t => t.OfficeId == ticket.OfficeId && t.Day == ticket.Day && t.Status == TicketStatus.Waiting && t.ServiceCode == ticket.ServiceCode
            && (t.RankAt < ticket.RankAt || (t.RankAt == ticket.RankAt && t.Id.CompareTo(ticket.Id) < 0)), ct);

    /// <summary>A counter of an office within the caller's units; the caller then sits at it.</summary>
    private async Task<QueueCounter?> CounterAsync(Guid counterId, ClaimsPrincipal user, CancellationToken ct)
    {
        var counter = await CounterById.For(db)(db, counterId, ct);
        if (counter is null || !(await scope.VisibleUnitIdsAsync(user, ct)).Contains(counter.OfficeId))
        {
            return null;
        }

        if (counter.Officer != user.Identity?.Name)
        {
            counter.Officer = user.Identity?.Name;
            await db.SaveChangesAsync(ct);
        }

        return counter;
    }

    /// <summary>A counter serves one visitor at a time: calling the next ends the one before (served).</summary>
    private static async Task FinishPreviousAsync(AppDbContext db, Guid counterId, Guid current, DateTimeOffset now, CancellationToken ct)
    {
        await using var finish = await ColumnCommand.OpenAsync(db, FinishSql, ct);
        finish.Bind<Ticket>("counter", nameof(Ticket.CounterId), counterId).Bind<Ticket>("current", nameof(Ticket.Id), current)
            .Bind<Ticket>("now", nameof(Ticket.EndedAt), now);
        await finish.Command.ExecuteNonQueryAsync(ct);
    }

    private async Task<CallView> AnnounceAsync(string number, string service, QueueCounter counter, DateTimeOffset at, bool recall, CancellationToken ct)
    {
        var call = new CallView(number, service, counter.Id, counter.Number, counter.Name, VietnamTime.ToVietnam(at), recall);
        if (await OfficeCodeAsync(counter.OfficeId, ct) is { } officeCode)
        {
            await hub.Clients.Group(QueueHub.Board(officeCode)).SendAsync("call", call, ct);
            waiting.Changed(counter.OfficeId, officeCode);
            if (!recall)
            {
                metrics.TicketCalled(officeCode, counter.Number);
            }
        }

        return call;
    }

    private async Task ChangedAsync(Guid officeId, CancellationToken ct)
    {
        if (await OfficeCodeAsync(officeId, ct) is { } officeCode)
        {
            waiting.Changed(officeId, officeCode);
        }
    }

    private Task<string?> OfficeCodeAsync(Guid officeId, CancellationToken ct) =>
        cache.GetOrCreateAsync(("office-code", officeId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return (await units.FindAsync(officeId, ct))?.Code;
        });

    // The head of each of the counter's lines, read in calling order from the line's index (one ordered read over all
    // the lines would sort every waiting ticket of the day); the first of the heads is claimed if it still waits. On
    // PostgreSQL the first ten of each line, skipping those that other counters' claims hold locked at that instant.
    private static string ClaimSql(int services, bool postgres) => ClaimStatements.GetOrAdd((services, postgres), static key =>
    {
        var (count, postgres) = key;
        var heads = string.Join("\n        UNION ALL ", Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"""SELECT "Id" FROM (SELECT "Id" FROM queue_ticket WHERE "OfficeId" = @office AND "Day" = @day AND "Status" = '{TicketStatus.Waiting}' AND "ServiceCode" = @s{i} ORDER BY "RankAt", "Id" LIMIT {(postgres ? 10 : 1)}) AS h{i}""")));
        return $"""
            UPDATE queue_ticket SET "Status" = '{TicketStatus.Called}', "CounterId" = @counter, "CalledAt" = @now, "CalledBy" = @officer
            WHERE "Id" = (
                SELECT "Id" FROM queue_ticket
                WHERE "Id" IN ({heads}) AND "Status" = '{TicketStatus.Waiting}'
                ORDER BY "RankAt", "Id" LIMIT 1{(postgres ? " FOR UPDATE SKIP LOCKED" : "")})
              AND "Status" = '{TicketStatus.Waiting}'
            RETURNING "Id", "Number", "ServiceCode"
            """;
    });

    private static readonly ConcurrentDictionary<(int Services, bool Postgres), string> ClaimStatements = new();

    private static readonly string FinishSql = $"""
        UPDATE queue_ticket SET "Status" = '{TicketStatus.Done}', "EndedAt" = @now WHERE "CounterId" = @counter AND "Status" = '{TicketStatus.Called}' AND "Id" <> @current
        """;

    // The hot path of every call, compiled once.
    private static readonly CompiledQuery<Func<AppDbContext, Guid, CancellationToken, Task<QueueCounter?>>> CounterById = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, CancellationToken ct) => db.Set<QueueCounter>().FirstOrDefault(c => c.Id == id)));

    /// <summary>The ticket a claim took.</summary>
    private sealed record Called(Guid Id, string Number, string ServiceCode);
}
