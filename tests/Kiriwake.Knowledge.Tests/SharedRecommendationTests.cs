using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Tests;

namespace Kiriwake.Knowledge.Tests;

/// <summary>The recommendations the web shares between sessions, over the real knowledge base: what a session is
/// given from the shared cache is what a fresh engine works out for its state.</summary>
public sealed class SharedRecommendationTests
{
    [Fact]
    public void Recommend_RandomStatesOfEverySymptom_EqualsAFreshSolve()
    {
        var models = new KnowledgeModels(KnowledgeLoader.Load(RepoPaths.Knowledge));
        var differences = new List<string>();
        var checkedStates = 0;
        foreach (var symptom in models.Knowledge.Symptoms.Keys.Order(StringComparer.Ordinal))
        {
            var model = models.Model(symptom);
            var states = RecommendationChecks.Walk(model, symptom.Length, 60);
            var kept = new Recommendation?[states.Count];
            Parallel.For(0, states.Count * 2, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                var (state, gates) = states[i % states.Count];
                kept[i % states.Count] = models.Policies.Recommend(model, RecommendationChecks.Snapshot(state, gates));
            });

            for (var i = 0; i < states.Count; i++)
            {
                var (state, gates) = states[i];
                var fresh = Recommender.Recommend(new EnginePolicy(model, gates, models.Options), state);
                if (RecommendationChecks.Difference(fresh, kept[i]) is { } difference)
                {
                    differences.Add($"{symptom}, state {i} under {gates}: {difference}");
                }

                checkedStates++;
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {checkedStates} states differ:{Environment.NewLine}" + string.Join(Environment.NewLine, differences.Take(10)));
        Assert.True(checkedStates > 500, $"only {checkedStates} states checked");
    }
}
