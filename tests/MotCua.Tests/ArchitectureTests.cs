using System.Text.RegularExpressions;

namespace MotCua.Tests;

/// <summary>Capabilities meet only through each other's Contracts (STYLE.md).</summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void Capabilities_use_each_other_only_through_contracts()
    {
        var features = Path.Combine(TestApp.RepoRoot(), "src", "MotCua", "Features");
        var capabilities = Directory.GetDirectories(features).Select(Path.GetFileName).Where(n => n != "Shared").ToList();
        Assert.Contains("Units", capabilities);
        var violations = new List<string>();
        foreach (var capability in capabilities)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(features, capability!), "*.cs*", SearchOption.AllDirectories))
            {
                foreach (Match m in FeatureReference().Matches(File.ReadAllText(file)))
                {
                    var target = m.Groups[1].Value;
                    if (target != capability && m.Groups[2].Value != ".Contracts")
                    {
                        violations.Add($"{Path.GetRelativePath(features, file)} uses MotCua.Features.{target}{m.Groups[2].Value}");
                    }
                }
            }
        }

        Assert.Empty(violations);
    }

    [GeneratedRegex(@"MotCua\.Features\.(\w+)(\.Contracts)?\b")]
    private static partial Regex FeatureReference();
}
