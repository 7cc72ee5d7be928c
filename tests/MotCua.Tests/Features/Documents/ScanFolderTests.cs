using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Documents;
using MotCua.Tests.Builders;

namespace MotCua.Tests.Features.Documents;

public abstract class ScanFolderTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    private ScanFolderWatcher Watcher => app.Services.GetRequiredService<ScanFolderWatcher>();

    private async Task SweepTwiceAsync()
    {
        await Watcher.SweepAsync(CancellationToken.None); // sees the file and its size
        await Watcher.SweepAsync(CancellationToken.None); // size unchanged: takes it
    }

    [SkippableFact]
    public async Task A_file_dropped_in_the_desk_folder_appears_on_that_desk_and_is_attached_as_a_document()
    {
        var folder = Path.Combine(Watcher.Root, "canbo.trungvan");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "scan-0001.png"), TestImages.QrPng("bản quét 1", 4));
        await SweepTwiceAsync();
        Assert.Empty(Directory.GetFiles(folder));

        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        var scan = await Pages.PostFormAsync(officer, "/Intake?handler=Scan", new() { ["qr"] = "001090777888||Mạc Văn Thái|05051985|Nam|Hà Nội|01012021" });
        var citizen = scan.Headers.Location!.OriginalString.Split("citizen=")[1];
        var page = await officer.GetStringAsync($"/Intake?citizen={citizen}&procedure=2.000815");
        Assert.Contains("scan-0001.png", page, StringComparison.Ordinal);
        var scanId = await app.WithDbAsync(db => db.Set<PendingScan>().Where(s => s.FileName == "scan-0001.png").Select(s => s.Id).SingleAsync());

        using var attach = await Pages.PostFormAsync(officer, $"/Intake?citizen={citizen}&procedure=2.000815&handler=Attach", new()
        {
            ["citizen"] = citizen, ["procedure"] = "2.000815", ["documentType"] = "ban-chinh", ["scanIds"] = scanId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, attach.StatusCode);
        var after = await officer.GetStringAsync($"/Intake?citizen={citizen}&procedure=2.000815");
        Assert.DoesNotContain("scan-0001.png", after, StringComparison.Ordinal);
        Assert.Contains("data-document=\"ban-chinh\" data-status=\"reuse\"", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Another_desk_does_not_see_the_scan_and_a_bad_file_is_set_aside_with_the_reason()
    {
        var folder = Path.Combine(Watcher.Root, "canbo.phuongkhac");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "virus.pdf"), "MZ this is not a pdf");
        await File.WriteAllBytesAsync(Path.Combine(folder, "ok.png"), TestImages.QrPng("ok", 4));
        await SweepTwiceAsync();
        Assert.True(File.Exists(Path.Combine(folder, "rejected", "virus.pdf")));
        Assert.Contains("PDF", await File.ReadAllTextAsync(Path.Combine(folder, "rejected", "virus.pdf.txt")), StringComparison.Ordinal);
        var desks = await app.WithDbAsync(db => db.Set<PendingScan>().Where(s => s.FileName == "ok.png").Select(s => s.Desk).ToListAsync());
        Assert.Equal(["canbo.phuongkhac"], desks);
        Assert.False(await app.WithDbAsync(db => db.Set<PendingScan>().AnyAsync(s => s.FileName == "virus.pdf")));
    }
}

/// <summary><see cref="ScanFolderTests"/> on SQLite.</summary>
public sealed class ScanFolderTestsOnSqlite(TestApp app) : ScanFolderTests(app), IClassFixture<TestApp>;

/// <summary><see cref="ScanFolderTests"/> on PostgreSQL.</summary>
public sealed class ScanFolderTestsOnPostgres(PostgresTestApp app) : ScanFolderTests(app), IClassFixture<PostgresTestApp>;
