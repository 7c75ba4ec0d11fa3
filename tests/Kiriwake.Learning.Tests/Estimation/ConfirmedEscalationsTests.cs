using Kiriwake.Core.Knowledge;
using Kiriwake.Learning.Cases;

namespace Kiriwake.Learning.Tests.Estimation;

/// <summary>
/// The case docs/learning.md ("Confirmed causes") describes: a cause that no tried action fixes. Self-service cases
/// only show that the tried actions failed, which fits that cause and an overestimated P(fix) of the others alike;
/// a technician confirming the cause of the cases that were not fixed — the ones a technician sees — tells them apart.
/// </summary>
public sealed class ConfirmedEscalationsTests
{
    // The truth: k3 is common, and the actions for k1 and k2 fix less often than the knowledge base says.
    private static readonly double[] s_truePrior = [0.45, 0.3, 0.25];
    private static readonly double[] s_trueFix = [0.55, 0.5, 0.5];

    [Fact]
    public void Learn_ConfirmedCausesOfTheCasesNotFixed_RecoverACauseNoTriedActionFixes()
    {
        // Answers that do not tell the causes apart: what the cases show is which actions failed.
        double[][] silent = [[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]];
        var kb = TestWorld.Kb(prior: [0.45, 0.45, 0.1], fix: [0.9, 0.9, 0.9], yes: silent);
        var truth = TestWorld.Kb(s_truePrior, s_trueFix, silent);

        var selfService = Prior(kb, Cases(truth, 3000, seed: 5, confirmNotFixed: false));
        var confirmed = Prior(kb, Cases(truth, 3000, seed: 5, confirmNotFixed: true));

        // With the causes of the escalated cases confirmed, k3's share is recovered; from transcripts alone it is not.
        Assert.InRange(confirmed["k3"], 0.22, 0.28);
        Assert.True(Math.Abs(selfService["k3"] - 0.25) > 0.05, $"self-service cases alone gave k3 {selfService["k3"]:0.000}");
        Assert.InRange(confirmed["k1"], 0.41, 0.49);
    }

    [Fact]
    public void Learn_ConfirmedCausesOfTheCasesNotFixed_AreCountedInTheResult()
    {
        var truth = TestWorld.Kb(s_truePrior, s_trueFix);
        var cases = Cases(truth, 200, seed: 9, confirmNotFixed: true);

        var result = BayesianLearner.Learn(TestWorld.Kb(), cases);

        var notFixed = cases.Count(c => c.Outcome == "escalated");
        Assert.True(notFixed > 0);
        Assert.Equal(notFixed, result.NotFixed);
        Assert.Equal(notFixed, result.NotFixedConfirmed);
        Assert.Equal(notFixed, result.Overlay.Summary.ConfirmedCases);
    }

    private static Dictionary<string, double> Prior(KnowledgeBase kb, List<ClosedCase> cases) =>
        BayesianLearner.Estimate(kb, cases).Overlay.Priors.Single().Causes.ToDictionary(c => c.Id, c => c.P);

    /// <summary>Both questions answered, then the actions for k1 and k2 (never k3's) until one fixes it, else the service
    /// call; the cause is confirmed on the escalated cases when asked.</summary>
    private static List<ClosedCase> Cases(KnowledgeBase truth, int count, int seed, bool confirmNotFixed) =>
        TestWorld.Cases(truth, count, seed, new TestWorld.CasePlan(_ => ["ak1", "ak2"], (_, fixedIt) => confirmNotFixed && !fixedIt));
}
