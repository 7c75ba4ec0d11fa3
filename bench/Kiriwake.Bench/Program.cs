using BenchmarkDotNet.Running;
using Kiriwake.Bench.Diagnosis;

// Entry point of the benchmarks and evaluation harnesses; each harness registers itself here.
return args.FirstOrDefault() switch
{
    "eval-symptoms" => SymptomEvaluation.Run(args),
    "random-models" => RandomModelEvaluation.Run(args),
    "latency" => LatencyHarness.Run(args),
    "next-step-bdn" => Run(() => BenchmarkRunner.Run<NextStepBenchmark>(args: args[1..])),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Kiriwake.Bench -- <harness>");
    Console.Error.WriteLine("  eval-symptoms   engine vs optimal vs the documents' orders, per symptom (Markdown + SVG in bench/results/)");
    Console.Error.WriteLine("  random-models   [--count 10000] [--large 500]: gaps to exhaustive search on seeded random models");
    Console.Error.WriteLine("  latency         next-step decision times over simulated sessions of every cause of every symptom");
    Console.Error.WriteLine("  next-step-bdn   the same decision under BenchmarkDotNet");
    return 2;
}
