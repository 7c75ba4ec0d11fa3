using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Learning.Cases;

namespace Kiriwake.Learning.Tests;

/// <summary>
/// A small knowledge base built in code — one symptom, three causes, an action per cause, a data-loss erase that
/// needs a verified backup, two questions, a service call — and a seeded generator of closed cases from a "true"
/// version of it.
/// </summary>
internal static class TestWorld
{
    public const string Symptom = "s";
    public static readonly string[] Causes = ["k1", "k2", "k3"];

    public static KnowledgeBase Kb(
        double[]? prior = null,
        double[]? fix = null,
        double[][]? yes = null)
    {
        prior ??= [1 / 3.0, 1 / 3.0, 1 / 3.0];
        fix ??= [0.5, 0.5, 0.5];
        yes ??= [[0.9, 0.2, 0.5], [0.3, 0.85, 0.1]];
        var t = new LocalizedText("テスト", "test");
        var causes = Causes.Select(k => new Cause(k, CauseCategory.Software, t, t, [])).ToArray();
        var actions = Causes.Select((k, i) => new TroubleshootingAction(
                "a" + k, t, t, 5 + (5 * i), null, Risk.Low, [], [], null, [new FixEntry(k, fix[i], new Citation("assumed", null))]))
            .Append(new TroubleshootingAction("erase", t, t, 60, null, Risk.DataLoss, [Gate.BackupVerified], [], null, Causes.Select(k => new FixEntry(k, 0.9, new Citation("assumed", null))).ToArray()))
            .ToArray();
        var questions = yes.Select((row, q) => new Question(
            "q" + (q + 1), t, t, 1,
            [
                new Answer("yes", t, Causes.Select((k, i) => (k, row[i])).ToDictionary(x => x.k, x => x.Item2), 0.5),
                new Answer("no", t, Causes.Select((k, i) => (k, 1 - row[i])).ToDictionary(x => x.k, x => x.Item2), 0.5),
            ],
            null)).ToArray();
        var escalations = new[] { new Escalation("support", EscalationKind.AppleSupport, t, t, 240, [], []) };
        var symptom = new Symptom(
            Symptom, SymptomChannel.Restore, t, t, [],
            Causes.Select((k, i) => new PriorEntry(k, prior[i], new Citation("assumed", null))).ToArray(),
            actions.Select(a => a.Id).ToArray(), questions.Select(q => q.Id).ToArray(), ["support"], null);
        return new KnowledgeBase(new KnowledgeContent(
            [], causes, [symptom], actions, questions, escalations, [], [], [], [], [], [], [], [], [], [], []));
    }

    /// <summary>
    /// Cases from the truth: both questions answered, then the three actions in a random order until one fixes it
    /// (the erase is never tried: no backup), else the service call; <paramref name="confirmedShare"/> of all cases
    /// have their cause confirmed.
    /// </summary>
    public static List<ClosedCase> Cases(KnowledgeBase truth, int count, int seed, double confirmedShare = 0) =>
        Cases(truth, count, seed, CasePlan.AllActionsShuffled(confirmedShare));

    /// <summary>
    /// Cases from the truth: the cause drawn from its prior, both questions answered, then the plan's actions in its
    /// order until one fixes it, else the service call; the cause confirmed where the plan says.
    /// </summary>
    public static List<ClosedCase> Cases(KnowledgeBase truth, int count, int seed, CasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(plan);
        var rng = new Random(seed);
        var prior = truth.Symptoms[Symptom].Prior.Select(p => p.P).ToArray();
        var cases = new List<ClosedCase>();
        for (var n = 0; n < count; n++)
        {
            var k = Draw(rng, prior);
            var cause = Causes[k];
            var steps = new List<CaseStep>();
            foreach (var q in new[] { "q1", "q2" })
            {
                var pYes = truth.Questions[q].Answers.First(a => a.Id == "yes").P(cause);
                steps.Add(new CaseStep(q, rng.NextDouble() < pYes ? "yes" : "no"));
            }

            var fixedIt = false;
            foreach (var a in plan.Actions(rng))
            {
                var p = truth.Actions[a].Fixes.Where(f => f.CauseId == cause).Select(f => f.P).DefaultIfEmpty(0).Max();
                fixedIt = rng.NextDouble() < p;
                steps.Add(new CaseStep(a, fixedIt ? "fixed" : "not-fixed"));
                if (fixedIt)
                {
                    break;
                }
            }

            if (!fixedIt)
            {
                steps.Add(new CaseStep("support", "escalated"));
            }

            cases.Add(new ClosedCase("generated", n + 1, Symptom, steps, plan.Confirmed(rng, fixedIt) ? cause : null, fixedIt ? "fixed" : "escalated"));
        }

        return cases;
    }

    /// <summary>
    /// How generated cases go: the actions tried, in order, until one fixes it (given the random stream, to draw an
    /// order); and whether a case's cause is confirmed, given the stream and whether the case was fixed. Each reads
    /// the stream where a case reaches it, so the cases follow from the seed.
    /// </summary>
    public sealed record CasePlan(Func<Random, IEnumerable<string>> Actions, Func<Random, bool, bool> Confirmed)
    {
        /// <summary>The three actions in a random order; a cause confirmed on <paramref name="confirmedShare"/> of all cases.</summary>
        public static CasePlan AllActionsShuffled(double confirmedShare = 0) => new(
            rng => Causes.Select(c => "a" + c).OrderBy(_ => rng.Next()),
            (rng, _) => rng.NextDouble() < confirmedShare);
    }

    private static int Draw(Random rng, double[] p)
    {
        var u = rng.NextDouble();
        for (var i = 0; i < p.Length; i++)
        {
            u -= p[i];
            if (u < 0)
            {
                return i;
            }
        }

        return p.Length - 1;
    }
}
