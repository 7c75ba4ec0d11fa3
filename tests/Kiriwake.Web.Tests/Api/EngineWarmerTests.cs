using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Helpdesk.Learning;
using Kiriwake.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Web.Tests.Api;

/// <summary>`kiriwake serve` works out the likely decisions in the background at start.</summary>
public sealed class EngineWarmerTests
{
    [Fact]
    public async Task Start_AfterTheServerWarmed_EverySymptomsFirstStepIsFoundNotWorkedOut()
    {
        await using var server = await LiveServer.StartAsync(o => o with { WarmEngines = true });
        var warmer = server.Services.GetRequiredService<EngineWarmer>();
        var served = server.Services.GetRequiredService<ServedKnowledge>();
        for (var waited = 0; warmer.Warmed is null && waited < 240; waited++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Assert.Same(served.Current, warmer.Warmed);
        var policies = served.Current.Policies;
        var kept = policies.RecommendationCount;
        var symptoms = served.Current.Knowledge.Content.Symptoms;
        Assert.True(kept > symptoms.Count, $"{kept} decisions kept for {symptoms.Count} symptoms");

        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        foreach (var symptom in symptoms)
        {
            var session = await (await client.StartAsync(new { symptom = symptom.Id, lang = "ja" })).ReadJsonAsync();
            Assert.Equal(symptom.Id, session.GetProperty("symptom").GetString());
        }

        Assert.Equal(kept, policies.RecommendationCount);
    }
}
