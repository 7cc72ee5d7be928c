using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens.Contracts;

/// <summary>
/// Loads citizens in bulk (a migration from another system, the national population database, demo data): new
/// people are inserted in batches with every value's provenance (source: bulk import); a person already in the
/// store goes through the ordinary observation, so conflicts are flagged as at the counter.
/// </summary>
public sealed class CitizenBulkImport(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int BatchSize = 5000;

    public async Task<int> ImportAsync(IEnumerable<CitizenObservation> people, IProgress<int>? progress, string by, CancellationToken ct = default)
    {
        var total = 0;
        foreach (var batch in people.Chunk(BatchSize))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ids = batch.Select(p => p.IdNumber).ToArray();
            var existing = (await db.Set<Citizen>().AsNoTracking().Where(c => ids.Contains(c.IdNumber)).Select(c => c.IdNumber).ToListAsync(ct)).ToHashSet();
            var now = clock.GetUtcNow();
            var citizens = new List<Citizen>(batch.Length);
            var values = new List<ProfileFieldValue>(batch.Length * 6);
            foreach (var person in batch.Where(p => !existing.Contains(p.IdNumber)).DistinctBy(p => p.IdNumber))
            {
                var citizen = new Citizen
                {
                    IdNumber = person.IdNumber, FullName = person.FullName ?? "", NameFolded = SearchText.Fold(person.FullName), DateOfBirth = person.DateOfBirth,
                    Sex = person.Sex, Address = person.Address, Phone = CitizenStore.NormalizePhone(person.Phone), Email = person.Email, CreatedAt = now, UpdatedAt = now,
                };
                citizens.Add(citizen);
                void Value(string field, string? value)
                {
                    if (value is not null)
                    {
                        values.Add(new ProfileFieldValue { CitizenId = citizen.Id, Field = field, Value = value, Source = ProfileSource.BulkImport, ObservedAt = now, ObservedBy = by });
                    }
                }

                Value("fullName", citizen.FullName.Length == 0 ? null : citizen.FullName);
                Value("dateOfBirth", citizen.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Value("sex", citizen.Sex?.ToString());
                Value("address", citizen.Address);
                Value("phone", citizen.Phone);
                Value("email", citizen.Email);
            }

            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await BulkInsert.RowsAsync(db, citizens, ct);
                await BulkInsert.RowsAsync(db, values, ct);
                await tx.CommitAsync(ct);
            }

            var store = scope.ServiceProvider.GetRequiredService<CitizenStore>();
            foreach (var person in batch.Where(p => existing.Contains(p.IdNumber)))
            {
                await store.ObserveAsync(person, ProfileSource.BulkImport, by, null, ct: ct);
            }

            total += batch.Length;
            progress?.Report(total);
        }

        return total;
    }
}
