using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Bench.Diagnosis;

/// <summary>
/// `random-models [--count 10000] [--large 500] [--seed 1]`: seeded random models (dependent, imperfect actions with
/// overlapping fixes, questions, escalation). Small models (≤ 8 items): the engine's policy and the greedy policy
/// alone against exhaustive search. Large models (13–16 items, beyond the engine's exact threshold of 12): the
/// engine's policy against an offline exact search with a large budget. Gaps in % above optimal.
/// </summary>
internal static class RandomModelEvaluation
{
    public static int Run(string[] args)
    {
        var count = int.Parse(BenchPaths.Option(args, "--count", "10000"), CultureInfo.InvariantCulture);
        var large = int.Parse(BenchPaths.Option(args, "--large", "500"), CultureInfo.InvariantCulture);
        var seed0 = int.Parse(BenchPaths.Option(args, "--seed", "1"), CultureInfo.InvariantCulture);
        var report = new StringBuilder();

        var watch = Stopwatch.StartNew();
        var small = Evaluate(seed0, count, new RandomModelShape(MaxItems: 8, MaxQuestions: 3), minItems: 0, optimalBudget: 50_000_000);
        report.AppendLine(CultureInfo.InvariantCulture, $"Small random models: {small.Models} models of up to 8 items (seeds {seed0}..{seed0 + count - 1}), {watch.Elapsed.TotalSeconds:0.0} s");
        report.AppendLine(Table(small));

        watch.Restart();
        var big = Evaluate(seed0 + 1_000_000, large, new RandomModelShape(MaxCauses: 8, MaxItems: 16, MaxQuestions: 3), minItems: 13, optimalBudget: 50_000_000);
        report.AppendLine(CultureInfo.InvariantCulture, $"Large random models: {big.Models} models of 13–16 items (the engine's exact solver does not run at their root), {watch.Elapsed.TotalSeconds:0.0} s; {big.Skipped} generated models were ≤ 12 items and skipped, {big.Unsolved} not solved exactly within the budget");
        report.AppendLine(Table(big));
        Console.WriteLine(report.ToString());
        var outDir = Path.Combine(BenchPaths.Root(), "bench", "results");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "random-models.md"), report.ToString());
        return 0;
    }

    private sealed record Result(int Models, int Skipped, int Unsolved, List<double> Engine, List<double> Greedy);

    private static Result Evaluate(int seed0, int count, RandomModelShape shape, int minItems, long optimalBudget)
    {
        var engine = new List<double>();
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
            var g = PolicyEvaluator.ExpectedCost(compiled, new GreedyPolicy(compiled, GateState.AllOpen));
            engine.Add(Gap(e, exact.ExpectedCost));
            greedy.Add(Gap(g, exact.ExpectedCost));
        }

        return new Result(engine.Count, skipped, unsolved, engine, greedy);
    }

    private static double Gap(double cost, double optimal) => optimal > 0 ? Math.Max(0, (cost - optimal) / optimal * 100) : 0;

    private static string Table(Result r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| policy | models | mean gap | p95 gap | max gap | exactly optimal |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, gaps) in new[] { ("engine (exact ≤ 12 items, greedy beyond)", r.Engine), ("greedy alone (the fallback)", r.Greedy) })
        {
            var s = Stats.Of(gaps);
            var optimal = gaps.Count(g => g < 1e-7) * 100.0 / Math.Max(1, gaps.Count);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {s.Count} | {s.Mean:0.000} % | {s.P95:0.000} % | {s.Max:0.000} % | {optimal:0.0} % |");
        }

        return sb.ToString();
    }
}
