using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Queue;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Queue;

/// <summary>An office's leader sets how far ahead priority visitors go; the next tickets follow it.</summary>
public sealed class QueueSettingsTests
{
    private const string Office = "001.00.61.H26";

    private static Dictionary<string, string> Form(int weight) => new()
    {
        ["office"] = Office, ["Input.PriorityWeightMinutes"] = weight.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.SlotMinutes"] = "30", ["Input.SlotCapacity"] = "3", ["Input.EarlyMinutes"] = "30", ["Input.LateMinutes"] = "15",
    };

    private static Task<int> WeightAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var office = await db.Units.SingleAsync(u => u.Code == Office);
        return await db.Set<QueueOffice>().Where(o => o.OfficeId == office.Id).Select(o => o.PriorityWeightMinutes).SingleAsync();
    });

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_leader_changes_the_priority_weight_and_the_next_priority_ticket_is_ranked_by_it(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        const string Url = $"/Queue/Settings?office={Office}";
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        using (var refused = await Pages.PostFormAsync(officer, Url, Form(60)))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode); // to the "not allowed" page, not to the saved settings
            Assert.Equal("/Error/403", refused.Headers.Location?.AbsolutePath);
        }

        Assert.Equal(20, await WeightAsync(app)); // an officer may look, not change

        using var leader = await Pages.SignedInAsync(app, "lanhdao.trungvan");
        using (var wrong = await Pages.PostFormAsync(leader, Url, Form(500)))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, naming the field
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Contains("data-valmsg-for=\"Input.PriorityWeightMinutes\"", html, StringComparison.Ordinal);
            Assert.Contains("120", html, StringComparison.Ordinal);
        }

        Assert.Equal(20, await WeightAsync(app));
        using (var saved = await Pages.PostFormAsync(leader, Url, Form(60)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(60, await WeightAsync(app));

        // Under 60 minutes of head start, a priority visitor who came 50 minutes after a walk-in goes first.
        using var kiosk = app.KioskClient(Office);
        using (var first = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT", priority = false }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(50));
        using (var priority = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT", priority = true }))
        {
            Assert.Equal(0, (await priority.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("waitingAhead").GetInt32());
        }

        using var api = await app.ClientForAsync("canbo.trungvan");
        var counter = (await api.GetFromJsonAsync<JsonElement>($"/api/queue/counters?office={Office}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        using var call = await api.PostAsync($"/api/queue/counters/{counter}/call-next", null);
        Assert.Equal("A1002", (await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());

        // Another ward's staff do not see this office's settings.
        using var neighbour = await Pages.SignedInAsync(app, "canbo.phuongkhac");
        using var hidden = await neighbour.GetAsync(Url);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    });

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_leader_issues_a_kiosk_key_on_the_settings_page_and_the_kiosk_then_gives_tickets(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        const string Url = $"/Queue/Settings?office={Office}";
        using var leader = await Pages.SignedInAsync(app, "lanhdao.trungvan");
        var page = await leader.GetStringAsync(Url);
        using var issued = await leader.PostAsync($"{Url}&handler=IssueKiosk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Pages.AntiforgeryToken(page), ["name"] = "Máy lấy số tầng 2",
        }));
        var html = await issued.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"issued-key\"[^>]*>.*?<code>([^<]+)</code>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.StartsWith("MK-", key, StringComparison.Ordinal);

        using var kiosk = app.CreateClient();
        kiosk.DefaultRequestHeaders.Add(KioskKeys.Header, key);
        using var ticket = await kiosk.PostAsJsonAsync("/api/queue/tickets", new { office = Office, service = "HT" });
        Assert.Equal(HttpStatusCode.Created, ticket.StatusCode);
        Assert.DoesNotContain(key, await leader.GetStringAsync(Url), StringComparison.Ordinal); // shown once
    });

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_ward_leader_picks_an_office_of_the_ward_for_the_queue_figures_and_none_outside_it(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        using var leader = await Pages.SignedInAsync(app, "lanhdao.trungvan"); // works at the ward, not at its service centre
        var html = await leader.GetStringAsync("/Queue/Figures");
        Assert.Contains("id=\"hours-title\"", html, StringComparison.Ordinal); // the figures of the ward's office, chosen by default
        Assert.Contains($"value=\"{Office}\"", html, StringComparison.Ordinal);

        var outside = await leader.GetStringAsync("/Queue/Figures?office=000.01.00.H26"); // the city's centre
        Assert.DoesNotContain("id=\"hours-title\"", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("Trung tâm Phục vụ hành chính công thành phố Hà Nội", outside, StringComparison.Ordinal);
        Assert.Contains("không thuộc các đơn vị của bạn", outside, StringComparison.Ordinal);
    });
}
