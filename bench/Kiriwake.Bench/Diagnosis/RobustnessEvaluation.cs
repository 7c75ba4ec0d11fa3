using System.Globalization;
using System.Text;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Knowledge;

namespace Kiriwake.Bench.Diagnosis;

/// <summary>
/// `robustness [--draws 200] [--seed 1] [--kb DIR] [--out DIR]`: per symptom, the true priors are the model's each
/// multiplied by a factor drawn log-uniformly from [1/3, 3] and renormalised; the engine (deciding on the model's
/// priors, from the session `diagnose` opens) and the document's fixed order are scored exactly under each truth.
/// Mean and worst case per symptom, in bench/results/robustness.md.
/// </summary>
internal static class RobustnessEvaluation
{
    public static int Run(string[] args)
    {
        var root = BenchPaths.Root();
        var kb = KnowledgeLoader.Load(BenchPaths.Option(args, "--kb", Path.Combine(root, "knowledge")));
        var outDir = BenchPaths.Option(args, "--out", Path.Combine(root, "bench", "results"));
        var draws = int.Parse(BenchPaths.Option(args, "--draws", "200"), CultureInfo.InvariantCulture);
        var seed = int.Parse(BenchPaths.Option(args, "--seed", "1"), CultureInfo.InvariantCulture);
        Directory.CreateDirectory(outDir);

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/Kiriwake.Bench -- robustness --draws {draws} --seed {seed}`");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"True priors = the model's × a factor drawn log-uniformly from [1/3, 3], renormalised; {draws} draws per symptom, seeded ({seed} + symptom index). The engine decides on the model's priors from the session `diagnose` opens with no facts (gates as for a person: a verified backup is made before an erase, whose device is asked); the document's order is scored under the same gates. Minutes per session, risk price included.");
        md.AppendLine();
        md.AppendLine("| symptom | engine at model priors | engine mean | engine worst | document mean | document worst | engine cheaper in | engine saves on average |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var index = 0;
        var ahead = 0;
        var withOrder = 0;
        foreach (var symptom in kb.Content.Symptoms)
        {
            var session = SymptomSession.Open(kb, symptom.Id, [], DateTimeOffset.UnixEpoch);
            var believed = session.Model;
            var engine = new BelievedPolicy(believed, session.Policy);
            var authoredPolicy = AuthoredOrderPolicy.ForModel(believed, session.Snapshot.Gates);
            var authored = authoredPolicy is null ? null : new BelievedPolicy(believed, authoredPolicy);
            var random = new Random(seed + index++);
            var e = new List<double>();
            var a = new List<double>();
            for (var d = 0; d < draws; d++)
            {
                var truth = new CompiledModel(RobustnessEvaluator.PerturbPriors(believed.Source, random));
                e.Add(RobustnessEvaluator.ExpectedCostUnderTruth(truth, engine));
                if (authored is not null)
                {
                    a.Add(RobustnessEvaluator.ExpectedCostUnderTruth(truth, authored));
                }
            }

            var atModel = PolicyEvaluator.ExpectedCost(believed, session.Policy);
            if (a.Count > 0)
            {
                withOrder++;
                var wins = e.Zip(a).Count(p => p.First < p.Second - 1e-9);
                var saving = (a.Average() - e.Average()) / a.Average() * 100;
                if (saving > 0)
                {
                    ahead++;
                }

                md.AppendLine(CultureInfo.InvariantCulture, $"| {symptom.Id} | {atModel:0.0} | {e.Average():0.0} | {e.Max():0.0} | {a.Average():0.0} | {a.Max():0.0} | {wins * 100.0 / draws:0} % | {saving:0.0} % |");
            }
            else
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {symptom.Id} | {atModel:0.0} | {e.Average():0.0} | {e.Max():0.0} | — | — | — | — |");
            }

            Console.Error.WriteLine($"{symptom.Id}: done");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"The engine is cheaper on average than the document's order on {ahead} of the {withOrder} symptoms that have one.");
        Console.WriteLine(md.ToString());
        File.WriteAllText(Path.Combine(outDir, "robustness.md"), md.ToString());
        Console.Error.WriteLine($"wrote {Path.Combine(outDir, "robustness.md")}");
        return 0;
    }
}
