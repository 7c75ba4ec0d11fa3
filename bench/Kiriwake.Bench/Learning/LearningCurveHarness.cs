using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiriwake.Bench.Diagnosis;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;
using Kiriwake.Knowledge;
using Kiriwake.Learning;
using Kiriwake.Learning.Cases;

namespace Kiriwake.Bench.Learning;

/// <summary>
/// `learning-curve [--symptoms all|ID,ID] [--worlds 4] [--cases 1000] [--batch 50] [--confirmed 0] [--confirm-escalated 0] [--min-cases 20]
/// [--seed 1] [--name learning-curve] [--out DIR]`: for each symptom, seeded true worlds that the knowledge base gets
/// wrong (<see cref="TrueWorld"/>); a stream of simulated closed cases per world, produced by the deployed engine, which
/// relearns from all cases after every batch. At each batch: the exact expected cost per case under the truth of the
/// engine planned on the learned knowledge base, of the engine planned on the knowledge base alone, and the truth's
/// optimum (exact search on the true model). Markdown and SVG in bench/results/.
/// </summary>
internal static class LearningCurveHarness
{
    private const double TargetGap = 2;
    private const double KbGapThreshold = 10;
    private const int TargetCases = 500;
    private const double WorseMargin = 0.5;

    public static int Run(string[] args)
    {
        var root = BenchPaths.Root();
        var kb = KnowledgeLoader.Load(BenchPaths.Option(args, "--kb", Path.Combine(root, "knowledge")));
        var outDir = BenchPaths.Option(args, "--out", Path.Combine(root, "bench", "results"));
        var name = BenchPaths.Option(args, "--name", "learning-curve");
        var worlds = Int(args, "--worlds", 4);
        var total = Int(args, "--cases", 1000);
        var batch = Int(args, "--batch", 50);
        var seed = Int(args, "--seed", 1);
        var minCases = Int(args, "--min-cases", LearningOptions.Default.MinCases);
        var confirmed = double.Parse(BenchPaths.Option(args, "--confirmed", "0"), CultureInfo.InvariantCulture);
        var confirmEscalated = double.Parse(BenchPaths.Option(args, "--confirm-escalated", "0"), CultureInfo.InvariantCulture);
        var symptomArg = BenchPaths.Option(args, "--symptoms", "all");
        var eligible = kb.Content.Symptoms.Select(s => s.Id).Where(id => ModelFlattener.Flatten(kb, id) is var m && m.Actions.Count + m.Questions.Count <= ModelScorer.MaxOptimalItems).ToArray();
        var symptoms = symptomArg == "all"
            ? eligible
            : symptomArg.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var explain = args.Contains("--explain");
        s_collectWithKb = args.Contains("--collect-with-kb");
        s_splitCheck = args.Contains("--split-check");
        var worldsOut = BenchPaths.Option(args, "--write-worlds", "");
        s_engineOptions = EngineOptions.Default with
        {
            MaxExactItems = Int(args, "--exact-items", EngineOptions.Default.MaxExactItems),
            ExactNodeBudget = Int(args, "--exact-budget", (int)EngineOptions.Default.ExactNodeBudget),
            SmallModelItems = Int(args, "--small-model-items", EngineOptions.Default.SmallModelItems),
        };

        var options = LearningOptions.Default with
        {
            MinCases = minCases,
            PriorStrength = Double(args, "--prior-strength", LearningOptions.Default.PriorStrength),
            FixStrength = Double(args, "--fix-strength", LearningOptions.Default.FixStrength),
            AnswerStrength = Double(args, "--answer-strength", LearningOptions.Default.AnswerStrength),
            PosteriorSweeps = Int(args, "--posterior-sweeps", LearningOptions.Default.PosteriorSweeps),
            BurnInSweeps = Int(args, "--burn-in", LearningOptions.Default.BurnInSweeps),
        };
        Directory.CreateDirectory(outDir);

        // A world's seed depends on the symptom's place among all eligible symptoms, so `--symptoms X` reproduces X's worlds of a full run.
        var jobs = symptoms.SelectMany(s => Enumerable.Range(0, worlds).Select(w => (Symptom: s, World: w, Seed: (seed * 1_000_003) + (Math.Max(0, Array.IndexOf(eligible, s)) * 1000) + w))).ToArray();
        var results = new WorldResult?[jobs.Length];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, j =>
        {
            var (symptom, world, worldSeed) = jobs[j];
            results[j] = RunWorld(kb, symptom, world, worldSeed, total, batch, confirmed, confirmEscalated, options, explain, worldsOut);
            var r = results[j];
            Console.Error.WriteLine(r is null
                ? $"{symptom} world {world}: optimum not computed, skipped"
                : $"{symptom} world {world}: optimum {r.Optimum:0.##}, knowledge base +{r.KbGap:0.0} %, learned after {TargetCases}: +{r.GapAt(TargetCases):0.00} %");
        });

        var done = results.Where(r => r is not null).Select(r => r!).ToArray();
        var md = Report(done, symptoms, worlds, total, batch, confirmed, confirmEscalated, minCases, options, seed, args, watch.Elapsed);
        Console.WriteLine(md);
        File.WriteAllText(Path.Combine(outDir, name + ".md"), md);
        File.WriteAllText(Path.Combine(outDir, name + ".svg"), Chart(done, confirmEscalated > 0 ? string.Create(CultureInfo.InvariantCulture, $"confirmed {confirmed:0.##}, not fixed {confirmEscalated:0.##}") : string.Create(CultureInfo.InvariantCulture, $"confirmed {confirmed:0.##}")));
        Console.Error.WriteLine($"wrote {Path.Combine(outDir, name + ".md")} and {name}.svg in {watch.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    private static WorldResult? RunWorld(KnowledgeBase kb, string symptom, int world, int seed, int total, int batch, double confirmed, double confirmEscalated, LearningOptions options, bool explain, string worldsOut)
    {
        var truthKb = TrueWorld.Create(kb, symptom, seed);
        var truth = new CompiledModel(ModelFlattener.Flatten(truthKb, symptom));
        if (!new ExactSolver(truth, GateState.AllOpen).TrySolve(truth.Start(), 6_000_000, out var optimal))
        {
            return null;
        }

        var truthEngine = Cost(Planner(truthKb, symptom), truth);
        var kbPlanner = Planner(kb, symptom);
        var kbCost = Cost(kbPlanner, truth);
        var simulator = new CaseSimulator(truth, new Random(seed), confirmed, confirmEscalated);
        var cases = new List<ClosedCase>();
        var planner = kbPlanner;
        var curve = new List<(int Cases, double Cost)> { (0, kbCost) };
        while (cases.Count < total)
        {
            for (var i = 0; i < batch && cases.Count < total; i++)
            {
                cases.Add(simulator.Next(s_collectWithKb ? kbPlanner : planner, cases.Count + 1));
            }

            var (overlay, _) = BayesianLearner.Estimate(kb, cases, options);
            planner = Planner(OverlayApplier.Apply(kb, overlay), symptom);
            curve.Add((cases.Count, Cost(planner, truth)));
            if (worldsOut.Length > 0 && cases.Count == TargetCases)
            {
                WorldWriter.Write(Path.Combine(worldsOut, $"{symptom}-w{world}"), kb, truthKb, symptom, cases);
            }

            if (s_splitCheck && cases.Count == TargetCases)
            {
                var truthGap = (Cost(planner, truth) - optimal.ExpectedCost) / optimal.ExpectedCost * 100;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"split\t{symptom}\t{world}\t{SplitRegret(kb, symptom, cases, options):0.000}\t{truthGap:0.000}\t{(kbCost - optimal.ExpectedCost) / optimal.ExpectedCost * 100:0.000}"));
            }

            if (explain && cases.Count == TargetCases)
            {
                Console.Error.WriteLine($"EM iterations {overlay.Summary.Iterations}\n" + WorldExplainer.Explain(kb, truthKb, OverlayApplier.Apply(kb, overlay), symptom, world, cases));
            }
        }

        return new WorldResult(symptom, world, optimal.ExpectedCost, truthEngine, kbCost, curve);
    }

    private static EnginePolicy Planner(KnowledgeBase kb, string symptom) =>
        new(new CompiledModel(ModelFlattener.Flatten(kb, symptom)), GateState.AllOpen, s_engineOptions);

    /// <summary>The engine's options (`--exact-items N --exact-budget N`: how large a remaining model the engine solves
    /// exactly; the product's defaults otherwise).</summary>
    private static EngineOptions s_engineOptions = EngineOptions.Default;

    /// <summary>`--collect-with-kb`: every case is run by the engine planned on the knowledge base alone (as cases
    /// collected before any overlay was deployed, or by another tool); only the measured engine uses what was learned.</summary>
    private static bool s_collectWithKb;

    /// <summary>`--split-check`: at the target, learn from each half of the cases and print how much each half's
    /// engine loses under the other half's model (a check the product could make without knowing the truth).</summary>
    private static bool s_splitCheck;

    private static double SplitRegret(KnowledgeBase kb, string symptom, List<ClosedCase> cases, LearningOptions options)
    {
        var halves = new[] { cases.Where((_, i) => i % 2 == 0).ToList(), cases.Where((_, i) => i % 2 == 1).ToList() };
        var planners = halves.Select(h => Planner(OverlayApplier.Apply(kb, BayesianLearner.Estimate(kb, h, options).Overlay), symptom)).ToArray();
        double Regret(int a, int b)
        {
            var own = Cost(planners[b], planners[b].Model);
            return (Cost(planners[a], planners[b].Model) - own) / own * 100;
        }

        return (Regret(0, 1) + Regret(1, 0)) / 2;
    }

    /// <summary>The expected cost under the truth of the engine planned on another model with the same steps.</summary>
    private static double Cost(EnginePolicy planner, CompiledModel truth) =>
        RobustnessEvaluator.ExpectedCostUnderTruth(truth, new BelievedPolicy(planner.Model, planner));

    private static string Report(WorldResult[] results, string[] symptoms, int worlds, int total, int batch, double confirmed, double confirmEscalated, int minCases, LearningOptions options, int seed, string[] args, TimeSpan elapsed)
    {
        var md = new StringBuilder();
        md.AppendLine("# Learning curve: expected cost under the truth vs closed cases");
        md.AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Kiriwake.Bench -- learning-curve {string.Join(' ', args.Skip(1))}`").AppendLine();
        md.AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"{symptoms.Length} symptoms × {worlds} true worlds (seed {seed}): priors off by factors in [1/3, 3], P(fix | cause) off by up to ±0.3. ");
        md.Append(CultureInfo.InvariantCulture, $"{total} simulated cases per world, relearned every {batch} cases from all cases so far{(s_collectWithKb ? " (every case run by the engine planned on the knowledge base alone)" : "")}; {confirmed:0.##} of all cases and {confirmEscalated:0.##} of the cases the person did not fix have a technician-confirmed cause. ");
        md.Append(CultureInfo.InvariantCulture, $"Strengths (pseudo-counts): prior {options.PriorStrength}, fix {options.FixStrength}, answers {options.AnswerStrength}; minimum {minCases} cases. ");
        md.Append(CultureInfo.InvariantCulture, $"Estimate: {(options.PosteriorSweeps > 0 ? $"the posterior mean over {options.PosteriorSweeps} sweeps of the sampler after {options.BurnInSweeps}" : "the EM's posterior mode")}. ");
        md.AppendLine("Costs: exact expected minutes per case under the true model (risk price included, gates open), of the engine planned on what it believes. Gap: above the truth's optimum (exact search on the true model).");
        md.Append(CultureInfo.InvariantCulture, $"Run time {elapsed.TotalMinutes:0.0} min on a shared 2-core machine.").AppendLine();
        md.AppendLine();

        var hard = results.Where(r => r.KbGap > KbGapThreshold).ToArray();
        md.AppendLine("## Target");
        md.AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"Worlds where the knowledge base alone is more than {KbGapThreshold} % above the truth's optimum: {hard.Length} of {results.Length}. ");
        if (hard.Length > 0)
        {
            var at = hard.Select(r => r.GapAt(TargetCases)).ToArray();
            md.Append(CultureInfo.InvariantCulture, $"After {TargetCases} cases the engine with learning is within {TargetGap} % of the optimum in {at.Count(g => g <= TargetGap)} of {hard.Length} (mean gap {at.Average():0.00} %, median {Median(at):0.00} %, max {at.Max():0.00} %; the knowledge base alone: mean {hard.Average(r => r.KbGap):0.0} %). ");
            var unreachable = hard.Count(r => r.TruthEngineGap > TargetGap);
            md.Append(CultureInfo.InvariantCulture, $"In {unreachable} of them even the engine planned on the true probabilities is more than {TargetGap} % above the optimum (no learning can reach the target there with this engine).");
        }

        md.AppendLine();
        md.AppendLine();
        var worse = results.Where(r => r.GapAt(TargetCases) > r.KbGap + WorseMargin).ToArray();
        md.Append(CultureInfo.InvariantCulture, $"Worlds where the engine with learning is worse than the knowledge base alone after {TargetCases} cases (by more than {WorseMargin} percentage points): {worse.Length} of {results.Length}");
        md.Append(worse.Length == 0 ? "." : ": " + string.Join(", ", worse.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Symptom} world {r.World} ({r.KbGap:0.0} % → {r.GapAt(TargetCases):0.0} %)"))) + ".");

        md.AppendLine();
        md.AppendLine();
        md.AppendLine("## Mean gap above the truth's optimum by number of cases");
        md.AppendLine();
        md.AppendLine("| cases | learned, worlds with KB gap > 10 % | KB alone, same worlds | engine on the truth, same worlds | learned, all worlds | KB alone, all worlds | learned, worst world |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in results[0].Curve.Select(c => c.Cases))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {n} | {Mean(hard, r => r.GapAt(n))} | {Mean(hard, r => r.KbGap)} | {Mean(hard, r => r.TruthEngineGap)} | {Mean(results, r => r.GapAt(n))} | {Mean(results, r => r.KbGap)} | {results.Max(r => r.GapAt(n)):0.00} % |").AppendLine();
        }

        md.AppendLine();
        md.AppendLine("## Every world");
        md.AppendLine();
        var marks = new[] { 100, 200, TargetCases, results[0].Curve[^1].Cases }.Distinct().ToArray();
        md.Append("| symptom | world | optimum (min) | engine on the truth | KB alone (min) | KB gap |");
        md.Append(string.Concat(marks.Select(m => $" gap after {m} |"))).AppendLine();
        md.Append("|---|---:|---:|---:|---:|---:|").Append(string.Concat(marks.Select(_ => "---:|"))).AppendLine();
        foreach (var r in results.OrderBy(r => r.Symptom, StringComparer.Ordinal).ThenBy(r => r.World))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {r.Symptom} | {r.World} | {r.Optimum:0.##} | {r.TruthEngineGap:0.00} % | {r.KbCost:0.##} | {r.KbGap:0.0} % |");
            md.Append(string.Concat(marks.Select(m => string.Create(CultureInfo.InvariantCulture, $" {r.GapAt(m):0.00} % |")))).AppendLine();
        }

        return md.ToString();
    }

    private static string Chart(WorldResult[] results, string confirmation)
    {
        var hard = results.Where(r => r.KbGap > KbGapThreshold).ToArray();
        var set = hard.Length > 0 ? hard : results;
        var xs = results[0].Curve.Select(c => c.Cases).ToArray();
        var which = hard.Length > 0 ? $"{hard.Length} worlds with KB alone > 10 % above" : $"all {results.Length} worlds";
        return SvgLineChart.Render(
            $"Gap above the truth's optimum ({which}; {confirmation})",
            "closed cases of the symptom",
            "% above the truth's optimal expected cost",
            [
                new SvgLineChart.Series("with learning (mean)", "#2b6cb0", xs.Select(n => ((double)n, set.Average(r => r.GapAt(n)))).ToArray()),
                new SvgLineChart.Series("with learning (worst world)", "#90cdf4", xs.Select(n => ((double)n, set.Max(r => r.GapAt(n)))).ToArray()),
                new SvgLineChart.Series("knowledge base alone (mean)", "#dd6b20", xs.Select(n => ((double)n, set.Average(r => r.KbGap))).ToArray()),
                new SvgLineChart.Series("2 % target", "#38a169", [(0, TargetGap), (xs[^1], TargetGap)], Dashed: true),
            ]);
    }

    private static string Mean(WorldResult[] set, Func<WorldResult, double> f) =>
        set.Length == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{set.Average(f):0.00} %");

    private static double Median(double[] x)
    {
        var s = x.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    private static double Double(string[] args, string name, double fallback) =>
        double.Parse(BenchPaths.Option(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static int Int(string[] args, string name, int fallback) =>
        int.Parse(BenchPaths.Option(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private sealed record WorldResult(string Symptom, int World, double Optimum, double TruthEngine, double KbCost, IReadOnlyList<(int Cases, double Cost)> Curve)
    {
        public double KbGap => (KbCost - Optimum) / Optimum * 100;

        /// <summary>The engine planned on the true parameters: the best learning can reach with this engine.</summary>
        public double TruthEngineGap => (TruthEngine - Optimum) / Optimum * 100;

        /// <summary>The gap of the engine learned from the last batch at or before n cases.</summary>
        public double GapAt(int n) => (Curve.Last(c => c.Cases <= n).Cost - Optimum) / Optimum * 100;
    }
}
