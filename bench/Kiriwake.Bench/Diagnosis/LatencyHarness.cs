using System.Diagnostics;
using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Knowledge;

namespace Kiriwake.Bench.Diagnosis;

/// <summary>
/// `latency`: the distribution of one next-step decision (with explanation, fresh engine each time, as a
/// stateless server would run it) over every state of simulated sessions of every cause of every symptom.
/// Quicker than BenchmarkDotNet and covers all states; `next-step-bdn` runs the BenchmarkDotNet version.
/// </summary>
internal static class LatencyHarness
{
    public static int Run(string[] args)
    {
        var kb = KnowledgeLoader.Load(BenchPaths.Option(args, "--kb", Path.Combine(BenchPaths.Root(), "knowledge")));
        var options = new EngineOptions(
            MaxExactItems: int.Parse(BenchPaths.Option(args, "--exact-items", EngineOptions.Default.MaxExactItems.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            ExactNodeBudget: long.Parse(BenchPaths.Option(args, "--budget", EngineOptions.Default.ExactNodeBudget.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));
        // cold: a fresh engine per decision (a stateless server replaying the log); session: one engine per
        // session (the CLI); shared: one cache for the whole process (a server keeping its engines).
        var mode = BenchPaths.Option(args, "--mode", "cold");
        var shared = new EnginePolicyCache(options);
        var samples = new List<double>();
        var bySymptom = new List<(string, Stats)>();
        // Warm the JIT on the first symptom so the figures are the engine's, not the compiler's.
        var first = new CompiledModel(ModelFlattener.Flatten(kb, kb.Content.Symptoms[0].Id));
        _ = Recommender.Recommend(new EnginePolicy(first, GateState.Initial, options), first.Start());
        var models = kb.Content.Symptoms.ToDictionary(s => s.Id, s => new CompiledModel(ModelFlattener.Flatten(kb, s.Id)), StringComparer.Ordinal);
        // --warm (shared mode): the server's warm-up at start (every cause's route, RouteWarmer) before measuring.
        // --walk random: sessions answered at random (a question's answers alike, an action fixed one time in four)
        // instead of as each cause would, so that they leave the routes the warm-up walked.
        var walk = BenchPaths.Option(args, "--walk", "causes");
        var warmUp = "";
        if (args.Contains("--warm"))
        {
            var watch = Stopwatch.StartNew();
            var decisions = models.Values.Sum(m => RouteWarmer.Warm(shared, m));
            warmUp = string.Create(CultureInfo.InvariantCulture, $"; after a warm-up of {decisions} decisions in {watch.Elapsed.TotalMilliseconds:0} ms");
        }

        var random = new Random(1);
        foreach (var symptom in kb.Content.Symptoms)
        {
            var model = models[symptom.Id];
            var mine = new List<double>();
            var routes = walk == "random" ? Enumerable.Range(0, 20).Select(i => (string?)null).ToArray() : model.CauseIds.Select(c => (string?)c).ToArray();
            foreach (var cause in routes)
            {
                var session = new DiagnosisSession(model, options);
                for (var guard = 0; guard < 64; guard++)
                {
                    var watch = Stopwatch.StartNew();
                    var rec = mode switch
                    {
                        "session" => session.Next(),
                        "shared" => shared.Recommend(model, session.Snapshot),
                        _ => Recommender.Recommend(new EnginePolicy(model, session.Snapshot.Gates, options), session.Snapshot.State),
                    };
                    mine.Add(watch.Elapsed.TotalMilliseconds);
                    if (rec is null || rec.Step.Kind == StepKind.Escalation && model.TryFindStep(rec.Step.Id, out var s) && s.Kind == StepKind.Escalation)
                    {
                        break;
                    }

                    session.Answer(rec.Step.Id, cause is null ? RandomAnswer(model, rec.Step, random) : SimulatedResponder.Answer(model, rec.Step, cause), DateTimeOffset.UnixEpoch);
                    if (session.Snapshot.Outcome != SessionOutcome.InProgress)
                    {
                        break;
                    }
                }
            }

            samples.AddRange(mine);
            bySymptom.Add((symptom.Id, Stats.Of(mine)));
        }

        Console.WriteLine($"walk: {walk}{warmUp}");
        Console.WriteLine($"mode: {mode}, exact search from {options.MaxExactItems} useful steps left with a budget of {options.ExactNodeBudget} states; models of at most {options.SmallModelItems} steps from the start with {options.SmallModelBudget}");
        Console.WriteLine("| symptom | decisions | mean (ms) | p95 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (id, s) in bySymptom)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {id} | {s.Count} | {s.Mean:0.00} | {s.P95:0.00} | {s.Max:0.00} |"));
        }

        var all = Stats.Of(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all | {all.Count} | {all.Mean:0.00} | {all.P95:0.00} | {all.Max:0.00} |"));
        return 0;
    }

    private static string RandomAnswer(CompiledModel model, StepRef step, Random random)
    {
        _ = model.TryFindStep(step.Id, out var choice);
        return choice.Kind == StepKind.Question
            ? model.AnswerIds[choice.Index][random.Next(model.AnswerIds[choice.Index].Count)]
            : random.Next(4) == 0 ? StepAnswers.Fixed : StepAnswers.NotFixed;
    }
}
