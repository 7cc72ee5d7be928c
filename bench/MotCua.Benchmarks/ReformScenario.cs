using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Dossiers;
using MotCua.Features.Reform;
using MotCua.Features.Units;
using MotCua.Infrastructure.Database;

namespace MotCua.Benchmarks;

/// <summary>
/// The reform office at a city's size (targets: a ward's dashboard with measured targets over a million dossiers
/// p95 under 100 ms; the ranking of 126 units for a year under 200 ms). On a database that already holds the
/// dossiers (the reports or portal scenario's), the ward whose offices received most gets a plan with four measured
/// targets over two years; 126 wards get a year of the index (every criterion scored, half appraised).
/// </summary>
public static class ReformScenario
{
    public static async Task RunAsync(string? dbFile, string? postgres, int wards, int requests)
    {
        await using var host = new BenchHost(postgres, dbFile);
        var baseAddress = host.Start();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        string ward;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var clock = Stopwatch.StartNew();
            var days = await scope.ServiceProvider.GetRequiredService<MotCua.Features.Reports.ReportRollup>().CatchUpAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored daily figures: {days} days built in {clock.Elapsed.TotalSeconds:N1} s"));
            var busiest = await db.Set<Dossier>().GroupBy(d => d.OfficeId).Select(g => new { Office = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
            var office = await db.Units.SingleAsync(u => u.Id == busiest.Office);
            var parent = await db.Units.SingleAsync(u => u.Id == office.ParentId);
            ward = parent.Kind == UnitKind.Province ? office.Code : parent.Code;
            var total = await db.Set<Dossier>().CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reform: {total:N0} dossiers; the busiest office {office.Code} received {busiest.Count:N0}; its ward {ward}"));

            var city = await db.Units.SingleAsync(u => u.Code == "000.00.00.H26");
            if (!await db.Units.AnyAsync(u => u.Code == "000.00.01.H27"))
            {
                var now = DateTimeOffset.UtcNow;
                var added = Enumerable.Range(0, wards).Select(i => new Unit
                {
                    Code = $"000.{i / 100:00}.{i % 100:00}.H27", Name = $"Phường chỉ số {i + 1}", Kind = UnitKind.Ward, ParentId = city.Id, ValidFrom = new DateOnly(2020, 1, 1),
                }).ToList();
                db.Units.AddRange(added);
                var criteria = ParIndex.CriteriaOf(today.Year).Groups.SelectMany(g => g.Criteria).ToList();
                db.AddRange(added.SelectMany((u, w) => criteria.Select((c, k) => new IndexScore
                {
                    Year = today.Year, UnitId = u.Id, Criterion = c.Code, Self = Math.Round(c.Max * (0.6m + ((w + k) % 5 * 0.1m)), 1),
                    Appraised = w % 2 == 0 ? Math.Round(c.Max * (0.55m + ((w + k) % 5 * 0.1m)), 1) : null, UpdatedAt = now,
                })));
                await db.SaveChangesAsync();
            }
        }

        var token = await host.TokenAsync("lanhdao.thanhpho");
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var created = await client.PostAsJsonAsync("/api/reform/plans", new
        {
            unitCode = ward, name = "Kế hoạch cải cách hành chính (bench)", from = $"{today.Year - 1}-01-01", to = $"{today.Year}-12-31",
            targets = new object[]
            {
                new { name = "Hài lòng", measure = "satisfaction", target = 95 }, new { name = "Đúng hạn", measure = "onTime", target = 98 },
                new { name = "Trực tuyến", measure = "online", target = 50 }, new { name = "Số hoá", measure = "digitised", target = 80 },
            },
        });
        created.EnsureSuccessStatusCode();
        var plan = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Console.WriteLine($"a ward's plan with four measured targets over two years (GET /api/reform/plans/{{id}}), {requests} requests one at a time:");
        Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, [.. Enumerable.Repeat($"/api/reform/plans/{plan}", requests)], 1, warmup: 3, token));
        Console.WriteLine($"the ranking of the wards for the year (GET /api/reform/ranking/{today.Year}?level=ward), {requests} requests one at a time:");
        Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, [.. Enumerable.Repeat($"/api/reform/ranking/{today.Year}?level=ward", requests)], 1, warmup: 3, token));
    }
}
