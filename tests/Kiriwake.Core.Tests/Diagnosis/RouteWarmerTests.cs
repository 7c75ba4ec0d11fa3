using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>Warming a shared cache ahead of time: what people then get is what they would have got without it.</summary>
public sealed class RouteWarmerTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(19)]
    public void Warm_EveryCausesRoute_IsKeptAndDecidedAsAFreshSessionWould(int seed)
    {
        var model = RandomModels.Create(seed, new RandomModelShape(MaxItems: 10)).Compile();
        var cache = new EnginePolicyCache();

        var decisions = RouteWarmer.Warm(cache, model);

        Assert.True(decisions >= model.CauseIds.Count, $"{decisions} decisions for {model.CauseIds.Count} causes");
        var kept = cache.RecommendationCount;
        Assert.InRange(kept, 1, decisions);
        foreach (var cause in model.CauseIds)
        {
            var warmed = new DiagnosisSession(model, cache);
            var alone = new DiagnosisSession(model); // its own policy: nothing shared, nothing worked out before
            for (var step = 0; step < RouteWarmer.MaxSteps; step++)
            {
                var expected = alone.Next();
                var got = warmed.Next();
                Assert.Equal(expected?.Step.Id, got?.Step.Id);
                if (expected is null || warmed.Snapshot.Outcome != SessionOutcome.InProgress
                    || (model.TryFindStep(expected.Step.Id, out var choice) && choice.Kind == StepKind.Escalation))
                {
                    break;
                }

                var answer = SimulatedResponder.Answer(model, expected.Step, cause);
                warmed.Answer(expected.Step.Id, answer, DateTimeOffset.UnixEpoch);
                alone.Answer(expected.Step.Id, answer, DateTimeOffset.UnixEpoch);
                if (warmed.Snapshot.Outcome != SessionOutcome.InProgress)
                {
                    break;
                }
            }
        }

        // Every decision on those routes was found kept: walking them again worked nothing new out.
        Assert.Equal(kept, cache.RecommendationCount);
        Assert.Equal(decisions, RouteWarmer.Warm(cache, model));
        Assert.Equal(kept, cache.RecommendationCount);
    }

    [Fact]
    public void Warm_Cancelled_Stops()
    {
        var model = RandomModels.Create(5, new RandomModelShape(MaxItems: 8)).Compile();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => RouteWarmer.Warm(new EnginePolicyCache(), model, cancelled.Token));
    }
}
