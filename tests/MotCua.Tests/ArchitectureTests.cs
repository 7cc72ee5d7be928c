using System.Text.RegularExpressions;

namespace MotCua.Tests;

/// <summary>Capabilities meet only through each other's Contracts (STYLE.md).</summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void Capabilities_use_each_other_only_through_contracts()
    {
        var features = Path.Combine(RepoRoot(), "src", "MotCua", "Features");
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

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MotCua.slnx not found above the test output.");
    }

    [GeneratedRegex(@"MotCua\.Features\.(\w+)(\.Contracts)?\b")]
    private static partial Regex FeatureReference();
}
