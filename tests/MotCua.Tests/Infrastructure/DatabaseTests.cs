using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Infrastructure;

public sealed class DatabaseTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Migrations_apply_on_an_empty_database_and_the_app_starts(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            var applied = await app.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
            var known = await app.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
            Assert.NotEmpty(known);
            Assert.Equal(known, applied);
            Assert.True(await app.WithDbAsync(db => db.Units.AnyAsync()), "demo units seeded");
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
                $"The model has changes not in Migrations/{provider}: add a migration for both contexts (docs/operations.md).");
        });
    }

    [Fact]
    public async Task Sqlite_database_runs_in_wal_mode()
    {
        await TestApp.RunAsync(DatabaseProvider.Sqlite, async app =>
        {
            var mode = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
            Assert.Equal("wal", Assert.Single(mode));
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Ready_check_fails_when_the_database_cannot_answer(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "false",
            ["Database:ConnectionString"] = provider == DatabaseProvider.Sqlite
                ? "Data Source=/nonexistent-dir/motcua.db;Mode=ReadOnly"
                : "Host=127.0.0.1;Port=1;Database=motcua;Username=motcua;Timeout=2", // nothing listens on port 1
        };
        await TestApp.RunAsync(provider, async app =>
        {
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        }, settings);
    }
}
