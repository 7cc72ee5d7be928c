using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Feedback;
using MotCua.Features.Notifications.Contracts;
using MotCua.Features.Queue;
using MotCua.Features.Reports;
using MotCua.Features.Workflow;
using MotCua.Features.Workflow.Actions;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Infrastructure.Demo;

/// <summary>What the replay of the demo month made, and what it tried and could not do (nothing, when all is well).</summary>
public sealed record DemoMonthSummary(int Tickets, int Dossiers, int Actions, int Evaluations, int Failed, IReadOnlyList<string> FirstFailures);

/// <summary>
/// The month before today in the demo wards, replayed through the product's own services with the clock set back
/// (<see cref="DemoClock"/>), so that a newcomer's first look at the inbox, the citizen store, the queue's figures
/// and the dashboards shows a city at work, and every figure agrees with the records behind it. Each working day,
/// visitors take tickets at the kiosk and are called, received and asked to rate the counter; dossiers filed online
/// or by post are received in the morning; then each dossier goes along its process, held by whoever its step names:
/// most on time, some late (half of those with an apology and a new date), some with a supplement asked for, a few
/// refused or stopped, some results still waiting to be collected, and about half rated after the result. The same
/// seed gives the same month. Only an empty demo database gets it (<see cref="DemoOptions.Month"/>).
/// </summary>
public sealed partial class DemoMonth(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DemoOptions> options, ILogger<DemoMonth> log) : IStartupTask
{
    /// <summary>How far back the replay starts (calendar days before today).</summary>
    public const int Days = 30;

    /// <summary>The <c>infra_setting</c> key under which the replay leaves its <see cref="DemoMonthSummary"/> (JSON).</summary>
    public const string SummaryKey = "demo-month";

    /// <summary>The summary's value while the replay runs.</summary>
    private const string Begun = "begun";

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The demo offices with life in them: the pilot's successor and two neighbours, with their visitors on a usual day.</summary>
    private static readonly Office[] Offices =
    [
        new("001.00.61.H26", 9, ["2.000815", "2.000815", "2.000815", "2.000884", "2.000635", "1.001193", "1.000656", "1.000894", "1.004873", "1.004873", "1.000881", "2.001035", "1.004884", "1.009994", "1.000001.H26", "2.001417"]),
        new("001.00.62.H26", 6, ["2.000815", "2.000815", "2.000884", "2.000635", "1.001193", "1.004873", "1.004873", "1.000881", "2.001035", "1.004837", "1.009994"]),
        new("001.00.63.H26", 4, ["2.000815", "2.000815", "2.000884", "1.001193", "1.004873", "1.001022", "2.001035", "1.009994"]),
    ];

    private readonly PriorityQueue<Func<Task>, (DateTimeOffset At, int Order)> agenda = new();
    private readonly Random random = new(766);
    private readonly Dictionary<(Guid Unit, string Role), ClaimsPrincipal> staff = [];
    private readonly List<string> failures = [];
    private readonly Dictionary<string, byte[]> scans = [];
    private IEnumerator<CitizenObservation> people = null!;
    private readonly List<CitizenObservation> returning = [];
    private WorkingDayCalendar calendar = null!;
    private int order;
    private int tickets;
    private int dossiers;
    private int actions;
    private int evaluations;
    private CancellationToken ct;

    public int Order => 200;

    /// <summary>
    /// Replays the month into a new demo database. A replay is marked as begun before it starts, so that one cut short
    /// (the process stopped during the first start) is not replayed again over half a month; a failure is logged and
    /// the app starts without the rest of the month.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Value.Month)
        {
            return;
        }

        if (clock is not DemoClock)
        {
            LogNoClock(log);
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var replayed = await db.SystemSettings.Where(s => s.Key == SummaryKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
            if (replayed is not null || !await scope.ServiceProvider.GetRequiredService<DemoFlag>().IsDemoAsync(ct) || await scope.ServiceProvider.GetRequiredService<DossierStore>().Rows.AnyAsync(ct))
            {
                if (replayed == Begun)
                {
                    LogCutShort(log);
                }

                return;
            }

            db.SystemSettings.Add(new SystemSetting { Key = SummaryKey, Value = Begun });
            await db.SaveChangesAsync(ct);
        }

        try
        {
            await ReplayAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogAbandoned(log, e);
        }
    }

    /// <summary>Replays the month up to now, then builds the daily figures the dashboards read.</summary>
    private async Task ReplayAsync(CancellationToken cancellation)
    {
        ct = cancellation;
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(clock);
        await using (var scope = scopes.CreateAsyncScope())
        {
            calendar = await scope.ServiceProvider.GetRequiredService<ICalendar>().GetAsync(ct);
            await StaffAsync(scope.ServiceProvider);
        }

        people = DemoPeople.Generate(100_000, seed: 766).GetEnumerator();
        for (var day = today.AddDays(-Days); day <= today; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            foreach (var office in Offices)
            {
                await PlanDayAsync(office, day);
            }

            At(Local(day, 17, 45), SweepAsync);
        }

        var lastDay = DateOnly.MinValue;
        while (agenda.TryDequeue(out var work, out var when))
        {
            if (when.At > now)
            {
                continue; // not yet happened: the dossier waits where it is, the visitor in the queue
            }

            var day = DateOnly.FromDateTime(VietnamTime.ToVietnam(when.At).DateTime);
            if (day != lastDay)
            {
                LogDay(log, day, dossiers);
                lastDay = day;
                await CheckpointAsync();
            }

            DemoClock.Replay(when.At);
            try
            {
                await work();
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Fail($"{when.At:u}: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                DemoClock.Replay(null);
            }
        }

        var summary = new DemoMonthSummary(tickets, dossiers, actions, evaluations, failures.Count, [.. failures.Take(5).Select(f => f.Length > 300 ? f[..300] : f)]);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportRollup>().CatchUpAsync(ct);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await Outbox.SettleReplayedAsync(db, now, ct);
            await db.SystemSettings.Where(s => s.Key == SummaryKey).ExecuteDeleteAsync(ct);
            db.SystemSettings.Add(new SystemSetting { Key = SummaryKey, Value = JsonSerializer.Serialize(summary, JsonDefaults.Web) });
            await db.SaveChangesAsync(ct);
        }

        await CheckpointAsync();
        LogReplayed(log, tickets, dossiers, actions, evaluations, failures.Count);
    }

    /// <summary>
    /// Writes SQLite's log back into the database file once a replayed day: the app's own checkpoints run as a
    /// background job, which has not started yet, and a month of commits would otherwise leave hundreds of MB of log.
    /// </summary>
    private async Task CheckpointAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
    }

    /// <summary>Who acts for each unit and role: the demo staff, signed in as the app would sign them in.</summary>
    private async Task StaffAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<Account>>();
        var principals = services.GetRequiredService<IUserClaimsPrincipalFactory<Account>>();
        var today = VietnamTime.Today(clock);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.ValidFrom <= today && (m.ValidTo == null || m.ValidTo >= today)).ToListAsync(ct);
        foreach (var account in await db.Users.Where(a => a.Kind == AccountKind.Staff).OrderBy(a => a.UserName).ToListAsync(ct))
        {
            var principal = await principals.CreateAsync(account);
            foreach (var role in await users.GetRolesAsync(account))
            {
                foreach (var membership in memberships.Where(m => m.AccountId == account.Id))
                {
                    staff.TryAdd((membership.UnitId, role), principal);
                }
            }
        }
    }

    private async Task PlanDayAsync(Office office, DateOnly day)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<QueueDesk>();
        if (await queue.OfficeAsync(office.Code, ct) is not { ParentId: { } ward } unit
            || !staff.TryGetValue((unit.Id, Roles.OneStopOfficer), out var officer) || !staff.TryGetValue((ward, Roles.Leader), out var leader))
        {
            Fail($"{office.Code}: no open office, or nobody to receive or sign there");
            return;
        }

        if ((await queue.CountersAsync(unit.Id, ct)).OrderBy(c => c.Number).FirstOrDefault() is not { } counter)
        {
            Fail($"{office.Code}: no counter");
            return;
        }

        var desk = new Desk(office, unit.Id, counter.Id, officer, leader);
        var visitors = Math.Max(1, office.PerDay + random.Next(-2, 3) + (day.DayOfWeek == DayOfWeek.Monday ? 2 : 0));

        // Filed online or by post: received first thing in the morning.
        var online = Local(day, 7, 35);
        for (var i = 0; i < Math.Max(1, visitors / 3); i++)
        {
            var procedure = office.Procedures[random.Next(office.Procedures.Length)];
            var channel = random.Next(8) == 0 ? DossierChannel.Post : DossierChannel.Online;
            var person = Person();
            At(online, () => ReceiveAsync(desk, procedure, channel, person, null));
            online += TimeSpan.FromMinutes(random.Next(2, 5));
        }

        // At the counter: arrivals through the morning and the afternoon, served one after another.
        var arrivals = Enumerable.Range(0, visitors)
            .Select(_ => random.Next(2) == 0 ? Local(day, 7, 40) + TimeSpan.FromMinutes(random.Next(200)) : Local(day, 13, 10) + TimeSpan.FromMinutes(random.Next(190)))
            .Order().ToList();
        var free = Local(day, 7, 45);
        foreach (var arrival in arrivals)
        {
            var procedure = random.Next(25) == 0 ? null : office.Procedures[random.Next(office.Procedures.Length)];
            var priority = random.Next(12) == 0;
            At(arrival, () => TicketAsync(office, procedure, priority));
            var called = Max(arrival + Minute, free);
            At(called, () => CallAsync(desk));
            if (procedure is null)
            {
                // Took a ticket and left: called, then marked not present.
                free = called + TimeSpan.FromMinutes(2);
                At(free, () => EndTicketAsync(desk, noShow: true));
                continue;
            }

            var served = called + TimeSpan.FromMinutes(random.Next(5, 13));
            var person = Person();
            At(served - Minute, () => ReceiveAsync(desk, procedure, DossierChannel.Counter, person, served));
            At(served, () => EndTicketAsync(desk, noShow: false));
            free = served + Minute;
        }
    }

    /// <summary>A new visitor mostly; sometimes one who came before, whose data the store already holds.</summary>
    private CitizenObservation Person()
    {
        if (returning.Count > 20 && random.Next(5) == 0)
        {
            return returning[random.Next(returning.Count)];
        }

        people.MoveNext();
        returning.Add(people.Current);
        return people.Current;
    }

    private async Task TicketAsync(Office office, string? procedure, bool priority)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<QueueDesk>().IssueAsync(office.Code, ServiceOf(procedure), priority, ct: ct);
        Count(result.Failure, "ticket", ref tickets);
    }

    private async Task CallAsync(Desk desk)
    {
        await using var scope = scopes.CreateAsyncScope();
        Count((await scope.ServiceProvider.GetRequiredService<QueueDesk>().CallNextAsync(desk.Counter, desk.Officer, ct)).Failure, "call", ref actions);
    }

    private async Task EndTicketAsync(Desk desk, bool noShow)
    {
        await using var scope = scopes.CreateAsyncScope();
        Count(await scope.ServiceProvider.GetRequiredService<QueueDesk>().EndAsync(desk.Counter, noShow, desk.Officer, ct), "end ticket", ref actions);
    }

    /// <summary>The kiosk's service for a procedure's field, as the demo offices' queues are set up.</summary>
    private static string ServiceOf(string? procedure) => procedure switch
    {
        "2.000815" or "2.000884" or "2.001035" => "CT",
        "1.009994" => "DX",
        "2.001417" => "CK",
        _ => "HT",
    };

    private async Task ReceiveAsync(Desk desk, string procedure, DossierChannel channel, CitizenObservation person, DateTimeOffset? servedAt)
    {
        IDossier dossier;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var documents = channel == DossierChannel.Post ? null : await DocumentsAsync(scope.ServiceProvider, desk, procedure, person, channel == DossierChannel.Counter);
            var request = new AcceptDossier(procedure, channel, new ApplicantData(person.IdNumber, person.FullName, person.DateOfBirth, person.Address, person.Phone, null), null, desk.Office.Code, documents);
            var result = await scope.ServiceProvider.GetRequiredService<DossierIntake>().AcceptAsync(request, desk.Officer, null, ct);
            if (result.Failure is { } failure)
            {
                Fail($"receive {procedure} at {desk.Office.Code}: {failure.Title} {failure.Detail}");
                return;
            }

            dossier = result.Value!;
            dossiers++;
        }

        if (servedAt is { } served)
        {
            var rating = random.Next(100) switch { < 55 => 4, < 93 => 3, < 98 => 2, _ => 1 };
            At(served + TimeSpan.FromSeconds(20), () => RateCounterAsync(dossier.Code, desk.Officer.Identity!.Name!, rating));
        }

        // Late, apologised for, asked for more, refused or stopped: only where the ward's own leader answers for the steps.
        var own = procedure is not ("2.001417" or "1.000001.H26");
        var chance = random.Next(100);
        var fate = dossier.SameDay
            ? chance switch { < 3 when own => Fate.Refused, < 4 when own => Fate.Stopped, _ => Fate.OnTime }
            : chance switch
            {
                < 8 => Fate.Late,
                < 13 when own => Fate.LateWithApology,
                < 18 when own => Fate.Supplement,
                < 21 when own => Fate.Refused,
                < 22 when own => Fate.Stopped,
                _ => Fate.OnTime,
            };
        var walk = new Walk(dossier.Code, fate, desk) { ReadyBy = ReadyBy(dossier, fate), Uncollected = random.Next(25) == 0, Rated = random.Next(100) < 55 };
        At(Clock() + TimeSpan.FromMinutes(random.Next(3, 10)), () => StepAsync(walk));
        if (fate == Fate.LateWithApology)
        {
            At(Working(Local(calendar.WorkingDaysBefore(dossier.DueDate, 1), 9, random.Next(90))), () => ApologiseAsync(walk));
        }
    }

    /// <summary>
    /// The documents as the pilot's counter takes them, with nothing written by hand: the ID card's QR code opens the
    /// citizen's record, each required paper still valid in the store is reused, the application form is pre-filled,
    /// and the rest is scanned into the store, where the citizen's next dossier finds it. Filed online, the citizen's
    /// uploads go to the store the same way. By post, they are paper.
    /// </summary>
    private async Task<IReadOnlyList<ReceivedDocument>?> DocumentsAsync(IServiceProvider services, Desk desk, string procedure, CitizenObservation person, bool atCounter)
    {
        var today = VietnamTime.Today(clock);
        var officer = desk.Officer.Identity?.Name;
        if (await services.GetRequiredService<CatalogReader>().VersionInForceAsync(procedure, today, ct) is not { } version)
        {
            return null; // the intake says why
        }

        var citizens = services.GetRequiredService<CitizenIntake>();
        Guid citizen;
        if (atCounter)
        {
            var qr = string.Create(CultureInfo.InvariantCulture, $"{person.IdNumber}||{person.FullName}|{person.DateOfBirth:ddMMyyyy}|{(person.Sex == Sex.Female ? "Nữ" : "Nam")}|{person.Address}|{IssueDate(person):ddMMyyyy}");
            if (IdCardQr.Parse(qr, today).Card is not { } card)
            {
                return null;
            }

            citizen = (await citizens.FromIdCardAsync(card, officer, desk.OfficeId, ct)).CitizenId;
        }
        else
        {
            citizen = (await citizens.FromDossierAsync(person, officer, desk.OfficeId, null, ct)).CitizenId;
        }

        var store = services.GetRequiredService<DocumentStore>();
        var kept = await store.ReusableAsync(citizen, [.. version.Documents.Select(d => d.DocumentType)], today, ct);
        var received = new List<ReceivedDocument>();
        foreach (var d in version.Documents.Where(d => d.Required))
        {
            var how = atCounter && Features.Intake.IndexModel.Provided(d.DocumentType) ? "form" : "store";
            Guid? id = null;
            if (how == "store")
            {
                id = kept.TryGetValue(d.DocumentType, out var found) ? found.Id
                    : (await store.AddAsync(new NewDocument(citizen, null, d.DocumentType, d.Name, null, null, today, null, null, desk.OfficeId), Scan(d.Name), 1, officer, ct)).Id;
            }

            received.Add(new ReceivedDocument { Name = d.Name, DocumentType = d.DocumentType, Originals = d.Originals, Copies = d.Copies, How = how, DocumentId = id });
        }

        return received;
    }

    /// <summary>The chip card's issue date: a day of the great re-issue of 2021–2023, the same for the same person.</summary>
    private static DateOnly IssueDate(CitizenObservation person) =>
        new DateOnly(2021, 3, 1).AddDays((int)(ulong.Parse(person.IdNumber[^6..], CultureInfo.InvariantCulture) % 900));

    /// <summary>The scanned page of a kind of document: one sample page each, marked as demo data (the file store keeps it once).</summary>
    private byte[] Scan(string document)
    {
        if (!scans.TryGetValue(document, out var pdf))
        {
            scans[document] = pdf = FormWriter.Render(form =>
            {
                form.Line("BẢN CHỤP GIẤY TỜ (DỮ LIỆU MINH HOẠ)", FormWriter.Title, center: true);
                form.Line(document, FormWriter.Bold, center: true);
            });
        }

        return pdf;
    }

    /// <summary>When the result should be ready: within the day for same-day procedures, within the legal time, or after it for the late ones (before the new date for those apologised for).</summary>
    private DateTimeOffset ReadyBy(IDossier dossier, Fate fate)
    {
        var received = Clock();
        if (dossier.SameDay)
        {
            return Min(received + TimeSpan.FromMinutes(random.Next(60, 180)), dossier.DueAt - TimeSpan.FromMinutes(10));
        }

        if (fate is Fate.Late or Fate.LateWithApology)
        {
            return Local(calendar.AddWorkingDays(dossier.DueDate, random.Next(1, fate == Fate.Late ? 4 : 3)), 9 + random.Next(6), random.Next(60));
        }

        var day = DateOnly.FromDateTime(VietnamTime.ToVietnam(received).DateTime);
        var span = Math.Max(1, calendar.WorkingDaysBetween(day, dossier.DueDate));
        return Min(Local(calendar.AddWorkingDays(day, Math.Max(1, span - random.Next(0, Math.Min(3, span)))), 8 + random.Next(8), random.Next(60)), dossier.DueAt - TimeSpan.FromHours(1));
    }

    /// <summary>One move of the dossier by whoever holds its step (the ward's leader to refuse or stop it); then the next move, at a time that keeps to its fate.</summary>
    private async Task StepAsync(Walk walk)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var task = await services.GetRequiredService<AppDbContext>().Set<DossierTask>().AsNoTracking()
            .Where(t => t.DossierCode == walk.Code && t.EndedAt == null && t.Kind == TaskKind.Step).OrderBy(t => t.StepIndex).FirstOrDefaultAsync(ct);
        if (task is null || !staff.TryGetValue((task.UnitId, task.Role), out var holder) || await services.GetRequiredService<DossierReader>().FindAsync(walk.Code, holder, ct) is not { } dossier)
        {
            Fail($"{walk.Code}: nobody holds its step");
            return;
        }

        var now = Clock();
        if (dossier.Status == DossierStatus.ResultReady)
        {
            if (!walk.Uncollected)
            {
                var collected = dossier.SameDay ? TimeSpan.FromMinutes(random.Next(20, 90)) : TimeSpan.FromDays(random.Next(0, 3)) + TimeSpan.FromHours(random.Next(1, 4));
                At(Working(now + collected), () => ReturnAsync(walk));
            }

            return;
        }

        var engine = services.GetRequiredService<ProcessEngine>();
        var (action, actor, note) = walk.Fate switch
        {
            Fate.Refused when task.Role == Roles.Leader => (DossierAction.Refuse, holder, "Hồ sơ không đủ điều kiện giải quyết theo quy định."),
            Fate.Stopped when task.Role == Roles.Specialist => (DossierAction.Stop, walk.Desk.Leader, "Công dân có đơn rút hồ sơ."),
            Fate.Supplement when !walk.Paused && task.Role == Roles.Specialist => (DossierAction.RequestSupplement, holder, "Đề nghị bổ sung bản sao giấy tờ có chứng thực."),
            _ => (Moves.FirstOrDefault((await engine.AvailableAsync(dossier, holder, ct)).Contains, DossierAction.Assign), holder, null),
        };
        if (action == DossierAction.Assign)
        {
            Fail($"{walk.Code}: {holder.Identity?.Name} can take no step");
            return;
        }

        if (!Count(await engine.ActAsync(walk.Code, new ActionRequest(EnumNames.Of(action), note, dossier.Version), actor, ct: ct), $"{walk.Code} {EnumNames.Of(action)}", ref actions))
        {
            return;
        }

        switch (action)
        {
            case DossierAction.RequestSupplement:
                walk.Paused = true;
                At(Working(now + TimeSpan.FromDays(random.Next(1, 4))), () => SupplementAsync(walk));
                return;
            case DossierAction.Refuse or DossierAction.Stop:
                if (walk.Rated)
                {
                    At(Working(now + TimeSpan.FromHours(random.Next(2, 30))), () => RateDossierAsync(walk.Code));
                }

                return;
        }

        // On time, each step is done within its own deadline; a late dossier waits with its specialist until just before it is finally ready.
        var stepDue = await services.GetRequiredService<AppDbContext>().Set<DossierTask>().AsNoTracking()
            .Where(t => t.DossierCode == walk.Code && t.EndedAt == null && t.Kind == TaskKind.Step).Select(t => (DateTimeOffset?)t.DueAt).MinAsync(ct);
        var at = walk.Fate is Fate.Late or Fate.LateWithApology
            ? Max(now + TimeSpan.FromMinutes(15), walk.ReadyBy - TimeSpan.FromHours(1))
            : now + Max(TimeSpan.FromMinutes(15), (Min(stepDue ?? walk.ReadyBy, walk.ReadyBy) - now) * (0.3 + (random.NextDouble() * 0.6)));
        At(Working(at), () => StepAsync(walk));
    }

    /// <summary>The usual moves of a step, the most likely first: sign, pass it on, issue the result.</summary>
    private static readonly DossierAction[] Moves = [DossierAction.Approve, DossierAction.Forward, DossierAction.IssueResult];

    /// <summary>The ward's leader sees that the dossier will be late: the apology, with a new date three working days on.</summary>
    private async Task ApologiseAsync(Walk walk)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (await services.GetRequiredService<DossierReader>().FindAsync(walk.Code, walk.Desk.Leader, ct) is { IsClosed: false, Status: not DossierStatus.ResultReady } dossier)
        {
            var request = new ActionRequest(EnumNames.Of(DossierAction.Apologise), "Cần xác minh thêm thông tin tại nơi cư trú trước đây của người yêu cầu.", dossier.Version,
                NewDueDate: calendar.AddWorkingDays(dossier.DueDate, 3));
            Count(await services.GetRequiredService<ProcessEngine>().ActAsync(walk.Code, request, walk.Desk.Leader, ct: ct), $"{walk.Code} apologise", ref actions);
        }
    }

    private async Task SupplementAsync(Walk walk)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reader = services.GetRequiredService<DossierReader>();
        if (await reader.FindAsync(walk.Code, walk.Desk.Officer, ct) is not { } dossier)
        {
            return;
        }

        var request = new ActionRequest(EnumNames.Of(DossierAction.SupplementReceived), null, dossier.Version);
        if (Count(await services.GetRequiredService<ProcessEngine>().ActAsync(walk.Code, request, walk.Desk.Officer, ct: ct), $"{walk.Code} supplementReceived", ref actions)
            && await reader.FindAsync(walk.Code, walk.Desk.Officer, ct) is { } resumed)
        {
            walk.ReadyBy = resumed.DueAt - TimeSpan.FromHours(random.Next(2, 20));
            At(Working(Clock() + TimeSpan.FromMinutes(random.Next(30, 120))), () => StepAsync(walk));
        }
    }

    private async Task ReturnAsync(Walk walk)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (await services.GetRequiredService<DossierReader>().FindAsync(walk.Code, walk.Desk.Officer, ct) is not { } dossier)
        {
            return;
        }

        var request = new ActionRequest(EnumNames.Of(DossierAction.ReturnResult), null, dossier.Version, ReceivedBy: dossier.ApplicantName, ByPost: dossier.Channel == DossierChannel.Post);
        if (Count(await services.GetRequiredService<ProcessEngine>().ActAsync(walk.Code, request, walk.Desk.Officer, ct: ct), $"{walk.Code} returnResult", ref actions) && walk.Rated)
        {
            At(Clock() + TimeSpan.FromHours(random.Next(1, 48)), () => RateDossierAsync(walk.Code));
        }
    }

    private async Task RateCounterAsync(string code, string officer, int rating)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var token = services.GetRequiredService<CounterRatingTokens>().Issue(code, officer);
        var result = await services.GetRequiredService<Evaluations>().SubmitAsync(new EvaluationRequest(code, Evaluation.Counter, rating, null, null, null, "device", token));
        Count(result.Failure, $"{code} counter rating", ref evaluations);
    }

    /// <summary>The nine criteria after the result, as the citizen answers them from the receipt's QR code: mostly satisfied; a few unhappy (more of them when late) mark one or more criteria unsatisfied.</summary>
    private async Task RateDossierAsync(string code)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dossier = await services.GetRequiredService<DossierStore>().Rows.Where(d => d.Code == code).Select(d => new { d.TrackingKey, d.Timeliness }).FirstAsync(ct);
        var late = dossier.Timeliness == Timeliness.Late;
        var unhappy = random.Next(100) < (late ? 40 : 5);
        var sore = random.Next(9);
        var criteria = Enumerable.Range(0, 9)
            .Select(i => unhappy && (i == sore || random.Next(4) == 0) ? "unsatisfied" : random.Next(100) < 45 ? "satisfied" : "verySatisfied").ToList();
        var request = new EvaluationRequest(code, Evaluation.DossierKind, null, criteria, late && unhappy ? "lateness" : null, null, "qr", Key: dossier.TrackingKey);
        Count((await services.GetRequiredService<Evaluations>().SubmitAsync(request, ct)).Failure, $"{code} dossier rating", ref evaluations);
    }

    /// <summary>The evening's deadline sweep, as the recurring job runs it: warnings, overdue marks, the leaders' notices.</summary>
    private async Task SweepAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineSweeper>().SweepAsync(ct);
    }

    private bool Count(Failure? failure, string what, ref int counter)
    {
        if (failure is not null)
        {
            Fail($"{what}: {failure.Title} {failure.Detail}");
            return false;
        }

        counter++;
        return true;
    }

    private void Fail(string what)
    {
        failures.Add(what);
        LogFailed(log, what);
    }

    private void At(DateTimeOffset at, Func<Task> work) => agenda.Enqueue(work, (at, order++));

    private DateTimeOffset Clock() => clock.GetUtcNow();

    /// <summary>The same moment if the office is open then; otherwise a little after the next opening.</summary>
    private DateTimeOffset Working(DateTimeOffset at)
    {
        var local = VietnamTime.ToVietnam(at);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (calendar.IsWorkingDay(day) && time >= new TimeOnly(7, 45) && time < new TimeOnly(16, 45) && (time < new TimeOnly(11, 45) || time >= new TimeOnly(13, 15)))
        {
            return at;
        }

        if (calendar.IsWorkingDay(day) && time >= new TimeOnly(11, 45) && time < new TimeOnly(13, 15))
        {
            return Local(day, 13, 15 + random.Next(30));
        }

        var next = time < new TimeOnly(7, 45) && calendar.IsWorkingDay(day) ? day : calendar.AddWorkingDays(day, 1);
        return Local(next, 7, 50 + random.Next(40));
    }

    private static DateTimeOffset Local(DateOnly day, int hour, int minute) => VietnamTime.StartOfDay(day) + TimeSpan.FromHours(hour) + TimeSpan.FromMinutes(minute);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo month: replaying {Day:dd/MM/yyyy} ({Dossiers} dossiers so far)")]
    private static partial void LogDay(ILogger logger, DateOnly day, int dossiers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo month replayed: {Tickets} tickets, {Dossiers} dossiers, {Actions} actions, {Evaluations} evaluations, {Failures} failures")]
    private static partial void LogReplayed(ILogger logger, int tickets, int dossiers, int actions, int evaluations, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo month: the app's clock cannot be set back (it is not a DemoClock); no month is replayed")]
    private static partial void LogNoClock(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo month: an earlier replay was cut short; this database holds part of a month (delete it to start again)")]
    private static partial void LogCutShort(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo month: the replay stopped; the app starts with what it made")]
    private static partial void LogAbandoned(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo month: could not {What}")]
    private static partial void LogFailed(ILogger logger, string what);

    private sealed record Office(string Code, int PerDay, string[] Procedures);

    /// <summary>An office on the day: its first counter, its officer, and the leader of its ward.</summary>
    private sealed record Desk(Office Office, Guid OfficeId, Guid Counter, ClaimsPrincipal Officer, ClaimsPrincipal Leader);

    private enum Fate
    {
        OnTime,
        Late,
        LateWithApology,
        Supplement,
        Refused,
        Stopped,
    }

    /// <summary>A dossier on its way: what will happen to it, by when its result should be ready, whether the citizen collects and rates it.</summary>
    private sealed class Walk(string code, Fate fate, Desk desk)
    {
        public string Code { get; } = code;

        public Fate Fate { get; } = fate;

        public Desk Desk { get; } = desk;

        public DateTimeOffset ReadyBy { get; set; }

        public bool Uncollected { get; init; }

        public bool Rated { get; init; }

        public bool Paused { get; set; }
    }
}
