using System.Net;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Security;

/// <summary>Leaders work the counter only where their office has decided they may (docs/access.md).</summary>
public sealed class LeadersAtCounterTests
{
    private const string Office = "001.00.61.H26"; // Đại Mỗ's service centre

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_leader_works_the_counter_only_at_an_office_that_lets_its_leaders(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        // The ward's leader also works at its service centre.
        await app.AlsoWorksAtAsync("lanhdao.trungvan", Office);
        using var api = await app.ClientForAsync("lanhdao.trungvan");
        using var pages = await Pages.SignedInAsync(app, "lanhdao.trungvan");
        using var cityLeader = await app.ClientForAsync("lanhdao.thanhpho");
        async Task<(HttpStatusCode Api, string? Page, HttpStatusCode City)> TryAsync()
        {
            using var counters = await api.GetAsync($"/api/queue/counters?office={Office}");
            using var intake = await pages.GetAsync("/Intake");
            using var city = await cityLeader.GetAsync($"/api/queue/counters?office={Office}");
            return (counters.StatusCode, intake.StatusCode == HttpStatusCode.OK ? "open" : intake.Headers.Location?.AbsolutePath, city.StatusCode);
        }

        Assert.Equal((HttpStatusCode.Forbidden, "/Error/403", HttpStatusCode.Forbidden), await TryAsync());

        // The administrator records the office's decision on the Units page.
        using var admin = await Pages.SignedInAsync(app, "admin");
        Dictionary<string, string> Form(bool leaders) => new()
        {
            ["Input.Code"] = Office, ["Input.Name"] = "Trung tâm Phục vụ hành chính công phường Đại Mỗ", ["Input.Kind"] = "ServiceCentre",
            ["Input.ParentCode"] = "000.00.61.H26", ["Input.ValidFrom"] = "2025-07-01", ["Input.ReceivesDossiers"] = "true",
            ["Input.LeadersAtCounter"] = leaders ? "true" : "false",
        };
        using (var on = await Pages.PostFormAsync(admin, $"/Units/Edit/{Office}", Form(true)))
        {
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }

        // Its own leader now may; the city's leader, who does not work there, still may not.
        Assert.Equal((HttpStatusCode.OK, "open", HttpStatusCode.Forbidden), await TryAsync());

        using (var off = await Pages.PostFormAsync(admin, $"/Units/Edit/{Office}", Form(false)))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        Assert.Equal((HttpStatusCode.Forbidden, "/Error/403", HttpStatusCode.Forbidden), await TryAsync());
    });
}
