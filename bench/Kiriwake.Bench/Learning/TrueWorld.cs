using Kiriwake.Core.Knowledge;

namespace Kiriwake.Bench.Learning;

/// <summary>
/// A "true world" for one symptom that the knowledge base gets wrong: each cause's prior multiplied by a factor
/// between 1/3 and 3 (log-uniform) and renormalised, and each P(fix | cause) of the symptom's actions moved by up to
/// ±0.3 (uniform), kept inside [0.01, 0.99]. Which actions address which causes, the questions, costs, risks and
/// gates stay as they are. Seeded: the same seed gives the same world.
/// </summary>
internal static class TrueWorld
{
    public const double MaxPriorFactor = 3;
    public const double MaxFixShift = 0.3;

    public static KnowledgeBase Create(KnowledgeBase kb, string symptomId, int seed)
    {
        var rng = new Random(seed);
        var symptom = kb.Symptoms[symptomId];
        var factors = symptom.Prior.Select(_ => Math.Exp((rng.NextDouble() * 2 - 1) * Math.Log(MaxPriorFactor))).ToArray();
        var raw = symptom.Prior.Select((p, i) => p.P * factors[i]).ToArray();
        var sum = raw.Sum();
        var truthSymptom = symptom with { Prior = symptom.Prior.Select((p, i) => p with { P = raw[i] / sum }).ToArray() };

        var causes = symptom.Prior.Select(p => p.CauseId).ToHashSet(StringComparer.Ordinal);
        var actions = kb.Content.Actions.Select(a =>
        {
            if (!symptom.ActionIds.Contains(a.Id, StringComparer.Ordinal))
            {
                return a;
            }

            var fixes = a.Fixes.Select(f => causes.Contains(f.CauseId) && f.P > 0
                ? f with { P = Math.Clamp(f.P + ((rng.NextDouble() * 2 - 1) * MaxFixShift), 0.01, 0.99) }
                : f).ToArray();
            return a with { Fixes = fixes };
        }).ToArray();

        var symptoms = kb.Content.Symptoms.Select(s => s.Id == symptomId ? truthSymptom : s).ToArray();
        return new KnowledgeBase(kb.Content with { Symptoms = symptoms, Actions = actions });
    }
}
