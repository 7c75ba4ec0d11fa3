using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>Theory §1.5: with separate repair costs the best set before escalating need not be a prefix.</summary>
public sealed class EscalationCutTests
{
    // P-over-C puts a (0.5/1) before b (0.3/2). Prefixes: {} 60, {a} 81, {a,b} 64; the subset {b}: 2 + 0.7·60 = 44.
    private static TroubleshootingModel NonPrefix() => new(
        "cut",
        [new("ka", 0.5), new("kb", 0.3), new("kc", 0.2)],
        [
            new ModelAction("a", 1, 100, new Dictionary<string, double> { ["ka"] = 1 }, Risk.None, []),
            new ModelAction("b", 2, 0, new Dictionary<string, double> { ["kb"] = 1 }, Risk.None, []),
        ],
        [],
        new ModelEscalation("support", 60),
        null);

    [Fact]
    public void GreedyPolicy_BestSetIsNotAPrefix_ChoosesTheSubset()
    {
        var model = NonPrefix().Compile();
        var greedy = new GreedyPolicy(model, GateState.AllOpen);

        Assert.Equal(44, greedy.RepairCost(model.Start()), 1e-9);
        Assert.Equal("b", model.Describe(greedy.Choose(model.Start())!.Value).Id);
        Assert.Equal(44, PolicyEvaluator.ExpectedCost(model, greedy), 1e-9);
        Assert.Equal(64, PolicyEvaluator.ExpectedCost(model, new AuthoredOrderPolicy(model, ["a", "b", "support"], GateState.AllOpen)), 1e-9);
    }

    [Fact]
    public void GreedyPolicy_EscalationCheaperThanAnyAction_EscalatesAtOnce()
    {
        var model = (NonPrefix() with { Escalation = new ModelEscalation("support", 1.5) }).Compile();
        var decision = new GreedyPolicy(model, GateState.AllOpen).Decide(model.Start());

        Assert.Equal(StepKind.Escalation, decision.Choice!.Value.Kind);
        Assert.Equal(1.5, decision.ExpectedCost, 1e-12);
    }

    [Fact]
    public void GreedyPolicy_LongPlan_LocalSearchNeverWorseThanBestPrefix()
    {
        for (var seed = 1; seed <= 30; seed++)
        {
            var model = RandomModels.Create(seed, new RandomModelShape(MaxItems: 16, MaxQuestions: 0, EscalationShare: 1, RepairCostShare: 0.6)).Compile();
            var enumerated = new GreedyPolicy(model, GateState.AllOpen, new EngineOptions(MaxCutEnumeration: 20)).RepairCost(model.Start());
            var local = new GreedyPolicy(model, GateState.AllOpen, new EngineOptions(MaxCutEnumeration: 0)).RepairCost(model.Start());

            Assert.True(enumerated <= local + 1e-9, $"seed {seed}: enumeration {enumerated} > local search {local}");
        }
    }
}
