using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g.
//   dotnet run -c Release --project tests/DeskPhone.Benchmarks -- --filter '*' --job short
// or, with --latency [frames], the wall-clock processing time each way per audio frame.
if (args.Length > 0 && args[0] == "--latency")
{
    DeskPhone.Benchmarks.AddedLatencyMeasurement.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DeskPhone.Benchmarks.SipParsingBenchmarks).Assembly).Run(args);
