using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;
using Kiriwake.Learning.Cases;
using Kiriwake.Learning.Estimation;

namespace Kiriwake.Learning.Tests.Estimation;

public sealed class ExpectationMaximizationTests
{
    private static readonly double[] s_truePrior = [0.55, 0.3, 0.15];
    private static readonly double[] s_trueFix = [0.8, 0.4, 0.9];

    [Fact]
    public void Learn_ManyCasesWithUnknownCauses_RecoversTheTrueParameters()
    {
        // Two questions that tell the causes apart (as the knowledge base's questions are meant to): the truth's and the
        // knowledge base's answer rows agree; the prior and the fix probabilities do not.
        double[][] informative = [[0.9, 0.2, 0.1], [0.1, 0.85, 0.3]];
        var truth = TestWorld.Kb(s_truePrior, s_trueFix, informative);
        var kb = TestWorld.Kb(yes: informative); // uniform prior, every fix 0.5
        var cases = TestWorld.Cases(truth, 8000, seed: 7);

        var overlay = BayesianLearner.Estimate(kb, cases).Overlay;

        // What the cases show directly, P(cause and its action fixes it), is recovered closely; the split between the
        // prior and P(fix | cause) rests on the answers only, so it is looser (a technician's confirmation tightens it:
        // next test).
        var prior = overlay.Priors.Single().Causes.ToDictionary(c => c.Id, c => c.P);
        for (var k = 0; k < 3; k++)
        {
            var fix = overlay.Fixes.Single(f => f.ActionId == "a" + TestWorld.Causes[k]).P;
            Assert.InRange(prior[TestWorld.Causes[k]], s_truePrior[k] - 0.02, s_truePrior[k] + 0.02);
            Assert.InRange(prior[TestWorld.Causes[k]] * fix, (s_truePrior[k] * s_trueFix[k]) - 0.01, (s_truePrior[k] * s_trueFix[k]) + 0.01);
            Assert.InRange(fix, s_trueFix[k] - 0.08, s_trueFix[k] + 0.08);
        }
    }

    [Fact]
    public void Learn_ShareOfConfirmedCauses_RecoversTheFixProbabilitiesClosely()
    {
        double[][] informative = [[0.9, 0.2, 0.1], [0.1, 0.85, 0.3]];
        var truth = TestWorld.Kb(s_truePrior, s_trueFix, informative);
        var cases = TestWorld.Cases(truth, 8000, seed: 7, confirmedShare: 0.3);

        var overlay = BayesianLearner.Estimate(TestWorld.Kb(yes: informative), cases).Overlay;

        for (var k = 0; k < 3; k++)
        {
            Assert.InRange(overlay.Fixes.Single(f => f.ActionId == "a" + TestWorld.Causes[k]).P, s_trueFix[k] - 0.04, s_trueFix[k] + 0.04);
        }
    }

    [Fact]
    public void Learn_ManyCasesWithUnknownCauses_LearnsQuestionRowsNearTheTruth()
    {
        var truth = TestWorld.Kb(s_truePrior, s_trueFix, [[0.8, 0.3, 0.5], [0.2, 0.7, 0.4]]);
        var kb = TestWorld.Kb(s_truePrior, s_trueFix, [[0.6, 0.5, 0.5], [0.4, 0.5, 0.6]]);
        var cases = TestWorld.Cases(truth, 8000, seed: 11, confirmedShare: 0.2);

        var overlay = BayesianLearner.Estimate(kb, cases).Overlay;

        var q1k1 = overlay.Answers.Single(a => a.QuestionId == "q1" && a.CauseId == "k1").Answers.Single(a => a.Id == "yes").P;
        var q2k2 = overlay.Answers.Single(a => a.QuestionId == "q2" && a.CauseId == "k2").Answers.Single(a => a.Id == "yes").P;
        Assert.InRange(q1k1, 0.76, 0.84);
        Assert.InRange(q2k2, 0.65, 0.75);
    }

    [Fact]
    public void Learn_ConfirmedCause_MovesThePriorAsOneFullCount()
    {
        var kb = TestWorld.Kb(prior: [0.5, 0.25, 0.25]);
        // Ten cases confirmed as k2, each fixed by the action for k1's neighbour: the transcript alone would say k2 too,
        // but a confirmed cause is counted whole whatever the transcript says.
        var cases = Enumerable.Range(1, 10).Select(n => new ClosedCase("c.jsonl", n, TestWorld.Symptom, [new CaseStep("ak1", "not-fixed"), new CaseStep("support", "escalated")], "k2", "escalated")).ToArray();
        var options = LearningOptions.Default with { MinCases = 10, PriorStrength = 10, PosteriorSweeps = 0 };

        var prior = BayesianLearner.Estimate(kb, cases, options).Overlay.Priors.Single().Causes.ToDictionary(c => c.Id, c => c.P);

        // The EM's mode, (S·m + n) / (S + N): k2 = (10·0.25 + 10) / 20, k1 = 10·0.5 / 20, k3 = 10·0.25 / 20.
        Assert.Equal(0.625, prior["k2"], 6);
        Assert.Equal(0.25, prior["k1"], 6);
        Assert.Equal(0.125, prior["k3"], 6);
    }

    [Fact]
    public void Learn_ConfirmedCause_PosteriorMeanCountsItWhole()
    {
        var kb = TestWorld.Kb(prior: [0.5, 0.25, 0.25]);
        var cases = Enumerable.Range(1, 10).Select(n => new ClosedCase("c.jsonl", n, TestWorld.Symptom, [new CaseStep("ak1", "not-fixed"), new CaseStep("support", "escalated")], "k2", "escalated")).ToArray();
        var options = LearningOptions.Default with { MinCases = 10, PriorStrength = 10, PosteriorSweeps = 2000 };

        var prior = BayesianLearner.Estimate(kb, cases, options).Overlay.Priors.Single().Causes.ToDictionary(c => c.Id, c => c.P);

        // Every cause is known, so each draw comes from Dirichlet((S + K)·m + n) = (6.5, 13.25, 3.25), whose mean is
        // ((S + K)·m + n) / (S + K + N): k2 = 13.25 / 23, k1 = 6.5 / 23, k3 = 3.25 / 23 (average of 2000 draws: ±0.01).
        Assert.Equal(13.25 / 23, prior["k2"], 0.01);
        Assert.Equal(6.5 / 23, prior["k1"], 0.01);
        Assert.Equal(3.25 / 23, prior["k3"], 0.01);
    }

    [Fact]
    public void Learn_UnconfirmedCase_MovesThePriorByItsPosteriorOnly()
    {
        var kb = TestWorld.Kb(prior: [0.5, 0.25, 0.25]);
        var cases = Enumerable.Range(1, 10).Select(n => new ClosedCase("c.jsonl", n, TestWorld.Symptom, [new CaseStep("ak1", "not-fixed"), new CaseStep("support", "escalated")], null, "escalated")).ToArray();
        var options = LearningOptions.Default with { MinCases = 10, PriorStrength = 10 };

        var prior = BayesianLearner.Estimate(kb, cases, options).Overlay.Priors.Single().Causes.ToDictionary(c => c.Id, c => c.P);

        Assert.InRange(prior["k2"], 0.25, 0.5);
    }

    [Fact]
    public void Posterior_OfATranscript_IsTheEnginesOwnBelief()
    {
        var kb = TestWorld.Kb(prior: [0.5, 0.3, 0.2], fix: [0.7, 0.6, 0.8]);
        var steps = new[] { new CaseStep("q1", "yes"), new CaseStep("ak1", "not-fixed"), new CaseStep("q2", "no"), new CaseStep("ak2", "fixed") };
        var c = new ClosedCase("c.json", 1, TestWorld.Symptom, steps, null, "fixed");
        var space = new ParameterSpace(kb, [TestWorld.Symptom]);
        var problems = new List<string>();
        var compiled = CaseCompiler.Compile(space, [c], problems);
        var em = new ExpectationMaximization(space, compiled, LearningOptions.Default);

        var posterior = em.Posterior(compiled.Single());

        var model = new CompiledModel(ModelFlattener.Flatten(kb, TestWorld.Symptom));
        var at = DateTimeOffset.UnixEpoch;
        var snapshot = SessionReplay.Replay(model, steps.Take(3).Select(s => (SessionEvent)new StepAnswered(s.StepId, s.Answer, at)));
        model.TryFindStep("ak2", out var fixer);
        var engine = snapshot.State.BeliefGivenFixedBy(fixer.Index);
        Assert.Empty(problems);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(engine[k], posterior[k], 12);
        }
    }

    [Fact]
    public void Learn_FewerCasesThanTheMinimum_ChangesNothing()
    {
        var kb = TestWorld.Kb();
        var cases = TestWorld.Cases(TestWorld.Kb(s_truePrior, s_trueFix), 19, seed: 3);

        var result = BayesianLearner.Learn(kb, cases, LearningOptions.Default with { MinCases = 20 });

        Assert.Empty(result.Overlay.Priors);
        Assert.Empty(result.Overlay.Fixes);
        Assert.Empty(result.Overlay.Answers);
        Assert.False(result.Symptoms.Single().Moved);
        Assert.Equal(result.Symptoms.Single().PriorBefore, result.Symptoms.Single().PriorAfter);
    }

    [Fact]
    public void Learn_OneSidedCases_KeepsEveryProbabilityInsideTheBounds()
    {
        var kb = TestWorld.Kb(prior: [0.98, 0.01, 0.01], fix: [0.5, 0.5, 0.5]);
        // Every case: k3 confirmed, fixed at once by its action: unbounded, P(k3) → 1 and P(fix | k3) → 1.
        var cases = Enumerable.Range(1, 5000).Select(n => new ClosedCase("c.jsonl", n, TestWorld.Symptom, [new CaseStep("ak3", "fixed")], "k3", "fixed")).ToArray();

        var overlay = BayesianLearner.Estimate(kb, cases).Overlay;

        Assert.All(overlay.Priors.Single().Causes, c => Assert.InRange(c.P, 0.01, 0.99));
        // Three causes, each at least 0.01: the most one can have is 0.98.
        Assert.Equal(0.98, overlay.Priors.Single().Causes.Single(c => c.Id == "k3").P, 6);
        Assert.Equal(0.99, overlay.Fixes.Single(f => f.ActionId == "ak3").P, 6);
    }
}
