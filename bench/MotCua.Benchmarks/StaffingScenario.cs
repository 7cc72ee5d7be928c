using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Staffing;
using MotCua.Features.Units;
using MotCua.Infrastructure.Database;

namespace MotCua.Benchmarks;

/// <summary>
/// Staffing at a city's size (targets: a unit's figures p95 under 50 ms, the city's picture under 200 ms, a rotation
/// plan of 500 people checked in under 1 s): 3,000 units below the city, 30,000 staff records in rotated positions.
/// </summary>
public static class StaffingScenario
{
    public static async Task RunAsync(string? dbFile, string? postgres, int units, int people, int requests, int concurrency)
    {
        await using var host = new BenchHost(postgres, dbFile);
        var baseAddress = host.Start();
        var year = DateTime.UtcNow.Year;
        List<(Guid Person, Guid Unit)> staff;
        List<(Guid Position, Guid Unit)> targets;
        var clock = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var city = await db.Units.SingleAsync(u => u.Code == "000.00.00.H26");
            var now = DateTimeOffset.UtcNow;
            var wards = Enumerable.Range(0, units).Select(i => new Unit
            {
                Code = $"{i / 100:000}.{i % 100:00}.99.H26", Name = $"Phường thử {i}", Kind = UnitKind.Ward, ParentId = city.Id, ValidFrom = new DateOnly(2020, 1, 1),
            }).ToList();
            db.Units.AddRange(wards);
            var positions = wards.SelectMany(w => new[]
            {
                new Position { UnitId = w.Id, Name = "Công chức Tư pháp - Hộ tịch", Category = StaffCategory.CivilServant, RotationYears = 3, CreatedAt = now },
                new Position { UnitId = w.Id, Name = "Công chức Địa chính - Xây dựng", Category = StaffCategory.CivilServant, RotationYears = 3, CreatedAt = now },
            }).ToList();
            db.AddRange(positions);
            db.AddRange(wards.Select(w => new StaffQuota { UnitId = w.Id, Year = year, Category = StaffCategory.CivilServant, Quota = people / units + 2, SetBy = "bench", SetAt = now }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            staff = [];
            for (var start = 0; start < people; start += 5000)
            {
                var batch = Enumerable.Range(start, Math.Min(5000, people - start)).Select(i => new StaffPerson
                {
                    FullName = $"Cán bộ {i}", IdNumber = $"0019{i:00000000}", Category = StaffCategory.CivilServant, CreatedAt = now,
                }).ToList();
                db.AddRange(batch);
                db.AddRange(batch.Select((p, k) =>
                {
                    var position = positions[(start + k) % positions.Count];
                    return new PositionHeld { PersonId = p.Id, PositionId = position.Id, UnitId = position.UnitId, Category = position.Category, ValidFrom = new DateOnly(2019, 1, 1) };
                }));
                staff.AddRange(batch.Select((p, k) => (p.Id, positions[(start + k) % positions.Count].UnitId)));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            targets = [.. positions.Select(p => (p.Id, p.UnitId))];
        }

        Console.WriteLine($"staffing: {units:N0} units, {people:N0} staff records seeded in {clock.Elapsed.TotalSeconds:N0} s");
        var token = await host.TokenAsync("lanhdao.thanhpho");
        string[] unitPages = [.. Enumerable.Range(0, 200).Select(i => $"/api/staffing/quotas?unit={i * (units / 200) / 100:000}.{i * (units / 200) % 100:00}.99.H26&year={year}")];
        Console.WriteLine("a unit's figures (GET /api/staffing/quotas?unit=<ward>):");
        Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, unitPages, concurrency, warmup: 20, token));
        Console.WriteLine($"the city's picture (GET /api/staffing/quotas?unit=<city>: the city and its {units:N0} units):");
        Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, [.. Enumerable.Repeat($"/api/staffing/quotas?unit=000.00.00.H26&year={year}", 30)], 1, warmup: 3, token));

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var timings = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            // 500 people each to a position at the next ward (their own ward's quota keeps room for the one coming in).
            var moves = staff.Skip(run * 500).Take(500).Select((s, i) => new
            {
                personId = s.Person, toPositionId = targets[(targets.FindIndex(t => t.Unit == s.Unit) + 2) % targets.Count].Position, effectiveOn = today,
            }).ToList();
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/staffing/rotation-plans", new { unitCode = "000.00.00.H26", year, decision = "bench", moves });
            watch.Stop();
            response.EnsureSuccessStatusCode();
            if (run > 0)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"a rotation plan of 500 people drafted and checked (POST /api/staffing/rotation-plans), 5 runs after one warm-up: " +
            $"median {timings.Order().ElementAt(2):N0} ms, max {timings.Max():N0} ms");
    }
}
