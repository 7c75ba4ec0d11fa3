using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;
using Kiriwake.Learning.Cases;
using Kiriwake.Learning.Estimation;

namespace Kiriwake.Learning;

/// <summary>
/// Optimism while few cases stand behind a probability (docs/learning.md, "Exploration"): the knowledge base the
/// engine plans on while it is still learning, so that an unlucky start cannot stop it from proposing a step for good.
/// Each probability p of the learned knowledge base is raised to an upper-confidence value
/// p⁺ = p + c · √(p (1 − p) / (n + 1)), where n is the number of closed cases that could have shown it wrong: for a
/// symptom's prior of cause k, the cases of the symptom in which an action that can fix k was tried; for
/// P(fix | cause k) of an action, the cases in which the action was tried on a symptom that has k. A prior is then
/// renormalised (the causes tried least gain the most) and kept inside the bounds. The bonus shrinks as 1 / √n: it
/// decays with tries. It changes probabilities only, through an overlay, like learning itself.
/// </summary>
public static class Exploration
{
    /// <param name="kb">The knowledge base itself (gates, costs, which steps: never changed).</param>
    /// <param name="learned">The knowledge base with the learned overlay (the estimates to be optimistic about).</param>
    /// <param name="cases">The closed cases the overlay was learned from.</param>
    /// <param name="optimism">c: how many standard errors above the estimate (0: the estimates themselves).</param>
    /// <param name="floor">The bounds: every probability stays in [floor, 1 − floor].</param>
    public static KnowledgeBase Optimistic(KnowledgeBase kb, KnowledgeBase learned, IReadOnlyList<ClosedCase> cases, double optimism, double floor = 0.01)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(learned);
        ArgumentNullException.ThrowIfNull(cases);
        if (optimism <= 0)
        {
            return learned;
        }

        var (priorTries, fixTries) = Tries(kb, cases);
        var priors = new List<LearnedPrior>();
        foreach (var symptomId in priorTries.Keys.Order(StringComparer.Ordinal))
        {
            var prior = learned.Symptoms[symptomId].Prior.OrderBy(p => p.CauseId, StringComparer.Ordinal).ToArray();
            if (prior.Length < 2)
            {
                continue;
            }

            var raised = prior.Select(p => Upper(p.P, priorTries[symptomId].GetValueOrDefault(p.CauseId), optimism)).ToArray();
            var sum = raised.Sum();
            var bounded = Bounds.Project(raised.Select(r => r / sum).ToArray(), floor);
            var kbPrior = kb.Symptoms[symptomId].Prior.ToDictionary(p => p.CauseId, p => p.P, StringComparer.Ordinal);
            priors.Add(new LearnedPrior(symptomId, 0, prior.Select((p, i) => new LearnedValue(p.CauseId, bounded[i], kbPrior[p.CauseId])).ToArray()));
        }

        var fixes = new List<LearnedFix>();
        foreach (var ((actionId, causeId), tries) in fixTries.OrderBy(f => f.Key.Action, StringComparer.Ordinal).ThenBy(f => f.Key.Cause, StringComparer.Ordinal))
        {
            var p = learned.Actions[actionId].Fixes.Where(f => f.CauseId == causeId).Select(f => f.P).Max();
            var was = kb.Actions[actionId].Fixes.Where(f => f.CauseId == causeId).Select(f => f.P).Max();
            fixes.Add(new LearnedFix(actionId, causeId, Bounds.Clamp(Upper(p, tries, optimism), floor), was, tries, 0));
        }

        var overlay = new LearnedOverlay(new OverlaySummary(cases.Count, 0, 0, 0, 0, 0, 0), priors, fixes, [], []);
        var optimistic = OverlayApplier.Apply(learned, overlay);
        return optimistic;
    }

    /// <summary>p + c · √(p (1 − p) / (n + 1)).</summary>
    public static double Upper(double p, int tries, double optimism) =>
        p + (optimism * Math.Sqrt(p * (1 - p) / (tries + 1)));

    /// <summary>Per symptom and cause, the cases in which an action that can fix the cause was tried; per action and
    /// cause, the cases in which the action was tried on a symptom that has the cause (only fixes the knowledge base
    /// gives a value above 0: what an action addresses is not learned).</summary>
    private static (Dictionary<string, Dictionary<string, int>> Prior, Dictionary<(string Action, string Cause), int> Fix) Tries(KnowledgeBase kb, IReadOnlyList<ClosedCase> cases)
    {
        var prior = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var fix = new Dictionary<(string Action, string Cause), int>();
        foreach (var c in cases.Where(c => c.IsClosed && kb.Symptoms.ContainsKey(c.SymptomId)))
        {
            var causes = kb.Symptoms[c.SymptomId].Prior.Select(p => p.CauseId).ToHashSet(StringComparer.Ordinal);
            if (!prior.TryGetValue(c.SymptomId, out var counts))
            {
                prior[c.SymptomId] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            var covered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in c.Steps.Where(s => s.Answer is "fixed" or "not-fixed"))
            {
                if (!kb.Actions.TryGetValue(step.StepId, out var action))
                {
                    continue;
                }

                foreach (var f in action.Fixes.Where(f => f.P > 0 && causes.Contains(f.CauseId)).Select(f => f.CauseId).Distinct(StringComparer.Ordinal))
                {
                    covered.Add(f);
                    fix[(action.Id, f)] = fix.GetValueOrDefault((action.Id, f)) + 1;
                }
            }

            foreach (var k in covered)
            {
                counts[k] = counts.GetValueOrDefault(k) + 1;
            }
        }

        return (prior, fix);
    }
}
