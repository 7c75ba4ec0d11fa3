using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;
using Kiriwake.Learning.Cases;
using Kiriwake.Learning.Overlay;

namespace Kiriwake.Learning.Tests;

public sealed class SafetyTests
{
    [Fact]
    public void Learn_CasesWhereTheEraseAlwaysFixes_NeverChangesAGateARiskOrACost()
    {
        var kb = TestWorld.Kb();
        // Cases in which the data-loss erase was done (with a verified backup) and fixed it, again and again.
        var cases = Enumerable.Range(1, 200).Select(n => new ClosedCase("c.jsonl", n, TestWorld.Symptom, [new CaseStep("ak1", "not-fixed"), new CaseStep("erase", "fixed")], null, "fixed")).ToArray();

        var result = BayesianLearner.Learn(kb, cases);

        Assert.NotEmpty(result.Overlay.Fixes);
        foreach (var (id, before) in kb.Actions)
        {
            var after = result.Learned.Actions[id];
            Assert.Equal(before.Gates, after.Gates);
            Assert.Equal(before.Risk, after.Risk);
            Assert.Equal(before.CostMinutes, after.CostMinutes);
            Assert.Equal(before.RepairCostMinutes, after.RepairCostMinutes);
        }

        Assert.Equal(kb.Content.Escalations, result.Learned.Content.Escalations);
        Assert.Equal(kb.Content.Questions.Select(q => q.CostMinutes), result.Learned.Content.Questions.Select(q => q.CostMinutes));
        // And the engine on the learned knowledge base still holds the erase back without a verified backup.
        var model = new CompiledModel(ModelFlattener.Flatten(result.Learned, TestWorld.Symptom));
        model.TryFindStep("erase", out var erase);
        Assert.False(model.IsAllowed(erase.Index, GateState.Initial));
        var policy = new EnginePolicy(model, GateState.Initial);
        var state = model.Start();
        while (policy.Choose(state) is { Kind: StepKind.Action or StepKind.Question } step)
        {
            Assert.NotEqual("erase", model.Describe(step).Id);
            state = step.Kind == StepKind.Action ? state.AfterFailure(step.Index) : state.AfterAnswer(step.Index, 0);
        }
    }

    [Fact]
    public void Learn_TheSameCasesInAnotherOrder_WritesByteIdenticalOverlayFiles()
    {
        var truth = TestWorld.Kb([0.6, 0.3, 0.1], [0.9, 0.3, 0.6]);
        var cases = TestWorld.Cases(truth, 600, seed: 5, confirmedShare: 0.1);
        var shuffled = cases.OrderBy(_ => Guid.NewGuid()).Select((c, i) => c with { Source = "other.jsonl", Line = i + 1 }).ToArray();

        var first = OverlayYamlWriter.Write(BayesianLearner.Learn(TestWorld.Kb(), cases).Overlay);
        var second = OverlayYamlWriter.Write(BayesianLearner.Learn(TestWorld.Kb(), shuffled).Overlay);

        Assert.Equal(first, second);
        Assert.Contains(first, f => f.File == "priors.yaml" && f.Text.Contains("\"k1\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Learn_CasesNotFixed_CountedInTheOverlayAndReadBack()
    {
        var truth = TestWorld.Kb([0.6, 0.3, 0.1], [0.9, 0.3, 0.6]);
        var cases = TestWorld.Cases(truth, 400, seed: 7, confirmedShare: 0.1);
        var result = BayesianLearner.Learn(TestWorld.Kb(), cases);
        var folder = Directory.CreateTempSubdirectory("kiriwake-overlay-").FullName;
        try
        {
            foreach (var (file, text) in OverlayYamlWriter.Write(result.Overlay))
            {
                File.WriteAllText(Path.Combine(folder, file), text);
            }

            var read = Kiriwake.Knowledge.Overlay.LearnedOverlayReader.Read(TestWorld.Kb(), folder).Summary;

            var notFixed = cases.Where(c => c.Outcome is "escalated" or "unresolved").ToArray();
            Assert.True(notFixed.Length > 0);
            Assert.Equal((notFixed.Length, notFixed.Count(c => c.ConfirmedCause is not null)), (read.NotFixed, read.NotFixedConfirmed));
            Assert.Equal(result.Overlay.Summary, read);
            Assert.Equal(LearningOptions.Default.PosteriorSweeps, read.Sweeps); // the estimate is the posterior mean, and says so
            Assert.True(read.ConfirmationAdvised); // about 10 % confirmed: fewer than half
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Learn_FirstStepThatChanges_IsReported()
    {
        // The knowledge base thinks k3 is rare; the cases say it is by far the most common and its action cheap enough.
        var kb = TestWorld.Kb([0.8, 0.15, 0.05], [0.9, 0.9, 0.9]);
        var cases = Enumerable.Range(1, 300).Select(n => new ClosedCase("c.jsonl", n, TestWorld.Symptom, [new CaseStep("ak3", "fixed")], "k3", "fixed")).ToArray();

        var result = BayesianLearner.Learn(kb, cases);

        var change = Assert.Single(result.Overlay.FirstStepChanges);
        Assert.Equal(TestWorld.Symptom, change.SymptomId);
        Assert.Equal(FirstSteps.Of(kb, TestWorld.Symptom), change.Before);
        Assert.Equal(FirstSteps.Of(result.Learned, TestWorld.Symptom), change.After);
        Assert.NotEqual(change.Before, change.After);
        Assert.Contains("firstStepChanges:", OverlayYamlWriter.Write(result.Overlay)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Learn_CaseThatDoesNotFitTheKnowledgeBase_NamesFileAndLine()
    {
        var kb = TestWorld.Kb();
        ClosedCase[] cases =
        [
            new("a.jsonl", 3, TestWorld.Symptom, [new CaseStep("no-such-step", "fixed")], null, "fixed"),
            new("a.jsonl", 4, TestWorld.Symptom, [new CaseStep("q1", "maybe")], null, "escalated"),
            new("b.json", 1, "no-such-symptom", [], null, "escalated"),
            new("b.json", 9, TestWorld.Symptom, [], "not-a-cause", "escalated"),
        ];

        var ex = Assert.Throws<CaseFormatException>(() => BayesianLearner.Learn(kb, cases));

        Assert.Contains(ex.Problems, p => p.StartsWith("b.json:1:", StringComparison.Ordinal) && p.Contains("no-such-symptom", StringComparison.Ordinal));
        var again = Assert.Throws<CaseFormatException>(() => BayesianLearner.Learn(kb, cases.Where(c => c.SymptomId == TestWorld.Symptom)));
        Assert.Contains(again.Problems, p => p.StartsWith("a.jsonl:3:", StringComparison.Ordinal) && p.Contains("no-such-step", StringComparison.Ordinal));
        Assert.Contains(again.Problems, p => p.StartsWith("a.jsonl:4:", StringComparison.Ordinal) && p.Contains("maybe", StringComparison.Ordinal));
        Assert.Contains(again.Problems, p => p.StartsWith("b.json:9:", StringComparison.Ordinal) && p.Contains("not-a-cause", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_LearnedOverlay_ChangesOnlyProbabilities()
    {
        var kb = TestWorld.Kb();
        var overlay = new LearnedOverlay(
            new OverlaySummary(100, 0, 10, 10, 10, 20, 5),
            [new LearnedPrior(TestWorld.Symptom, 100, [new("k1", 0.7, 1 / 3.0), new("k2", 0.2, 1 / 3.0), new("k3", 0.1, 1 / 3.0)])],
            [new LearnedFix("ak2", "k2", 0.2, 0.5, 40, 12)],
            [new LearnedAnswers("q1", "k3", 50, 10, [new("no", 0.9, 0.5), new("yes", 0.1, 0.5)])],
            []);

        var learned = OverlayApplier.Apply(kb, overlay);

        Assert.Equal(0.7, learned.Symptoms[TestWorld.Symptom].Prior.Single(p => p.CauseId == "k1").P, 12);
        Assert.Equal(0.2, learned.Actions["ak2"].Fixes.Single().P, 12);
        Assert.Equal(0.1, learned.Questions["q1"].Answers.Single(a => a.Id == "yes").P("k3"), 12);
        Assert.Equal(kb.Questions["q1"].Answers.Single(a => a.Id == "yes").P("k1"), learned.Questions["q1"].Answers.Single(a => a.Id == "yes").P("k1"));
        Assert.Throws<ArgumentException>(() => OverlayApplier.Apply(kb, overlay with { Fixes = [new LearnedFix("ak2", "k1", 0.5, 0, 40, 1)] }));
    }
}
