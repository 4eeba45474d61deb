using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g.
//   dotnet run -c Release --project tests/DeskPhone.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(DeskPhone.Benchmarks.SipParsingBenchmarks).Assembly).Run(args);
