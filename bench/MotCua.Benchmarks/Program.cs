using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MotCua.Benchmarks.UnitScopeBenchmarks).Assembly).Run(args);
