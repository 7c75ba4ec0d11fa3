using BenchmarkDotNet.Running;
using Kiriwake.Bench.Backup;
using Kiriwake.Bench.Diagnosis;
using Kiriwake.Bench.Learning;
using Kiriwake.Bench.Logs;

// Entry point of the benchmarks and evaluation harnesses; each harness registers itself here.
return args.FirstOrDefault() switch
{
    "eval-symptoms" => SymptomEvaluation.Run(args),
    "random-models" => RandomModelEvaluation.Run(args),
    "robustness" => RobustnessEvaluation.Run(args),
    "latency" => LatencyHarness.Run(args),
    "next-step-bdn" => Run(() => BenchmarkRunner.Run<NextStepBenchmark>(args: args[1..])),
    "backup-deep-check" => await BackupDeepCheckHarness.RunAsync(args[1..]),
    "password-check" => PasswordCheckHarness.Run(args[1..]),
    "fuzz-plist" => FuzzHarness.Run(args[1..]),
    "analyze-log" => LogAnalyzerHarness.Run(args[1..]),
    "learning-curve" => LearningCurveHarness.Run(args),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Kiriwake.Bench -- <harness> [options]");
    Console.Error.WriteLine("  eval-symptoms      engine vs optimal vs the documents' orders, per symptom (Markdown + SVG in bench/results/)");
    Console.Error.WriteLine("  robustness         [--draws 200] [--seed 1]: engine vs the documents' orders when the true priors differ (×1/3–3)");
    Console.Error.WriteLine("  random-models      [--count 10000] [--large 500]: gaps to exhaustive search on seeded random models");
    Console.Error.WriteLine("  latency            next-step decision times over simulated sessions of every cause of every symptom");
    Console.Error.WriteLine("  next-step-bdn      the same decision under BenchmarkDotNet");
    Console.Error.WriteLine("  backup-deep-check  [--files N]: deep check of a generated backup against `find` over the same tree");
    Console.Error.WriteLine("  password-check     one password check against `openssl kdf` with the same parameters");
    Console.Error.WriteLine("  fuzz-plist         [--cases N]: mutated plists and Manifest.db files fed to the readers");
    Console.Error.WriteLine("  fuzz-plist --hostile [--text-cases N] [--nesting-cases N] [--special-cases N] [--view-cases N]:");
    Console.Error.WriteLine("                     pathological log lines, deep nesting, special files in a backup, Files as a view");
    Console.Error.WriteLine("  analyze-log        [--lines N] [--kb DIR]: the log analyzer over a generated log");
    Console.Error.WriteLine("  learning-curve     [--symptoms all|ID,..] [--worlds 4] [--cases 1000] [--batch 50] [--confirmed 0]: learning from simulated cases of true worlds");
    return 2;
}
