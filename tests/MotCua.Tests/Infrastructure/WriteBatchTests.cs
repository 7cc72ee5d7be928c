using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// Many writers at once, each answered only once its write is committed. On SQLite they are grouped in one
/// transaction, each piece all or nothing under its savepoint; on PostgreSQL each piece runs at once on the caller's
/// context, each statement committing by itself (WriteBatch says why), so a piece that fails after saving keeps
/// what it saved.
/// </summary>
public sealed class WriteBatchTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_failing_piece_undoes_only_itself_and_every_caller_hears_after_the_commit(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        var writes = app.Services.GetRequiredService<WriteBatch>();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                var key = await writes.RunAsync(db, async (writer, ct) =>
                {
                    writer.SystemSettings.Add(new SystemSetting { Key = $"batch-test-{i}", Value = "written" });
                    await writer.SaveChangesAsync(ct);
                    return i == 13 ? throw new InvalidOperationException("this piece fails after writing") : $"batch-test-{i}";
                });
                // Answered: the write is visible to any other connection now.
                return await app.WithDbAsync(other => other.SystemSettings.AnyAsync(s => s.Key == key)) ? "committed" : "answered before its commit";
            }
            catch (InvalidOperationException)
            {
                return "failed";
            }
        }));

        Assert.Equal(39, outcomes.Count(o => o == "committed"));
        Assert.Equal(1, outcomes.Count(o => o == "failed"));
        var keys = await app.WithDbAsync(db => db.SystemSettings.Where(s => s.Key.StartsWith("batch-test-")).Select(s => s.Key).ToListAsync());
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal(39, keys.Count);
            Assert.DoesNotContain("batch-test-13", keys); // its savepoint was rolled back, the others' kept
        }
        else
        {
            Assert.Equal(40, keys.Count); // statement by statement: the failing piece's saved row stays
        }
    });
}
