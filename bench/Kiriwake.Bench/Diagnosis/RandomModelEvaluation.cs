using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Bench.Diagnosis;

/// <summary>
/// `random-models [--count 10000] [--large 500] [--larger 100] [--seed 1]`: seeded random models (dependent, imperfect
/// actions with overlapping fixes, questions, escalation). Small models (≤ 8 items): the engine's policy and the greedy
/// policy alone against exhaustive search. Models of 13–16 items (solved exactly from the start since
/// <see cref="EngineOptions.SmallModelItems"/>; before, greedy until 12 steps were left, measured in the same run) and
/// of 17–18 items (greedy at the start, exact from 12 steps left): the engine's policy against an offline exact search
/// with a large budget. Gaps in % above optimal.
/// </summary>
internal static class RandomModelEvaluation
{
    public static int Run(string[] args)
    {
        var count = int.Parse(BenchPaths.Option(args, "--count", "10000"), CultureInfo.InvariantCulture);
        var large = int.Parse(BenchPaths.Option(args, "--large", "500"), CultureInfo.InvariantCulture);
        var larger = int.Parse(BenchPaths.Option(args, "--larger", "100"), CultureInfo.InvariantCulture);
        var seed0 = int.Parse(BenchPaths.Option(args, "--seed", "1"), CultureInfo.InvariantCulture);
        var report = new StringBuilder();

        var watch = Stopwatch.StartNew();
        var small = Evaluate(seed0, count, new RandomModelShape(MaxItems: 8, MaxQuestions: 3), minItems: 0, optimalBudget: 50_000_000);
        report.AppendLine(CultureInfo.InvariantCulture, $"Small random models: {small.Models} models of up to 8 items (seeds {seed0}..{seed0 + count - 1}), {watch.Elapsed.TotalSeconds:0.0} s");
        report.AppendLine(Table(small));

        watch.Restart();
        var big = Evaluate(seed0 + 1_000_000, large, new RandomModelShape(MaxCauses: 8, MaxItems: 16, MaxQuestions: 3), minItems: 13, optimalBudget: 50_000_000);
        report.AppendLine(CultureInfo.InvariantCulture, $"Random models of 13–16 items: {big.Models} models (solved exactly from the start since `EngineOptions.SmallModelItems` = 16; before, greedy until 12 steps were left), {watch.Elapsed.TotalSeconds:0.0} s; {big.Skipped} generated models were ≤ 12 items and skipped, {big.Unsolved} not solved exactly within the budget");
        report.AppendLine(Table(big));

        watch.Restart();
        var biggest = Evaluate(seed0 + 2_000_000, larger, new RandomModelShape(MaxCauses: 8, MaxItems: 18, MaxQuestions: 3), minItems: 17, optimalBudget: 50_000_000);
        report.AppendLine(CultureInfo.InvariantCulture, $"Random models of 17–18 items: {biggest.Models} models (greedy at the start, exact from 12 useful steps left), {watch.Elapsed.TotalSeconds:0.0} s; {biggest.Skipped} generated models were ≤ 16 items and skipped, {biggest.Unsolved} not solved exactly within the budget");
        report.AppendLine(Table(biggest));
        Console.WriteLine(report.ToString());
        var outDir = Path.Combine(BenchPaths.Root(), "bench", "results");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "random-models.md"), report.ToString());
        return 0;
    }

    private sealed record Result(int Models, int Skipped, int Unsolved, List<double> Engine, List<double> Before, List<double> Greedy);

    /// <summary>The engine before <see cref="EngineOptions.SmallModelItems"/>: exact only from 12 useful steps left.</summary>
    private static readonly EngineOptions s_before = EngineOptions.Default with { SmallModelItems = 0 };

    private static Result Evaluate(int seed0, int count, RandomModelShape shape, int minItems, long optimalBudget)
    {
        var engine = new List<double>();
        var before = new List<double>();
        var greedy = new List<double>();
        int skipped = 0, unsolved = 0;
        for (var seed = seed0; engine.Count + unsolved < count; seed++)
        {
            var compiled = new CompiledModel(RandomModels.Create(seed, shape));
            if (compiled.ActionCount + compiled.QuestionCount < minItems)
            {
                skipped++;
                continue;
            }

            if (!new ExactSolver(compiled, GateState.AllOpen).TrySolve(compiled.Start(), optimalBudget, out var exact))
            {
                unsolved++;
                continue;
            }

            var e = PolicyEvaluator.ExpectedCost(compiled, new EnginePolicy(compiled, GateState.AllOpen));
            var b = PolicyEvaluator.ExpectedCost(compiled, new EnginePolicy(compiled, GateState.AllOpen, s_before));
            var g = PolicyEvaluator.ExpectedCost(compiled, new GreedyPolicy(compiled, GateState.AllOpen));
            engine.Add(Gap(e, exact.ExpectedCost));
            before.Add(Gap(b, exact.ExpectedCost));
            greedy.Add(Gap(g, exact.ExpectedCost));
        }

        return new Result(engine.Count, skipped, unsolved, engine, before, greedy);
    }

    private static double Gap(double cost, double optimal) => optimal > 0 ? Math.Max(0, (cost - optimal) / optimal * 100) : 0;

    private static string Table(Result r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| policy | models | mean gap | p95 gap | max gap | exactly optimal |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, gaps) in new[] { ("engine (exact from the start ≤ 16 items; else greedy until 12 useful steps are left)", r.Engine), ("engine before `SmallModelItems` (greedy until 12 useful steps are left)", r.Before), ("greedy alone (the fallback)", r.Greedy) })
        {
            var s = Stats.Of(gaps);
            var optimal = gaps.Count(g => g < 1e-7) * 100.0 / Math.Max(1, gaps.Count);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {s.Count} | {s.Mean:0.000} % | {s.P95:0.000} % | {s.Max:0.000} % | {optimal:0.0} % |");
        }

        return sb.ToString();
    }
}
