using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Units;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Units;

/// <summary>
/// The unit tree is kept between requests; an edit must be in everyone's scope at their next request on the node that
/// saved it, and within a second on the others (which hear of it only through the tree's version in the database).
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

        // A change written by another context of this node is seen at once too.
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

        // Rotated to Đại Mỗ ward too, written by another context of this node.
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

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_membership_saved_by_another_node_is_in_scope_here_within_a_second(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        const string Centre = "001.00.61.H26";
        using var officer = await app.ClientForAsync("canbo.phuongkhac");
        using (var before = await officer.GetAsync($"/api/queue/counters?office={Centre}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        // Another node: its own context on the same database, and its own interceptor, which stamps the tree's
        // version in the same save but cannot tell this node's cache anything.
        await using (AppDbContext other = provider == DatabaseProvider.Sqlite
                         ? new SqliteAppDbContext(OtherNode<SqliteAppDbContext>(app))
                         : new PostgresAppDbContext(OtherNode<PostgresAppDbContext>(app)))
        {
            other.Add(new MotCua.Features.Accounts.Membership
            {
                AccountId = other.Users.Single(a => a.UserName == "canbo.phuongkhac").Id,
                UnitId = other.Units.Single(u => u.Code == "000.00.61.H26").Id,
                ValidFrom = new DateOnly(2025, 7, 1),
            });
            await other.SaveChangesAsync();
        }

        // Asked again and again: within about a second this node reads the new version and the officer's scope grows
        // (ten seconds only so that a broken cache fails instead of hanging).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            using var again = await officer.GetAsync($"/api/queue/counters?office={Centre}");
            status = again.StatusCode;
        }
        while (status != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, status);
    });

    private static DbContextOptions<TContext> OtherNode<TContext>(TestApp app)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        DatabaseModule.Configure(options, app.Provider, app.ConnectionString);
        return options.AddInterceptors(new UnitVersionInterceptor(new UnitTreeCache())).Options;
    }
}
