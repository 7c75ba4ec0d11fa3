using Kiriwake.Core.Diagnosis;
using Kiriwake.Tests;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>The recommendations the policy cache keeps and shares between sessions without a lock.</summary>
public sealed class RecommendationMemoTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 25; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Recommend_RandomStatesFromManyThreads_EqualsAFreshSolve(int seed)
    {
        var model = RandomModels.Create(seed, new RandomModelShape(MaxItems: 9)).Compile();
        var states = RecommendationChecks.Walk(model, seed, 400);

        // A small bound, so the generations turn over many times while the threads read and add.
        var cache = new EnginePolicyCache(recommendationCapacity: 32);
        var kept = new Recommendation?[states.Count];
        Parallel.For(0, states.Count * 3, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var (state, gates) = states[i % states.Count];
            kept[i % states.Count] = cache.Recommend(model, RecommendationChecks.Snapshot(state, gates));
        });

        var differences = new List<string>();
        for (var i = 0; i < states.Count; i++)
        {
            var (state, gates) = states[i];
            var fresh = Recommender.Recommend(new EnginePolicy(model, gates), state);
            var again = cache.Recommend(model, RecommendationChecks.Snapshot(state, gates));
            if ((RecommendationChecks.Difference(fresh, kept[i]) ?? RecommendationChecks.Difference(fresh, again)) is { } difference)
            {
                differences.Add($"state {i} under {gates}: {difference}");
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(10)));
        Assert.InRange(cache.RecommendationCount, 1, cache.RecommendationCapacity);
    }

    [Fact]
    public void Recommend_SameObservationsInAnotherOrder_SharesOneEntry()
    {
        var model = FirstModelWith(actions: 2, questions: 1);
        var cache = new EnginePolicyCache();
        var failedThenAnswered = model.Start().AfterFailure(0).AfterAnswer(0, 0);
        var answeredThenFailed = model.Start().AfterAnswer(0, 0).AfterFailure(0);

        var first = cache.Recommend(model, RecommendationChecks.Snapshot(failedThenAnswered, GateState.AllOpen));
        var second = cache.Recommend(model, RecommendationChecks.Snapshot(answeredThenFailed, GateState.AllOpen));

        Assert.Equal(Key(model, failedThenAnswered, GateState.AllOpen), Key(model, answeredThenFailed, GateState.AllOpen));
        Assert.Equal(Key(model, failedThenAnswered, GateState.AllOpen).GetHashCode(), Key(model, answeredThenFailed, GateState.AllOpen).GetHashCode());
        Assert.Same(first, second);
        Assert.Equal(1, cache.RecommendationCount);
    }

    [Fact]
    public void RecommendationKey_StatesThatDiffer_AreNeverEqual()
    {
        var model = FirstModelWith(actions: 3, questions: 2);
        var other = RandomModels.Create(FirstSeedWith(3, 2), new RandomModelShape(MaxItems: 9)).Compile(); // the same model compiled again
        var start = model.Start();
        var states = new[]
        {
            start,
            start.AfterFailure(0),
            start.AfterSkip(0), // used like a failure, but the belief is unchanged
            start.AfterFailure(1),
            start.AfterFailure(0).AfterFailure(1),
            start.AfterFailure(0).AfterSkip(1),
            start.AfterSkip(0).AfterFailure(1),
            start.AfterAnswer(0, 0),
            start.AfterAnswer(0, 1),
            start.AfterAnswer(1, 0),
            start.AfterAnswer(0, 0).AfterAnswer(1, 0),
        };
        var keys = new List<RecommendationKey>();
        foreach (var state in states)
        {
            foreach (var gates in RecommendationChecks.Gates)
            {
                keys.Add(Key(model, state, gates));
                keys.Add(Key(other, state, gates));
            }
        }

        Assert.Equal(keys.Count, keys.Distinct().Count());

        // Equal gates made apart are one key: the gate state is compared by value.
        Assert.Equal(Key(model, start, new GateState(true, true, true, false)), Key(model, start, GateState.AllOpen));
    }

    [Fact]
    public void Recommend_StateOfAnotherModel_IsRefused()
    {
        var model = FirstModelWith(actions: 2, questions: 1);
        var other = RandomModels.Create(FirstSeedWith(2, 1), new RandomModelShape(MaxItems: 9)).Compile();
        var cache = new EnginePolicyCache();

        Assert.Throws<ArgumentException>(() => cache.Recommend(model, RecommendationChecks.Snapshot(other.Start(), GateState.AllOpen)));
    }

    [Fact]
    public void Memo_PastItsCapacity_HoldsAtMostItsCapacity()
    {
        var model = FirstModelWith(actions: 2, questions: 1);
        var memo = new RecommendationMemo(8);
        for (var i = 0; i < 100; i++)
        {
            memo.Add(new RecommendationKey(model, GateState.AllOpen, new StateKey((ulong)i, 0, 0)), null);
            Assert.InRange(memo.Count, 1, 8);
        }

        Assert.False(memo.TryGet(new RecommendationKey(model, GateState.AllOpen, new StateKey(0, 0, 0)), out _));
        Assert.True(memo.TryGet(new RecommendationKey(model, GateState.AllOpen, new StateKey(99, 0, 0)), out _));
    }

    [Fact]
    public void Memo_EntryReadWhileOlder_OutlivesTheNextTurnover()
    {
        var model = FirstModelWith(actions: 2, questions: 1);
        var memo = new RecommendationMemo(8);
        var used = new RecommendationKey(model, GateState.AllOpen, new StateKey(1000, 0, 0));
        memo.Add(used, null);
        for (var i = 0; i < 100; i++)
        {
            memo.Add(new RecommendationKey(model, GateState.AllOpen, new StateKey((ulong)i, 0, 0)), null);
            Assert.True(memo.TryGet(used, out _), $"dropped after {i + 1} other entries although read after each");
        }
    }

    private static RecommendationKey Key(CompiledModel model, DiagnosisState state, GateState gates) => new(model, gates, state.Key);

    private static CompiledModel FirstModelWith(int actions, int questions) =>
        RandomModels.Create(FirstSeedWith(actions, questions), new RandomModelShape(MaxItems: 9)).Compile();

    private static int FirstSeedWith(int actions, int questions) => Enumerable.Range(1, 1000).First(seed =>
    {
        var m = RandomModels.Create(seed, new RandomModelShape(MaxItems: 9)).Compile();
        return m.ActionCount >= actions && m.QuestionCount >= questions && m.AnswerIds.All(a => a.Count >= 2);
    });
}
