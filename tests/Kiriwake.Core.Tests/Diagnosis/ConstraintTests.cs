using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>The model's constraints (issue 9): precedence (the risk ladder), steps that open gates (making a verified
/// backup, saying whose device it is) and answers that rule actions out — obeyed by the exact solver, the greedy
/// policy and the session, in every branch of the policy tree.</summary>
public sealed class ConstraintTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>DFU is cheap and fixes nearly everything, yet comes after the reset and the erase, as the document's
    /// ladder says; the erase waits for a verified backup, which the model can make.</summary>
    private static TroubleshootingModel Ladder() => new(
        "ladder",
        [new("settings", 0.3), new("software", 0.5), new("glitch", 0.2)],
        [
            new ModelAction("restart", 3, 0, Fix(("glitch", 0.6)), Risk.Low, []),
            new ModelAction("reset", 20, 0, Fix(("settings", 0.8), ("glitch", 0.3)), Risk.Low, []) { After = ["restart"] },
            new ModelAction("backup", 30, 0, Fix(), Risk.None, []) { Opens = Gate.BackupVerified },
            new ModelAction("erase", 15, 30, Fix(("settings", 0.95), ("software", 0.4), ("glitch", 0.9)), Risk.DataLoss, [Gate.BackupVerified, Gate.OwnerConsent]) { After = ["restart", "reset"] },
            new ModelAction("dfu", 1, 0, Fix(("settings", 1), ("software", 0.95), ("glitch", 1)), Risk.DataLoss, [Gate.BackupVerified, Gate.OwnerConsent]) { After = ["restart", "reset", "erase"] },
        ],
        [
            new ModelQuestion("whose", 0.5, [
                new ModelAnswer("own", Same(0.9)) { Opens = [Gate.OwnerConsent] },
                new ModelAnswer("other", Same(0.1)),
            ]),
        ],
        new ModelEscalation("support", 300),
        null);

    private static Dictionary<string, double> Fix(params (string Cause, double P)[] fixes) =>
        fixes.ToDictionary(f => f.Cause, f => f.P, StringComparer.Ordinal);

    private static Dictionary<string, double> Same(double p) =>
        new(StringComparer.Ordinal) { ["settings"] = p, ["software"] = p, ["glitch"] = p };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Policy_Ladder_NeverProposesAStepBeforeWhatItComesAfter(bool greedyOnly)
    {
        var model = Ladder().Compile();
        var policy = new EnginePolicy(model, GateState.Initial, greedyOnly ? EngineOptions.GreedyOnly : null);

        var visited = 0;
        foreach (var (state, choice) in Walk(model, policy))
        {
            visited++;
            var id = model.Describe(choice).Id;
            var used = Used(model, state);
            if (id == "dfu")
            {
                Assert.Contains("reset", used);
                Assert.Contains("erase", used);
            }

            if (id is "erase" or "dfu")
            {
                Assert.Contains("backup", used); // the verified backup comes first
                Assert.Equal("own", model.AnswerIds[0][state.AnswerOf(0)]); // whose device: answered "own"
            }

            if (id == "reset")
            {
                Assert.Contains("restart", used);
            }
        }

        Assert.True(visited > 3);
    }

    [Fact]
    public void Policy_LadderWithoutTheBackupStep_NeverErases()
    {
        var model = (Ladder() with { Actions = Ladder().Actions.Where(a => a.Id != "backup").ToArray() }).Compile();
        var policy = new EnginePolicy(model, GateState.Initial);

        Assert.DoesNotContain(Walk(model, policy), s => model.Describe(s.Choice).Id is "erase" or "dfu");
    }

    [Fact]
    public void Policy_SomeoneElsesDevice_NeverErasesWithoutConsent()
    {
        var model = Ladder().Compile();
        var policy = new EnginePolicy(model, GateState.Initial);

        foreach (var (state, choice) in Walk(model, policy))
        {
            if (model.Describe(choice).Id is "erase" or "dfu")
            {
                Assert.NotEqual("other", model.AnswerIds[0][state.AnswerOf(0)]);
            }
        }
    }

    [Fact]
    public void Session_BackupStepDoneButNotVerified_DoesNotOpenTheErase()
    {
        var model = Ladder().Compile();
        var session = new DiagnosisSession(model);
        session.Answer("whose", "own", s_t0);
        session.Answer("restart", StepAnswers.NotFixed, s_t0);
        session.Answer("reset", StepAnswers.NotFixed, s_t0);
        session.Answer("backup", StepAnswers.NotFixed, s_t0);

        Assert.DoesNotContain(Next(session), new[] { "erase", "dfu" });

        session.RecordFact(Kiriwake.Core.Facts.FactKeys.BackupVerified, "true", "backup verifier", s_t0);

        Assert.Equal("erase", Next(session));
    }

    [Fact]
    public void Policy_AnswerRulesAnActionOut_NeverProposesIt()
    {
        var model = new TroubleshootingModel(
            "hub",
            [new("hub", 0.5), new("cable", 0.5)],
            [
                new ModelAction("remove-hub", 1, 0, Fix(("hub", 0.9)), Risk.None, []),
                new ModelAction("change-cable", 5, 0, Fix(("cable", 0.9)), Risk.None, []),
            ],
            [
                new ModelQuestion("via-hub", 0.5, [
                    new ModelAnswer("yes", new Dictionary<string, double> { ["hub"] = 0.6, ["cable"] = 0.2 }),
                    new ModelAnswer("no", new Dictionary<string, double> { ["hub"] = 0.4, ["cable"] = 0.8 }) { RulesOut = ["remove-hub"] },
                ]),
            ],
            new ModelEscalation("support", 100),
            null).Compile();

        foreach (var greedyOnly in new[] { false, true })
        {
            var policy = new EnginePolicy(model, GateState.AllOpen, greedyOnly ? EngineOptions.GreedyOnly : null);
            foreach (var (state, choice) in Walk(model, policy))
            {
                if (model.Describe(choice).Id == "remove-hub")
                {
                    Assert.NotEqual(0, state.AnswerOf(0)); // "no" is canonical answer 0
                }
            }
        }
    }

    [Fact]
    public void BelievedPolicy_TruthEqualsBelief_CostsWhatTheEngineCosts()
    {
        var model = Ladder().Compile();
        var engine = new EnginePolicy(model, GateState.Initial);

        var believed = RobustnessEvaluator.ExpectedCostUnderTruth(model, new BelievedPolicy(model, engine));

        Assert.Equal(PolicyEvaluator.ExpectedCost(model, engine), believed, 9);
    }

    [Fact]
    public void PerturbPriors_SeededDraws_StayWithinAFactorOfThreeAndSumToOne()
    {
        var model = Ladder();
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var truth = RobustnessEvaluator.PerturbPriors(model, random);
            Assert.Equal(1, truth.Causes.Sum(c => c.Prior), 9);
            var ratios = truth.Causes.Select((c, k) => c.Prior / model.Causes[k].Prior).ToArray();
            Assert.True(ratios.Max() / ratios.Min() <= 9 + 1e-9);
        }

        Assert.Equal(RobustnessEvaluator.PerturbPriors(model, new Random(3)).Causes, RobustnessEvaluator.PerturbPriors(model, new Random(3)).Causes);
    }

    private static string? Next(DiagnosisSession session) => session.Next()?.Step.Id;

    private static HashSet<string> Used(CompiledModel model, DiagnosisState state) =>
        Enumerable.Range(0, model.ActionCount).Where(state.IsActionUsed).Select(a => model.ActionIds[a]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every (state, choice) of the policy's tree: every answer and every failure is followed.</summary>
    private static List<(DiagnosisState State, StepChoice Choice)> Walk(CompiledModel model, IPolicy policy)
    {
        var result = new List<(DiagnosisState, StepChoice)>();
        var stack = new Stack<DiagnosisState>([model.Start()]);
        while (stack.Count > 0)
        {
            var state = stack.Pop();
            if (state.Mass <= 1e-12 || policy.Choose(state) is not { } choice)
            {
                continue;
            }

            result.Add((state, choice));
            switch (choice.Kind)
            {
                case StepKind.Action:
                    stack.Push(state.AfterFailure(choice.Index));
                    break;
                case StepKind.Question:
                    for (var ans = 0; ans < model.AnswerIds[choice.Index].Count; ans++)
                    {
                        stack.Push(state.AfterAnswer(choice.Index, ans));
                    }

                    break;
                default:
                    break;
            }
        }

        return result;
    }
}
