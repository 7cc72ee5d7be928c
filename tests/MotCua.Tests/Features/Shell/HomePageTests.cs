using System.Text.RegularExpressions;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Shell;

/// <summary>The officer's home page shows today's work, counted from the records, each figure one click from its list.</summary>
public sealed class HomePageTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task The_home_page_counts_the_work_waiting_and_links_to_it(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        app.Clock.SetUtcNow(Flow.Monday);
        var handled = await Flow.ReceiveAsync(app, "2.000815", "001090400041");
        var ready = await Flow.ReceiveAsync(app, "2.000815", "001090400042");
        await Flow.ToResultReadyAsync(app, ready);

        using var specialist = await Pages.SignedInAsync(app, "chuyenvien.trungvan");
        var home = await specialist.GetStringAsync("/");
        var open = Figure(home, "today-open");
        Assert.Equal((await Flow.InboxAsync(app, "chuyenvien.trungvan")).GetProperty("counts").GetProperty("all").GetInt32(), open);
        Assert.True(open >= 1);
        Assert.Contains("href=\"/Workflow?filter=overdue\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("today-results", home, StringComparison.Ordinal); // a specialist hands nothing over

        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        home = await officer.GetStringAsync("/");
        Assert.Equal(1, Figure(home, "today-results"));
        Assert.DoesNotContain("Nguyễn Văn An", home, StringComparison.Ordinal); // figures, not people

        // One click: the result handover page lists the result ready, and opens it.
        var results = await officer.GetStringAsync("/Dossiers/Return");
        Assert.Contains($"href=\"?code={Uri.EscapeDataString(ready)}\"", results, StringComparison.Ordinal);
        Assert.DoesNotContain(handled, results, StringComparison.Ordinal);
        using var nothingScanned = await officer.GetAsync("/Dossiers/Return?code=%2F%3Fx"); // a scan with no code in it: the page, not an error
        Assert.Equal(System.Net.HttpStatusCode.OK, nothingScanned.StatusCode);
    });

    private static int Figure(string page, string testId) =>
        int.Parse(Regex.Match(page, $"data-testid=\"{testId}\"><small>[^<]*</small><b>(\\d+)</b>").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
