using BenchmarkDotNet.Running;

namespace MotCua.Benchmarks;

public static class BenchMain
{
    /// <summary>"load &lt;scenario&gt;" runs a load scenario against a real MotCua on 127.0.0.1; anything else goes to BenchmarkDotNet.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "load")
        {
            return await LoadScenarios.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchMain).Assembly).Run(args);
        return 0;
    }
}
