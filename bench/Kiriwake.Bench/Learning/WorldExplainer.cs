using System.Globalization;
using System.Text;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Learning.Cases;

namespace Kiriwake.Bench.Learning;

/// <summary>`--explain`: for one world after the target number of cases, the truth, the knowledge base and the learned
/// value of every prior and P(fix | cause) of the symptom, and how often each action was tried and fixed — to see why a
/// world stays above the optimum.</summary>
internal static class WorldExplainer
{
    public static string Explain(KnowledgeBase kb, KnowledgeBase truth, KnowledgeBase learned, string symptomId, int world, IReadOnlyList<ClosedCase> cases)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"== {symptomId} world {world} after {cases.Count} cases").AppendLine();
        sb.AppendLine("prior: cause  truth  kb  learned");
        foreach (var p in truth.Symptoms[symptomId].Prior)
        {
            sb.Append(inv, $"  {p.CauseId,-40} {p.P:0.000} {Prior(kb, symptomId, p.CauseId):0.000} {Prior(learned, symptomId, p.CauseId):0.000}").AppendLine();
        }

        sb.AppendLine("fix: action / cause  truth  kb  learned   (tried, fixed)");
        foreach (var actionId in truth.Symptoms[symptomId].ActionIds)
        {
            var tried = cases.Count(c => c.Steps.Any(s => s.StepId == actionId));
            var fixedIt = cases.Count(c => c.Steps.Any(s => s.StepId == actionId && s.Answer == StepAnswers.Fixed));
            sb.Append(inv, $"  {actionId} tried {tried}, fixed {fixedIt}").AppendLine();
            foreach (var f in truth.Actions[actionId].Fixes.Where(f => truth.Symptoms[symptomId].Prior.Any(p => p.CauseId == f.CauseId) && f.P > 0))
            {
                sb.Append(inv, $"    {f.CauseId,-38} {f.P:0.000} {Fix(kb, actionId, f.CauseId):0.000} {Fix(learned, actionId, f.CauseId):0.000}").AppendLine();
            }
        }

        return sb.ToString();
    }

    private static double Prior(KnowledgeBase kb, string symptom, string cause) => kb.Symptoms[symptom].Prior.First(p => p.CauseId == cause).P;

    private static double Fix(KnowledgeBase kb, string action, string cause) => kb.Actions[action].Fixes.FirstOrDefault(f => f.CauseId == cause)?.P ?? 0;
}
