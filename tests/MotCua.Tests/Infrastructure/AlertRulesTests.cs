using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// The alerting rules of deploy/prometheus/alerts.yml are valid for Prometheus (<c>promtool check rules</c>), fire
/// when they should and stay quiet when they should not (<c>promtool test rules</c> on tests/prometheus), and each
/// alert has its runbook entry in docs/operations.md.
/// </summary>
public sealed partial class AlertRulesTests
{
    private static readonly string Rules = Path.Combine(TestApp.RepoRoot(), "deploy", "prometheus", "alerts.yml");

    [SkippableFact]
    public async Task The_rules_are_valid_and_their_unit_tests_pass()
    {
        Skip.IfNot(File.Exists("/usr/bin/promtool"), "promtool is needed (Debian's prometheus package; ./test.sh installs it).");
        foreach (var args in new[] { new[] { "check", "rules", Rules }, ["test", "rules", Path.Combine(TestApp.RepoRoot(), "tests", "prometheus", "alerts_test.yml")] })
        {
            var (exit, output) = await AppProcess.RunToEndAsync(new ProcessStartInfo("/usr/bin/promtool", args));
            Assert.True(exit == 0, $"promtool {string.Join(' ', args)}:\n{output}");
        }
    }

    [Fact]
    public void Every_alert_has_a_runbook_entry()
    {
        var alerts = AlertName().Matches(File.ReadAllText(Rules)).Select(m => m.Groups[1].Value).ToList();
        Assert.True(alerts.Count >= 10, "the rules file names its alerts");
        var operations = File.ReadAllText(Path.Combine(TestApp.RepoRoot(), "docs", "operations.md"));
        Assert.All(alerts, alert => Assert.Contains($"#### {alert}\n", operations, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\s*- alert: (\w+)$", RegexOptions.Multiline)]
    private static partial Regex AlertName();
}
