using System.Diagnostics;
using System.Net;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The README's way in: <c>dotnet run --project src/MotCua</c> from the checkout, and the output of <c>dotnet publish</c>
/// started on its own, each on an empty database that it creates, migrates and fills with demo data.
/// </summary>
[Collection(OwnProcessTests.Name)]
public sealed class FrontDoorTests
{
    [Fact]
    public async Task Dotnet_run_on_the_project_starts_on_an_empty_database()
    {
        var dataDir = Directory.CreateTempSubdirectory("motcua-run-");
        var port = AppProcess.FreePort();
        await StartsAsync(
            new ProcessStartInfo("dotnet", ["run", "--project", "src/MotCua", "--no-build", "-c", AppProcess.Configuration]) { WorkingDirectory = TestApp.RepoRoot() },
            dataDir, port);
    }

    [Fact]
    public async Task The_published_app_starts_on_its_own_on_an_empty_database()
    {
        var output = Directory.CreateTempSubdirectory("motcua-publish-");
        using (var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", "src/MotCua", "--no-build", "-c", AppProcess.Configuration, "-o", output.FullName, "-nologo", "-v", "q"])
        {
            WorkingDirectory = TestApp.RepoRoot(), RedirectStandardOutput = true, RedirectStandardError = true,
        })!)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var log = publish.StandardOutput.ReadToEndAsync(deadline.Token);
            var errors = publish.StandardError.ReadToEndAsync(deadline.Token);
            await publish.WaitForExitAsync(deadline.Token);
            Assert.True(publish.ExitCode == 0, await log + await errors);
        }

        // Started in its own folder, as a service is: everything it needs is in the published output.
        var dataDir = Directory.CreateTempSubdirectory("motcua-published-");
        try
        {
            await StartsAsync(new ProcessStartInfo("dotnet", [Path.Combine(output.FullName, "MotCua.dll")]) { WorkingDirectory = output.FullName }, dataDir, AppProcess.FreePort());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task StartsAsync(ProcessStartInfo start, DirectoryInfo dataDir, int port)
    {
        // Configured as the README documents it: the address through ASPNETCORE_URLS, the database by its settings.
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(dataDir.FullName, "motcua.db")}";
        start.Environment["Storage__Root"] = Path.Combine(dataDir.FullName, "files");
        start.Environment["Scanning__Enabled"] = "false";
        using var app = AppProcess.Launch(start);
        try
        {
            using var client = await AppProcess.ReadyClientAsync(port, "canbo.trungvan"); // the demo seed's account signs in
            using var offices = await client.GetAsync("/api/offices");
            Assert.Equal(HttpStatusCode.OK, offices.StatusCode);
            Assert.Contains("001.00.61.H26", await offices.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var page = await client.GetAsync("/thu-tuc");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode); // pages, resources and static files are there
            using var css = await client.GetAsync("/css/site.css");
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        }
        finally
        {
            await AppProcess.KillAsync(app);
            dataDir.Delete(recursive: true);
        }
    }
}
