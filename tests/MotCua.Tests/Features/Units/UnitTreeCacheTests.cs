using System.Net;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Units;

/// <summary>
/// The unit tree is kept between requests; an edit (on this node or another: both only write the database) must be
/// in everyone's scope at their next request.
/// </summary>
public sealed class UnitTreeCacheTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task An_office_moved_under_a_ward_is_in_its_leaders_scope_at_the_next_request(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        const string Office = "001.00.66.H26";
        using var leader = await app.ClientForAsync("lanhdao.trungvan"); // works at Phường Đại Mỗ (000.00.61.H26)
        using var admin = await Pages.SignedInAsync(app, "admin");
        Dictionary<string, string> Form(string parent) => new()
        {
            ["Input.Code"] = Office, ["Input.Name"] = "Bộ phận Một cửa Thử", ["Input.Kind"] = "ServiceCentre",
            ["Input.ParentCode"] = parent, ["Input.ValidFrom"] = "2025-07-01", ["Input.ReceivesDossiers"] = "true",
        };

        using (var created = await Pages.PostFormAsync(admin, "/Units/Edit", Form("000.00.00.H26")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        // Under the city: not the ward leader's (and the tree is now cached with the office where it is).
        using (var outside = await leader.GetAsync($"/api/queue/figures?office={Office}&from=2027-03-01&to=2027-03-01"))
        {
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        }

        using (var moved = await Pages.PostFormAsync(admin, $"/Units/Edit/{Office}", Form("000.00.61.H26")))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        using (var inside = await leader.GetAsync($"/api/queue/figures?office={Office}&from=2027-03-01&to=2027-03-01"))
        {
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        }

        // A change written by another node's context (no word to this node's cache but the database) is seen too.
        await app.WithDbAsync(async db =>
        {
            var office = db.Units.Single(u => u.Code == Office);
            office.ParentId = db.Units.Single(u => u.Code == "000.00.00.H26").Id;
            return await db.SaveChangesAsync();
        });
        using var again = await leader.GetAsync($"/api/queue/figures?office={Office}&from=2027-03-01&to=2027-03-01");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    });

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_membership_added_or_ended_changes_the_scope_at_the_next_request(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        const string Centre = "001.00.61.H26"; // Đại Mỗ's service centre, not Từ Liêm's
        using var officer = await app.ClientForAsync("canbo.phuongkhac");
        using (var before = await officer.GetAsync($"/api/queue/counters?office={Centre}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode); // and the officer's scope is now remembered
        }

        // Rotated to Đại Mỗ ward too, written by another context (as another node would).
        var membership = await app.WithDbAsync(async db =>
        {
            var added = new MotCua.Features.Accounts.Membership
            {
                AccountId = db.Users.Single(a => a.UserName == "canbo.phuongkhac").Id,
                UnitId = db.Units.Single(u => u.Code == "000.00.61.H26").Id,
                ValidFrom = new DateOnly(2025, 7, 1),
            };
            db.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        using (var rotated = await officer.GetAsync($"/api/queue/counters?office={Centre}"))
        {
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        }

        await app.WithDbAsync(async db =>
        {
            db.Memberships.Single(m => m.Id == membership).ValidTo = new DateOnly(2025, 12, 31);
            return await db.SaveChangesAsync();
        });
        using var ended = await officer.GetAsync($"/api/queue/counters?office={Centre}");
        Assert.Equal(HttpStatusCode.NotFound, ended.StatusCode);
    });
}
