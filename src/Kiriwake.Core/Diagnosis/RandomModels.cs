using System.Globalization;

namespace Kiriwake.Core.Diagnosis;

/// <summary>The shape of a family of random models (theory §3.3).</summary>
/// <param name="MaxItems">Actions plus questions, at most.</param>
/// <param name="PerfectShare">Share of actions that fix their causes for certain (the others: P ~ U(0.5, 1)).</param>
public sealed record RandomModelShape(
    int MinCauses = 2,
    int MaxCauses = 6,
    int MaxItems = 8,
    int MaxQuestions = 3,
    double EscalationShare = 0.85,
    double RepairCostShare = 0.3,
    double PerfectShare = 0.3);

/// <summary>
/// Seeded random troubleshooting models for evaluation and property tests: dependent, imperfect actions with
/// overlapping fixes (costs U(1, 20), some with repair costs), questions with 2–3 answers, an escalation
/// U(30, 100). The same seed gives the same model (System.Random with a seed is deterministic).
/// </summary>
public static class RandomModels
{
    public static TroubleshootingModel Create(int seed, RandomModelShape? shape = null)
    {
        shape ??= new RandomModelShape();
        var rng = new Random(seed);
        var n = rng.Next(shape.MinCauses, shape.MaxCauses + 1);
        var causes = Normalise(Enumerable.Range(0, n).Select(_ => 0.05 + rng.NextDouble()).ToArray())
            .Select((p, k) => new ModelCause("c" + k.ToString(CultureInfo.InvariantCulture), p)).ToArray();

        var questionCount = Math.Min(shape.MaxQuestions, rng.Next(0, shape.MaxQuestions + 1));
        var actionCount = Math.Max(1, rng.Next(Math.Max(1, shape.MaxItems / 2), shape.MaxItems + 1) - questionCount);
        var actions = new List<ModelAction>();
        for (var i = 0; i < actionCount; i++)
        {
            var fixCount = rng.Next(1, Math.Max(1, (n + 1) / 2) + 1);
            var perfect = rng.NextDouble() < shape.PerfectShare;
            var fixes = causes.OrderBy(_ => rng.Next()).Take(fixCount)
                .ToDictionary(c => c.Id, _ => perfect ? 1.0 : Math.Round(0.5 + (0.5 * rng.NextDouble()), 3), StringComparer.Ordinal);
            var cost = Math.Round(1 + (19 * rng.NextDouble()), 2);
            var repair = rng.NextDouble() < shape.RepairCostShare ? Math.Round(5 + (60 * rng.NextDouble()), 2) : 0;
            actions.Add(new ModelAction("a" + i.ToString(CultureInfo.InvariantCulture), cost, repair, fixes, Knowledge.Risk.None, []));
        }

        var questions = new List<ModelQuestion>();
        for (var i = 0; i < questionCount; i++)
        {
            var answerCount = rng.NextDouble() < 0.75 ? 2 : 3;
            var table = causes.Select(_ => Normalise(Enumerable.Range(0, answerCount).Select(_ => Pick(rng)).ToArray())).ToArray();
            var answers = Enumerable.Range(0, answerCount).Select(j => new ModelAnswer(
                "v" + j.ToString(CultureInfo.InvariantCulture),
                causes.Select((c, k) => (c.Id, table[k][j])).ToDictionary(x => x.Id, x => x.Item2, StringComparer.Ordinal))).ToArray();
            questions.Add(new ModelQuestion("q" + i.ToString(CultureInfo.InvariantCulture), Math.Round(1 + (5 * rng.NextDouble()), 2), answers));
        }

        var escalation = rng.NextDouble() < shape.EscalationShare
            ? new ModelEscalation("escalate", Math.Round(30 + (70 * rng.NextDouble()), 2))
            : null;
        return new TroubleshootingModel("random-" + seed.ToString(CultureInfo.InvariantCulture), causes, actions, questions, escalation, null);
    }

    /// <summary>Likelihood weights from {0.05, 0.5, 0.95} or anywhere between (informative and weak questions).</summary>
    private static double Pick(Random rng) => rng.Next(4) switch
    {
        0 => 0.05,
        1 => 0.5,
        2 => 0.95,
        _ => 0.05 + (0.9 * rng.NextDouble()),
    };

    private static double[] Normalise(double[] x)
    {
        var s = x.Sum();
        return x.Select(v => v / s).ToArray();
    }
}
