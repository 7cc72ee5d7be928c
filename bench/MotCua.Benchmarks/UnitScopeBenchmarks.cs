using BenchmarkDotNet.Attributes;
using MotCua.Features.Units.Contracts;

namespace MotCua.Benchmarks;

/// <summary>
/// Expanding a caller's memberships to the units they may see, on a city-sized tree: one city, 30 former
/// districts, 600 former wards merged into 126 new wards, each ward with 4 agencies (about 3,700 units).
/// </summary>
[MemoryDiagnoser]
public class UnitScopeBenchmarks
{
    private readonly List<UnitLink> tree = [];
    private Guid city;
    private Guid ward;

    [GlobalSetup]
    public void Setup()
    {
        city = Guid.NewGuid();
        tree.Add(new UnitLink(city, null, null));
        var newWards = Enumerable.Range(0, 126).Select(_ => Guid.NewGuid()).ToList();
        foreach (var w in newWards)
        {
            tree.Add(new UnitLink(w, city, null));
            tree.AddRange(Enumerable.Range(0, 4).Select(_ => new UnitLink(Guid.NewGuid(), w, null)));
        }

        for (var d = 0; d < 30; d++)
        {
            var district = Guid.NewGuid();
            tree.Add(new UnitLink(district, city, null));
            for (var i = 0; i < 20; i++)
            {
                var old = Guid.NewGuid();
                tree.Add(new UnitLink(old, district, newWards[(d * 20 + i) % newWards.Count]));
                tree.AddRange(Enumerable.Range(0, 4).Select(_ => new UnitLink(Guid.NewGuid(), old, null)));
            }
        }

        ward = newWards[7];
    }

    [Benchmark]
    public int City() => UnitTree.Expand(tree, [city]).Count;

    [Benchmark]
    public int Ward() => UnitTree.Expand(tree, [ward]).Count;
}
