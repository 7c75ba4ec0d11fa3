using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>Theory reference §6.2: T0, T2 and T4 reproduced to 1e-9.</summary>
public sealed class WorkedExampleTests
{
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData("a1,a2,a3", 13.0)]
    [InlineData("a1,a3,a2", 13.7)]
    [InlineData("a2,a1,a3", 12.0)]
    [InlineData("a2,a3,a1", 12.5)]
    [InlineData("a3,a1,a2", 14.2)]
    [InlineData("a3,a2,a1", 13.2)]
    public void ExpectedCost_T0EveryOrder_MatchesReference(string order, double expected)
    {
        var model = Fixtures.T0().Compile();
        var policy = new AuthoredOrderPolicy(model, order.Split(','), GateState.AllOpen);

        Assert.Equal(expected, PolicyEvaluator.ExpectedCost(model, policy), Tolerance);
    }

    [Fact]
    public void EnginePolicy_T0_FollowsPOverCWithCost12()
    {
        var model = Fixtures.T0().Compile();
        var engine = new EnginePolicy(model, GateState.AllOpen);
        var greedy = new GreedyPolicy(model, GateState.AllOpen);

        Assert.Equal("a2", model.Describe(engine.Choose(model.Start())!.Value).Id);
        Assert.Equal(12.0, PolicyEvaluator.ExpectedCost(model, engine), Tolerance);
        Assert.Equal(12.0, PolicyEvaluator.ExpectedCost(model, greedy), Tolerance);
        Assert.Equal(12.0, greedy.RepairCost(model.Start()), Tolerance);
    }

    [Fact]
    public void ExactSolver_T2_FindsRebootAntivirusReinstallAt27875()
    {
        var model = Fixtures.T2().Compile();
        var solver = new ExactSolver(model, GateState.AllOpen);

        Assert.True(solver.TrySolve(model.Start(), 1_000_000, out var decision));
        Assert.Equal(27.875, decision.ExpectedCost, Tolerance);
        Assert.Equal("reboot", model.Describe(decision.Choice!.Value).Id);
    }

    [Fact]
    public void ExpectedCost_T2OrdersOfTheReference_Match()
    {
        var model = Fixtures.T2().Compile();

        Assert.Equal(27.875, Cost(model, "reboot", "antivirus", "reinstall", "new-computer"), Tolerance);
        Assert.Equal(29.3325, Cost(model, "antivirus", "reboot", "reinstall", "new-computer"), Tolerance);
        Assert.Equal(30.15, Cost(model, "reboot", "antivirus", "new-computer"), Tolerance);
    }

    [Fact]
    public void GreedyPolicy_T2_IsOptimalWithActionOrEscalation()
    {
        var withAction = Fixtures.T2().Compile();
        var withEscalation = Fixtures.T2WithEscalation().Compile();

        Assert.Equal(27.875, PolicyEvaluator.ExpectedCost(withAction, new GreedyPolicy(withAction, GateState.AllOpen)), Tolerance);
        Assert.Equal(27.875, PolicyEvaluator.ExpectedCost(withEscalation, new GreedyPolicy(withEscalation, GateState.AllOpen)), Tolerance);
        Assert.Equal(27.875, PolicyEvaluator.ExpectedCost(withEscalation, new EnginePolicy(withEscalation, GateState.AllOpen)), Tolerance);
    }

    [Fact]
    public void Recommendation_T2_NamesAntivirusAsRunnerUpAt293325()
    {
        var model = Fixtures.T2().Compile();
        var rec = Recommender.Recommend(new EnginePolicy(model, GateState.AllOpen), model.Start())!;

        Assert.Equal(new StepRef(StepKind.Action, "reboot"), rec.Step);
        Assert.Equal(DecisionMethod.Exact, rec.Method);
        Assert.Equal(0.8, rec.FixProbability, Tolerance);
        Assert.Equal(new StepRef(StepKind.Action, "antivirus"), rec.RunnerUp!.Step);
        Assert.Equal(29.3325, rec.RunnerUp.ExpectedCost, Tolerance);
        Assert.Equal("program", rec.TopCauses[0].CauseId);
    }

    [Fact]
    public void GreedyPolicy_T4_ComputesEcrEcoAndVoi()
    {
        var model = Fixtures.T4().Compile();
        var greedy = new GreedyPolicy(model, GateState.AllOpen);
        var root = model.Start();
        var yes = root.AfterAnswer(0, model.AnswerIds[0].ToList().IndexOf("yes"));
        var no = root.AfterAnswer(0, model.AnswerIds[0].ToList().IndexOf("no"));

        Assert.Equal(12.0, greedy.RepairCost(root), Tolerance);
        Assert.Equal(0.53, yes.Mass, Tolerance);
        Assert.Equal(4.82 / 0.53, greedy.RepairCost(yes), Tolerance);
        Assert.Equal(9.0943, greedy.RepairCost(yes), 1e-4);
        Assert.Equal(4.37 / 0.47, greedy.RepairCost(no), Tolerance);
        Assert.Equal(9.2979, greedy.RepairCost(no), 1e-4);
        Assert.Equal(new[] { 0.45 / 0.53, 0.06 / 0.53, 0.02 / 0.53 }, yes.Belief.ToArray(), new ToleranceComparer(Tolerance));
        Assert.Equal(10.19, greedy.ExpectedCostOfObservation(root, 0, normalised: true), Tolerance);
        Assert.Equal(2.81, greedy.ValueOfInformation(root, 0), Tolerance);
        Assert.Equal(StepKind.Question, greedy.Choose(root)!.Value.Kind);
        Assert.Equal("a2", model.Describe(greedy.Choose(no)!.Value).Id);
    }

    [Fact]
    public void ExactSolver_T4_OptimumEqualsMyopic1019()
    {
        var model = Fixtures.T4().Compile();
        var solver = new ExactSolver(model, GateState.AllOpen);

        Assert.True(solver.TrySolve(model.Start(), 1_000_000, out var decision));
        Assert.Equal(10.19, decision.ExpectedCost, Tolerance);
        Assert.Equal(10.19, PolicyEvaluator.ExpectedCost(model, new GreedyPolicy(model, GateState.AllOpen)), Tolerance);
    }

    [Theory]
    [InlineData(2.8, StepKind.Question)]
    [InlineData(2.82, StepKind.Action)]
    public void GreedyPolicy_T4QuestionCostAroundVoi_AsksOnlyBelow281(double questionCost, StepKind expected)
    {
        var t4 = Fixtures.T4();
        var model = (t4 with { Questions = [t4.Questions[0] with { Cost = questionCost }] }).Compile();

        Assert.Equal(expected, new GreedyPolicy(model, GateState.AllOpen).Choose(model.Start())!.Value.Kind);
    }

    private static double Cost(CompiledModel model, params string[] order) =>
        PolicyEvaluator.ExpectedCost(model, new AuthoredOrderPolicy(model, order, GateState.AllOpen));

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
