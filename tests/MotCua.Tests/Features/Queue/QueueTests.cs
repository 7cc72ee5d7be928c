using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MotCua.Features.Queue;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Queue;

/// <summary>Kiosk tickets and counters calling, through the public API, on a real database.</summary>
public sealed class QueueTests
{
    private const string Office = "001.00.61.H26";

    private static async Task<JsonElement> TicketAsync(HttpClient kiosk, string service, bool priority = false)
    {
        using var response = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service, priority });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<Guid>> CountersAsync(TestApp app)
    {
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var body = await officer.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}");
        return [.. body.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
    }

    private static async Task<string?> CallNextAsync(HttpClient officer, Guid counter)
    {
        using var response = await officer.PostAsync($"/api/queue/counters/{counter}/call-next", null);
        return response.StatusCode == HttpStatusCode.NoContent ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_kiosk_numbers_tickets_per_service_and_refuses_unknown_offices_and_services(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var kiosk = app.KioskClient(Office);
            var services = await kiosk.GetFromJsonAsync<JsonElement>($"/api/queue/services?office={Office}");
            Assert.Equal(["HT", "CT", "DX", "CK"], services.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
            Assert.True((await CountersAsync(app)).Count >= 2);

            var first = await TicketAsync(kiosk, "HT");
            var second = await TicketAsync(kiosk, "HT");
            var other = await TicketAsync(kiosk, "CT");
            Assert.Equal(("A1001", 0), (first.GetProperty("number").GetString(), first.GetProperty("waitingAhead").GetInt32()));
            Assert.Equal(("A1002", 1), (second.GetProperty("number").GetString(), second.GetProperty("waitingAhead").GetInt32()));
            Assert.Equal("B1001", other.GetProperty("number").GetString());

            Assert.Equal(HttpStatusCode.BadRequest, (await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = "999.99.99.H26", service = "HT" })).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "ZZ" })).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await kiosk.GetAsync("/api/queue/services?office=nowhere")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await kiosk.GetAsync($"/api/queue/counters?office={Office}")).StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task The_kiosk_gives_tickets_only_while_the_office_is_open_and_says_when_to_come_back(DatabaseProvider provider) =>
        TestApp.RunAsync(provider, async app =>
        {
            using var kiosk = app.KioskClient(Office);
            async Task<(HttpStatusCode Status, string? Detail)> TakeAt(DateTimeOffset vietnamTime)
            {
                app.Clock.SetUtcNow(vietnamTime.ToUniversalTime());
                using var response = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT" });
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                return (response.StatusCode, response.IsSuccessStatusCode ? null : body.GetProperty("detail").GetString());
            }

            var vn = TimeSpan.FromHours(7);
            var early = await TakeAt(new DateTimeOffset(2030, 3, 6, 7, 0, 0, vn)); // a Wednesday, before the kiosk opens (ahead of the real clock)
            Assert.Equal(HttpStatusCode.Conflict, early.Status);
            Assert.Contains("07:30", early.Detail, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, (await TakeAt(new DateTimeOffset(2030, 3, 6, 9, 0, 0, vn))).Status);
            var late = await TakeAt(new DateTimeOffset(2030, 3, 6, 17, 30, 0, vn));
            Assert.Equal(HttpStatusCode.Conflict, late.Status);
            Assert.Contains("17:00", late.Detail, StringComparison.Ordinal);
            Assert.Contains("07/03/2030", late.Detail, StringComparison.Ordinal); // come back tomorrow
            var sunday = await TakeAt(new DateTimeOffset(2030, 3, 10, 10, 0, 0, vn));
            Assert.Equal(HttpStatusCode.Conflict, sunday.Status);
            Assert.Contains("11/03/2030", sunday.Detail, StringComparison.Ordinal); // come back on Monday
        }, new Dictionary<string, string?> { ["Queue:KioskHours"] = "Enforced" }); // a demo city's kiosk is open at any hour

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Priority_visitors_go_ahead_by_the_office_weight_not_to_the_very_front_forever(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var kiosk = app.KioskClient(Office);
            await TicketAsync(kiosk, "HT");                        // A1001 at 0'
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            await TicketAsync(kiosk, "HT");                        // A1002 at 5'
            app.Clock.Advance(TimeSpan.FromMinutes(30));
            await TicketAsync(kiosk, "HT", priority: true);        // A1003 at 35', ranked as 15': after the first two
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await TicketAsync(kiosk, "HT");                        // A1004 at 36'
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await TicketAsync(kiosk, "HT", priority: true);        // A1005 at 37', ranked as 17': before A1004
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var counter = (await CountersAsync(app))[0];
            var order = new List<string?>();
            for (var i = 0; i < 6; i++)
            {
                order.Add(await CallNextAsync(officer, counter));
            }

            Assert.Equal(["A1001", "A1002", "A1003", "A1005", "A1004", null], order);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_counter_calls_the_earliest_ranked_of_all_its_lines_and_each_call_ends_the_visitor_before(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        using var kiosk = app.KioskClient(Office);
        var first = await TicketAsync(kiosk, "HT");                // A1001 at 0'
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var d1001 = await TicketAsync(kiosk, "CK");                // D1001 at 2'
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await TicketAsync(kiosk, "DX", priority: true);            // C1001 at 4', ranked as 16' earlier: first of all
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await TicketAsync(kiosk, "HT");                            // A1002 at 6'
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await TicketAsync(kiosk, "CT");                            // B1001 at 8'
        using var officer = await app.ClientForAsync("canbo.trungvan");
        var counters = await CountersAsync(app);                   // 1 and 2 serve every line, 3 only DX and CK
        Assert.Equal("C1001", await CallNextAsync(officer, counters[2]));
        Assert.Equal("D1001", await CallNextAsync(officer, counters[2]));
        Assert.Null(await CallNextAsync(officer, counters[2]));    // nothing left in its lines: its visitor stays called
        Assert.Equal("A1001", await CallNextAsync(officer, counters[0]));
        Assert.Equal("A1002", await CallNextAsync(officer, counters[0]));
        Assert.Equal("B1001", await CallNextAsync(officer, counters[0]));
        Assert.Null(await CallNextAsync(officer, counters[0]));

        async Task<string?> StatusAsync(JsonElement ticket) =>
            (await kiosk.GetFromJsonAsync<JsonElement>($"/api/queue/tickets/{ticket.GetProperty("id").GetGuid()}")).GetProperty("status").GetString();
        Assert.Equal("done", await StatusAsync(first));            // ended when counter 1 called A1002
        Assert.Equal("called", await StatusAsync(d1001));
    });

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Counters_calling_at_once_never_get_the_same_ticket_and_the_board_hears_every_call(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            var office = await app.WithDbAsync(db => Task.FromResult(db.Units.Single(u => u.Code == Office).Id));
            await app.WithDbAsync(async db =>
            {
                for (var n = 4; n <= 12; n++)
                {
                    db.Add(new QueueCounter { OfficeId = office, Number = n, Name = $"Quầy số {n}", Services = ["HT", "CT", "DX", "CK"] });
                }

                return await db.SaveChangesAsync();
            });
            using var kiosk = app.KioskClient(Office);
            string[] services = ["HT", "CT", "DX", "CK"];
            for (var i = 0; i < 40; i++)
            {
                await TicketAsync(kiosk, services[i % 4]);
            }

            var counters = await CountersAsync(app);
            Assert.Equal(12, counters.Count);
            var heard = new ConcurrentBag<string>();
            var waiting = new ConcurrentQueue<int>();
            await using var board = new HubConnectionBuilder()
                .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/queue"), o => (o.HttpMessageHandlerFactory, o.Transports) = (_ => app.Server.CreateHandler(), HttpTransportType.LongPolling))
                .Build();
            board.On<JsonElement>("call", call => heard.Add(call.GetProperty("number").GetString()!));
            board.On<JsonElement>("waiting", counts => waiting.Enqueue(counts.EnumerateArray().Sum(c => c.GetProperty("waiting").GetInt32())));
            await board.StartAsync();
            await board.InvokeAsync("Watch", Office);

            var calls = await Task.WhenAll(Enumerable.Range(0, 48).Select(async i =>
            {
                using var officer = await app.ClientForAsync("canbo.trungvan");
                return await CallNextAsync(officer, counters[i % counters.Count]);
            }));
            var numbers = calls.Where(c => c is not null).ToList();
            Assert.Equal(40, numbers.Count);
            Assert.Equal(40, numbers.Distinct().Count());

            // Every call reaches the board; the waiting counts follow once the burst settles (one message for many calls).
            for (var wait = 0; (heard.Count < 40 || !waiting.Contains(0)) && wait < 100; wait++)
            {
                await Task.Delay(100);
            }

            Assert.Equal(numbers.Order(), heard.Order());
            Assert.Equal(0, waiting.Last());
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_no_show_is_recorded_and_a_transfer_keeps_the_visitors_place_in_the_other_line(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var kiosk = app.KioskClient(Office);
            var absent = await TicketAsync(kiosk, "HT");
            var moved = await TicketAsync(kiosk, "HT");
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            await TicketAsync(kiosk, "DX");
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var counters = await CountersAsync(app);
            Assert.Equal("A1001", await CallNextAsync(officer, counters[0]));
            Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/queue/counters/{counters[0]}/no-show", null)).StatusCode);
            var noShow = await kiosk.GetFromJsonAsync<JsonElement>($"/api/queue/tickets/{absent.GetProperty("id").GetGuid()}");
            Assert.Equal("noShow", noShow.GetProperty("status").GetString());

            Assert.Equal("A1002", await CallNextAsync(officer, counters[0]));
            using var transfer = await officer.PostAsJsonAsync($"/api/queue/counters/{counters[0]}/transfer", new { service = "DX" });
            Assert.Equal(HttpStatusCode.NoContent, transfer.StatusCode);
            // Counter 3 serves land and construction: the transferred visitor, who came first, is called before C1001.
            Assert.Equal("A1002", await CallNextAsync(officer, counters[2]));
            Assert.Equal("C1001", await CallNextAsync(officer, counters[2]));
            var followed = await kiosk.GetFromJsonAsync<JsonElement>($"/api/queue/tickets/{moved.GetProperty("id").GetGuid()}");
            Assert.Equal("done", followed.GetProperty("status").GetString()); // calling the next ends the one before
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_dossier_received_while_serving_a_ticket_is_linked_to_it(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var kiosk = app.KioskClient(Office);
            var ticket = await TicketAsync(kiosk, "CT");
            using var officer = await app.ClientForAsync("canbo.trungvan");
            Assert.Equal("B1001", await CallNextAsync(officer, (await CountersAsync(app))[0]));
            var code = await Workflow.Flow.ReceiveAsync(app, "2.000815");
            var linked = await app.WithDbAsync(db => Task.FromResult(db.Set<Ticket>().Single(t => t.Id == ticket.GetProperty("id").GetGuid()).DossierCode));
            Assert.Equal(code, linked);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Waiting_and_service_times_come_from_a_scripted_day(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Workflow.Flow.At(2027, 3, 1, 8));
            using var kiosk = app.KioskClient(Office);
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var counters = await CountersAsync(app);
            await TicketAsync(kiosk, "HT");                                 // 08:00
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            await TicketAsync(kiosk, "HT");                                 // 08:10
            await TicketAsync(kiosk, "CT");                                 // 08:10
            app.Clock.Advance(TimeSpan.FromMinutes(10));                    // 08:20
            Assert.Equal("A1001", await CallNextAsync(officer, counters[0])); // waited 20
            app.Clock.Advance(TimeSpan.FromMinutes(6));                     // 08:26: served 6
            Assert.Equal("A1002", await CallNextAsync(officer, counters[0])); // waited 16; ends A1001
            app.Clock.Advance(TimeSpan.FromMinutes(4));                     // 08:30
            Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/queue/counters/{counters[0]}/no-show", null)).StatusCode);
            app.Clock.Advance(TimeSpan.FromHours(1));                       // 09:30: B1001 still waiting, one more arrival
            await TicketAsync(kiosk, "CT");

            var f = await officer.GetFromJsonAsync<JsonElement>($"/api/queue/figures?office={Office}&from=2027-03-01&to=2027-03-01");
            var ht = f.GetProperty("byService").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "HT");
            Assert.Equal((2, 1, 1, 0), (ht.GetProperty("tickets").GetInt32(), ht.GetProperty("served").GetInt32(), ht.GetProperty("noShows").GetInt32(), ht.GetProperty("stillWaiting").GetInt32()));
            Assert.Equal(18.0, ht.GetProperty("averageWaitMinutes").GetDouble());
            Assert.Equal(20.0, ht.GetProperty("longestWaitMinutes").GetDouble());
            Assert.Equal(6.0, ht.GetProperty("averageServiceMinutes").GetDouble());
            var total = f.GetProperty("total");
            Assert.Equal((4, 2), (total.GetProperty("tickets").GetInt32(), total.GetProperty("stillWaiting").GetInt32()));
            var hours = f.GetProperty("arrivalsByHour").EnumerateArray().Select(h => h.GetInt32()).ToList();
            Assert.Equal((3, 1), (hours[8], hours[9]));
            var officerRow = Assert.Single(f.GetProperty("byOfficer").EnumerateArray());
            Assert.Equal("canbo.trungvan", officerRow.GetProperty("key").GetString());
            Assert.Equal("Nguyễn Thị Minh Thu", officerRow.GetProperty("name").GetString()); // people read names, not usernames

            var quarter = await officer.GetFromJsonAsync<JsonElement>($"/api/queue/figures?office={Office}&from=2027-01-01&to=2027-03-31");
            Assert.Equal("week", quarter.GetProperty("grain").GetString());
            var week = quarter.GetProperty("trend").EnumerateArray().Single(w => w.GetProperty("key").GetString() == "2027-03-01");
            Assert.Equal(4, week.GetProperty("tickets").GetInt32());
            Assert.Equal(4, quarter.GetProperty("trend").EnumerateArray().Sum(w => w.GetProperty("tickets").GetInt32()));
            Assert.Equal("01/03–07/03", week.GetProperty("name").GetString());
            // The weeks at the edges are drawn as the days of them the period holds.
            Assert.Equal("01/01–03/01", quarter.GetProperty("trend")[0].GetProperty("name").GetString());
            Assert.Equal("29/03–31/03", quarter.GetProperty("trend").EnumerateArray().Last().GetProperty("name").GetString());

            using var other = await app.ClientForAsync("canbo.phuongkhac");
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/queue/figures?office={Office}&from=2027-03-01&to=2027-03-01")).StatusCode);
            using var page = await Pages.SignedInAsync(app, "canbo.trungvan");
            var xlsx = await page.GetByteArrayAsync("/Queue/Figures?from=2027-03-01&to=2027-03-01&handler=Excel");
            Assert.Equal((byte)'P', xlsx[0]); // a zip: the workbook
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_counter_parks_a_visitor_serves_others_resumes_them_and_can_call_a_number_out_of_turn(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var kiosk = app.KioskClient(Office);
            for (var i = 0; i < 3; i++)
            {
                await TicketAsync(kiosk, "HT");
            }

            using var officer = await app.ClientForAsync("canbo.trungvan");
            var counters = await CountersAsync(app);
            Assert.Equal("A1001", await CallNextAsync(officer, counters[0]));
            Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/queue/counters/{counters[0]}/park", null)).StatusCode);
            using (var outOfTurn = await officer.PostAsJsonAsync($"/api/queue/counters/{counters[0]}/call", new { number = "a1003" }))
            {
                Assert.Equal("A1003", (await outOfTurn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
            }

            // Another counter can neither take the parked ticket nor call one already called.
            Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/queue/counters/{counters[1]}/call", new { number = "A1001" })).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/queue/counters/{counters[1]}/call", new { number = "A1003" })).StatusCode);
            Assert.Equal("A1002", await CallNextAsync(officer, counters[1]));
            using (var resumed = await officer.PostAsJsonAsync($"/api/queue/counters/{counters[0]}/call", new { number = "A1001" }))
            {
                Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
            }

            Assert.Null(await CallNextAsync(officer, counters[0]));
        });
    }
}
