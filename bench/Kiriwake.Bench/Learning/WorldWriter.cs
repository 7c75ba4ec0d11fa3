using System.Text.Json;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;
using Kiriwake.Learning.Cases;
using Kiriwake.Learning.Overlay;

namespace Kiriwake.Bench.Learning;

/// <summary>
/// Writes a world of the harness where the product can read it (`--write-worlds DIR`): the truth as a folder in the
/// learned overlay's format (for `kiriwake kb eval --truth`), and the first cases of the world's stream as JSON lines
/// (for `kiriwake kb learn --cases`). `kb learn` on those cases and `kb eval --symptom S --learned L --truth T` then give
/// the harness's figure for that world after that many cases, through the product's own commands.
/// </summary>
internal static class WorldWriter
{
    public static void Write(string folder, KnowledgeBase kb, KnowledgeBase truth, string symptomId, IReadOnlyList<ClosedCase> cases)
    {
        var truthFolder = Path.Combine(folder, "truth");
        Directory.CreateDirectory(truthFolder);
        foreach (var (file, text) in OverlayYamlWriter.Write(Truth(kb, truth, symptomId)))
        {
            File.WriteAllText(Path.Combine(truthFolder, file), text);
        }

        using var writer = new StreamWriter(Path.Combine(folder, "cases.jsonl"));
        foreach (var c in cases)
        {
            writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["symptom"] = c.SymptomId,
                ["transcript"] = c.Steps.Select(s => new Dictionary<string, string> { ["id"] = s.StepId, ["answer"] = s.Answer }).ToArray(),
                ["outcome"] = c.Outcome,
                ["confirmedCause"] = c.ConfirmedCause,
            }));
        }
    }

    /// <summary>The truth's probabilities that differ from the knowledge base's, as an overlay (no cases behind them).</summary>
    private static LearnedOverlay Truth(KnowledgeBase kb, KnowledgeBase truth, string symptomId)
    {
        var prior = new LearnedPrior(
            symptomId,
            0,
            truth.Symptoms[symptomId].Prior.Select(p => new LearnedValue(p.CauseId, p.P, kb.Symptoms[symptomId].Prior.First(k => k.CauseId == p.CauseId).P)).ToArray());
        var fixes = truth.Symptoms[symptomId].ActionIds
            .SelectMany(a => truth.Actions[a].Fixes.Select(f => (Action: a, Fix: f, Was: kb.Actions[a].Fixes.First(k => k.CauseId == f.CauseId).P)))
            .Where(x => x.Fix.P != x.Was)
            .Select(x => new LearnedFix(x.Action, x.Fix.CauseId, x.Fix.P, x.Was, 0, 0))
            .OrderBy(f => f.ActionId, StringComparer.Ordinal).ThenBy(f => f.CauseId, StringComparer.Ordinal)
            .ToArray();
        return new LearnedOverlay(new OverlaySummary(0, 0, 0, 0, 0, 0, 0), [prior], fixes, [], []);
    }
}
