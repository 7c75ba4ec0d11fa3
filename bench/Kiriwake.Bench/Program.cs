using Kiriwake.Bench.Logs;

// Entry point of the benchmarks and evaluation harnesses; each harness registers itself here.
return args.FirstOrDefault() switch
{
    "analyze-log" => LogAnalyzerHarness.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Kiriwake.Bench -- <harness> [options]");
    Console.Error.WriteLine("harnesses: analyze-log [--lines N] [--kb DIR]");
    return 2;
}
