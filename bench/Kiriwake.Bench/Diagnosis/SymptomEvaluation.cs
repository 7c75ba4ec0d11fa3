using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Knowledge;

namespace Kiriwake.Bench.Diagnosis;

/// <summary>
/// `eval-symptoms [--kb DIR] [--out DIR]`: for every symptom of the knowledge base, the exact expected cost of the
/// engine's policy against the optimal policy and the document's fixed order; a Markdown table on stdout and in
/// bench/results/symptoms.md, and a chart in bench/results/symptoms.svg.
/// </summary>
internal static class SymptomEvaluation
{
    public static int Run(string[] args)
    {
        var root = BenchPaths.Root();
        var kb = KnowledgeLoader.Load(BenchPaths.Option(args, "--kb", Path.Combine(root, "knowledge")));
        var outDir = BenchPaths.Option(args, "--out", Path.Combine(root, "bench", "results"));
        Directory.CreateDirectory(outDir);

        var options = new EngineOptions(ExactNodeBudget: long.Parse(BenchPaths.Option(args, "--budget", EngineOptions.Default.ExactNodeBudget.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));
        var rows = new List<(ModelScore Score, double Seconds)>();
        foreach (var symptom in kb.Content.Symptoms)
        {
            var watch = Stopwatch.StartNew();
            // The session `diagnose` opens with no facts: the policy a person gets (gates closed until opened).
            var score = ModelScorer.Score(SymptomSession.Open(kb, symptom.Id, [], DateTimeOffset.UnixEpoch, options), optimalBudget: 6_000_000);
            rows.Add((score, watch.Elapsed.TotalSeconds));
            Console.Error.WriteLine($"{symptom.Id}: {watch.Elapsed.TotalSeconds:0.0} s");
        }

        var md = new StringBuilder();
        md.AppendLine("| symptom | items | engine (min) | optimal (min) | engine above optimal | document's order (min) | engine below document | greedy only (min) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (s, _) in rows)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {s.Id} | {s.Items} | {s.Policy:0.###} | {Opt(s.Optimal)} | {Gap(s.Policy, s.Optimal)} | {Opt(s.Authored)} | {Saving(s.Policy, s.Authored)} | {s.Greedy:0.###} |").AppendLine();
        }

        var exact = rows.Where(r => r.Score.Optimal is not null).Select(r => (r.Score.Policy - r.Score.Optimal!.Value) / r.Score.Optimal.Value * 100).ToArray();
        var savings = rows.Where(r => r.Score.Authored is not null).Select(r => (r.Score.Authored!.Value - r.Score.Policy) / r.Score.Authored.Value * 100).ToArray();
        md.AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"Engine above optimal over the {exact.Length} symptoms where exact search finished: mean {exact.DefaultIfEmpty().Average():0.00} %, max {exact.DefaultIfEmpty().Max():0.00} %; engine below the document's order over {savings.Length} symptoms with one: mean {savings.DefaultIfEmpty().Average():0.0} %, min {savings.DefaultIfEmpty().Min():0.0} %.").AppendLine();
        md.AppendLine("Costs are minutes including the risk price (none 0, low 1, high 10, data-loss 30). Every policy is scored from the session `kiriwake diagnose` opens with no facts, under the same gates: an erase waits for a verified backup the session makes and for the answer that the device is the person's own; the document's order skips what its gates hold back.");
        md.AppendLine();
        md.AppendLine("Command: `dotnet run -c Release --project bench/Kiriwake.Bench -- eval-symptoms`");

        Console.WriteLine(md.ToString());
        File.WriteAllText(Path.Combine(outDir, "symptoms.md"), md.ToString());
        var svg = SvgBarChart.Render(
            "Expected cost per symptom: engine vs optimal vs the document's order",
            "minutes (risk price included)",
            rows.Select(r => r.Score.Id).ToArray(),
            [
                new SvgBarChart.Series("engine", "#2b6cb0", rows.Select(r => (double?)r.Score.Policy).ToArray()),
                new SvgBarChart.Series("optimal", "#38a169", rows.Select(r => r.Score.Optimal).ToArray()),
                new SvgBarChart.Series("document's order", "#dd6b20", rows.Select(r => r.Score.Authored).ToArray()),
            ]);
        File.WriteAllText(Path.Combine(outDir, "symptoms.svg"), svg);
        Console.Error.WriteLine($"wrote {Path.Combine(outDir, "symptoms.md")} and symptoms.svg");
        return 0;
    }

    private static string Opt(double? x) => x is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "—";

    private static string Gap(double engine, double? optimal) =>
        optimal is { } o && o > 0 ? Math.Max(0, (engine - o) / o * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "—"; // float noise below 0

    private static string Saving(double engine, double? authored) =>
        authored is { } a && a > 0 ? ((a - engine) / a * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";
}
