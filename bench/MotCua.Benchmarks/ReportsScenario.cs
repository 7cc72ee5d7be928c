using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Dossiers;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Feedback;
using MotCua.Features.Units;
using MotCua.Infrastructure.Database;

namespace MotCua.Benchmarks;

/// <summary>
/// A city's year for the leaders: a million dossiers spread over 120 wards' offices and 20 procedures (30 % online,
/// 60 % digitised, 95 % resolved: 40 % early, 50 % on time, 10 % late), half of them evaluated (500,000
/// evaluations, 6 % unsatisfied). Then the dashboard of the city for the year, of one ward for the year, and the
/// service index of a ward and of the city for a quarter, as the city's leader.
/// </summary>
public static class ReportsScenario
{
    private const int Wards = 120;

    private static readonly string[] Procedures =
        ["1.004873", "2.000815", "1.001193", "1.004884", "2.000635", "1.003583", "1.004222", "2.001035", "1.000894", "2.000815",
         "1.009994", "1.004227", "1.001022", "2.000488", "1.003005", "1.004946", "2.001406", "1.000775", "1.002181", "1.004772"];

    public static async Task RunAsync(string? dbFile, string? postgres, int stored, int requests)
    {
        await using var host = new BenchHost(postgres, dbFile);
        var baseAddress = host.Start();
        var now = DateTimeOffset.UtcNow;
        var offices = await WardsAsync(host);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var have = await db.Set<Dossier>().CountAsync();
            if (have < stored)
            {
                await SeedAsync(host, offices, stored - have, have, now);
            }

            var (dossiers, evaluations) = (await db.Set<Dossier>().CountAsync(), await db.Set<Evaluation>().CountAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reports: {dossiers:N0} dossiers, {evaluations:N0} evaluations, {offices.Count} offices"));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var clock = Stopwatch.StartNew();
            var days = await scope.ServiceProvider.GetRequiredService<MotCua.Features.Reports.ReportRollup>().CatchUpAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored daily figures: {days} days built in {clock.Elapsed.TotalSeconds:N1} s"));
        }

        var token = await host.TokenAsync("lanhdao.thanhpho");
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var year = $"from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var quarter = $"from={today.AddDays(-90):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        foreach (var (label, url, count) in new[]
        {
            ("dashboard, city, one year", $"/api/reports/dashboard?unit=000.00.00.H26&{year}", requests),
            ("dashboard, one ward, one year", $"/api/reports/dashboard?unit=000.00.90.H26&{year}", requests),
            ("service index, one ward, a quarter", $"/api/reports/service-index?unit=000.00.90.H26&{quarter}", requests),
            ("service index, city, a quarter", $"/api/reports/service-index?unit=000.00.00.H26&{quarter}", requests),
        })
        {
            Console.WriteLine($"{label} ({count} requests, one at a time):");
            Console.WriteLine(await LoadGenerator.RunAsync(baseAddress, Enumerable.Repeat(url, count).ToArray(), 1, warmup: 2, token));
        }
    }

    /// <summary>120 wards under the city, each with its service centre (codes 000.00.90.H26 on, offices 001.00.90.H26 on).</summary>
    private static async Task<List<(Guid Id, string Code)>> WardsAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var city = await db.Units.Where(u => u.Code == "000.00.00.H26").Select(u => u.Id).SingleAsync();
        if (!await db.Units.AnyAsync(u => u.Code == "000.00.90.H26"))
        {
            for (var w = 0; w < Wards; w++)
            {
                var ward = new Unit { Code = $"000.00.{90 + w}.H26", Name = $"Phường Thử {w + 1}", Kind = UnitKind.Ward, ParentId = city, ValidFrom = new DateOnly(2025, 7, 1) };
                db.Units.Add(ward);
                db.Units.Add(new Unit { Code = $"001.00.{90 + w}.H26", Name = $"Trung tâm Phục vụ hành chính công Phường Thử {w + 1}", Kind = UnitKind.ServiceCentre, ParentId = ward.Id, ValidFrom = ward.ValidFrom, ReceivesDossiers = true });
            }

            await db.SaveChangesAsync();
        }

        return [.. (await db.Units.Where(u => u.ReceivesDossiers && u.Code.StartsWith("001.00.")).Select(u => new { u.Id, u.Code }).ToListAsync())
            .Where(u => u.Code != "001.00.61.H26").Select(u => (u.Id, u.Code))];
    }

    private static async Task SeedAsync(BenchHost host, List<(Guid Id, string Code)> offices, int count, int offset, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        Guid version;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            version = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<MotCua.Features.Catalog.StoredVersion>().Select(v => v.Id).FirstAsync();
        }

        var start = now.AddDays(-365);
        var perMinute = count / (365.0 * 24 * 60);
        for (var done = 0; done < count;)
        {
            var batch = Math.Min(10_000, count - done);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dossiers = new List<Dossier>(batch);
            var evaluations = new List<Evaluation>(batch / 2);
            for (var k = 0; k < batch; k++)
            {
                var n = offset + done + k;
                var (officeId, officeCode) = offices[n % offices.Count];
                var received = start.AddMinutes((n - offset) / perMinute);
                var open = n % 20 == 0 && received > now.AddDays(-30);
                var due = received.AddDays(n % 3 == 0 ? 0.3 : 4);
                var timeliness = (n % 10) switch { < 4 => Timeliness.Early, < 9 => Timeliness.OnTime, _ => Timeliness.Late };
                var resolved = open || n % 20 == 0 ? (DateTimeOffset?)null : timeliness switch { Timeliness.Early => due.AddDays(-1.5), Timeliness.OnTime => due.AddHours(-1), _ => due.AddDays(2) };
                var day = DateOnly.FromDateTime(received.ToOffset(TimeSpan.FromHours(7)).DateTime);
                var procedure = Procedures[n / 7 % Procedures.Length];
                var d = new Dossier
                {
                    Code = string.Create(CultureInfo.InvariantCulture, $"{officeCode}-{day:yyMMdd}-{n:0000000}"), OfficeId = officeId, OfficeCode = officeCode, Sequence = n,
                    ProcedureVersionId = version, ProcedureCode = procedure, ProcedureName = "Thủ tục " + procedure, LegalWorkingDays = 3, SameDay = n % 3 == 0,
                    Channel = n % 10 < 3 ? DossierChannel.Online : DossierChannel.Counter, Digitised = n % 5 < 3,
                    Status = resolved is null ? (open ? DossierStatus.InProgress : DossierStatus.Stopped) : DossierStatus.Returned,
                    ApplicantIdNumber = string.Create(CultureInfo.InvariantCulture, $"001090{n % 1_000_000:000000}"), ApplicantName = $"Công Dân {n}",
                    ApplicantPhone = n % 8 == 0 ? null : "0912345678", ReceivedAt = received, DueDate = DateOnly.FromDateTime(due.ToOffset(TimeSpan.FromHours(7)).DateTime), DueAt = due,
                    ReceivedBy = $"canbo.{officeCode}.{n % 3}", Version = 3, CurrentStep = resolved is null ? 1 : 3,
                    ResolvedAt = resolved, Timeliness = resolved is null ? null : timeliness, ResolvedSameDay = resolved is not null && n % 3 == 0 && timeliness != Timeliness.Late,
                    ClosedAt = resolved?.AddDays(1) ?? (open ? null : received.AddDays(5)),
                };
                dossiers.Add(d);
                if (n % 19 < 10 && resolved is not null)
                {
                    var unsatisfied = n % 50 < 3;
                    evaluations.Add(new Evaluation
                    {
                        DossierId = d.Id, DossierCode = d.Code, OfficeId = officeId, Kind = n % 4 == 0 ? Evaluation.DossierKind : Evaluation.Counter, Officer = d.ReceivedBy,
                        Rating = n % 4 == 0 ? null : unsatisfied ? 2 : 4, Criteria = n % 4 == 0 ? string.Join(',', Enumerable.Repeat(unsatisfied ? "unsatisfied" : "satisfied", 9)) : null,
                        Points = n % 4 == 0 ? (unsatisfied ? 0 : 9) : unsatisfied ? 2 : 4, Unsatisfied = unsatisfied, Source = "qr", At = resolved.Value.AddHours(3), ChangedAt = resolved.Value.AddHours(3),
                    });
                }
            }

            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await BulkInsert.RowsAsync(db, dossiers);
                await BulkInsert.RowsAsync(db, evaluations);
                await tx.CommitAsync();
            }

            done += batch;
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"\r  seeding: {done:N0} / {count:N0} dossiers ({done / clock.Elapsed.TotalSeconds:N0}/s, {clock.Elapsed:mm\\:ss})   "));
        }

        Console.WriteLine();
    }
}
