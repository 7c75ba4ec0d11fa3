using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>Seeded properties over random models (theory §3.3 families).</summary>
public sealed class PropertyTests
{
    private static readonly RandomModelShape s_small = new(MaxCauses: 4, MaxItems: 6, MaxQuestions: 2);

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ExactSolver_RandomModel_EqualsIndependentBruteForce(int seed)
    {
        var model = RandomModels.Create(seed, s_small);
        var compiled = model.Compile();

        Assert.True(new ExactSolver(compiled, GateState.AllOpen).TrySolve(compiled.Start(), 10_000_000, out var exact));
        Assert.Equal(BruteForce.Optimum(model), exact.ExpectedCost, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ExactSolver_RandomModel_NeverCostsMoreThanThePolicies(int seed)
    {
        var compiled = RandomModels.Create(seed, new RandomModelShape(MaxItems: 9)).Compile();
        Assert.True(new ExactSolver(compiled, GateState.AllOpen).TrySolve(compiled.Start(), 10_000_000, out var exact));

        var greedy = PolicyEvaluator.ExpectedCost(compiled, new GreedyPolicy(compiled, GateState.AllOpen));
        var engine = PolicyEvaluator.ExpectedCost(compiled, new EnginePolicy(compiled, GateState.AllOpen));

        Assert.True(exact.ExpectedCost <= greedy + 1e-9, $"exact {exact.ExpectedCost} > greedy {greedy}");
        Assert.Equal(exact.ExpectedCost, engine, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Belief_AfterRandomObservations_SumsToOne(int seed)
    {
        var compiled = RandomModels.Create(seed).Compile();
        var rng = new Random(seed);
        var state = compiled.Start();
        for (var step = 0; step < 6; step++)
        {
            Assert.Equal(1.0, state.Belief.Sum(), 1e-12);
            var q = rng.Next(compiled.QuestionCount + 1) - 1;
            var next = q >= 0 && !state.IsQuestionAnswered(q)
                ? state.AfterAnswer(q, rng.Next(compiled.AnswerIds[q].Count))
                : FailSomeAction(state, rng);
            if (next is null || next.Mass <= 1e-12)
            {
                break;
            }

            state = next;
        }

        Assert.Equal(1.0, state.Belief.Sum(), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ValueOfInformation_EveryQuestionInEveryReachedState_IsNeverNegative(int seed)
    {
        var compiled = RandomModels.Create(seed, new RandomModelShape(MaxQuestions: 3, MaxItems: 8)).Compile();
        var greedy = new GreedyPolicy(compiled, GateState.AllOpen);
        var checkedStates = 0;
        foreach (var state in Reachable(compiled.Start(), greedy, 200))
        {
            for (var q = 0; q < compiled.QuestionCount; q++)
            {
                if (!state.IsQuestionAnswered(q))
                {
                    Assert.True(greedy.ValueOfInformation(state, q) >= -1e-9, $"VOI {greedy.ValueOfInformation(state, q)} < 0");
                    checkedStates++;
                }
            }
        }

        Assert.True(compiled.QuestionCount == 0 || checkedStates > 0);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ranking_EntriesShuffled_IsIdentical(int seed)
    {
        var model = RandomModels.Create(seed);
        var rng = new Random(seed * 7919);
        var shuffled = model with
        {
            Causes = model.Causes.OrderBy(_ => rng.Next()).ToArray(),
            Actions = model.Actions.Select(a => a with { Fixes = a.Fixes.OrderBy(_ => rng.Next()).ToDictionary(StringComparer.Ordinal) })
                .OrderBy(_ => rng.Next()).ToArray(),
            Questions = model.Questions.Select(q => q with { Answers = q.Answers.OrderBy(_ => rng.Next()).ToArray() })
                .OrderBy(_ => rng.Next()).ToArray(),
        };

        var (a, b) = (model.Compile(), shuffled.Compile());
        foreach (var options in new[] { EngineOptions.Default, EngineOptions.GreedyOnly })
        {
            var pa = new EnginePolicy(a, GateState.AllOpen, options);
            var pb = new EnginePolicy(b, GateState.AllOpen, options);
            Assert.Equal(a.Describe(pa.Choose(a.Start())!.Value), b.Describe(pb.Choose(b.Start())!.Value));
            Assert.Equal(PolicyEvaluator.ExpectedCost(a, pa), PolicyEvaluator.ExpectedCost(b, pb));
            Assert.Equal(Recommender.Recommend(pa, a.Start())!.RunnerUp, Recommender.Recommend(pb, b.Start())!.RunnerUp);
        }
    }

    [Fact]
    public void RandomModels_SameSeed_SameModel()
    {
        var a = RandomModels.Create(42);
        var b = RandomModels.Create(42);

        Assert.Equal(a.Causes, b.Causes);
        Assert.Equal(a.Actions.Select(x => (x.Id, x.Cost, x.RepairCost, string.Join(",", x.Fixes))), b.Actions.Select(x => (x.Id, x.Cost, x.RepairCost, string.Join(",", x.Fixes))));
        Assert.Empty(ModelValidator.Validate(a));
    }

    private static DiagnosisState? FailSomeAction(DiagnosisState state, Random rng)
    {
        var open = Enumerable.Range(0, state.Model.ActionCount).Where(a => !state.IsActionUsed(a)).ToArray();
        return open.Length == 0 ? null : state.AfterFailure(open[rng.Next(open.Length)]);
    }

    /// <summary>The states the policy reaches, breadth first.</summary>
    private static IEnumerable<DiagnosisState> Reachable(DiagnosisState root, IPolicy policy, int limit)
    {
        var queue = new Queue<DiagnosisState>([root]);
        for (var n = 0; queue.Count > 0 && n < limit; n++)
        {
            var s = queue.Dequeue();
            yield return s;
            switch (policy.Choose(s))
            {
                case { Kind: StepKind.Action, Index: var a }:
                    queue.Enqueue(s.AfterFailure(a));
                    break;
                case { Kind: StepKind.Question, Index: var q }:
                    for (var ans = 0; ans < s.Model.AnswerIds[q].Count; ans++)
                    {
                        queue.Enqueue(s.AfterAnswer(q, ans));
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
