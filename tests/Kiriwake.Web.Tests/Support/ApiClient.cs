using System.Net.Http.Json;
using System.Text.Json;

namespace Kiriwake.Web.Tests.Support;

/// <summary>Small helpers over HttpClient for the JSON API.</summary>
public static class ApiClient
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> StartAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/sessions", body);

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient client, string id, string stepId, string answer) =>
        client.PostAsJsonAsync($"/api/sessions/{id}/answers", new { stepId, answer });

    /// <summary>Answers until the session is finished, choosing per step (null from the chooser: the first answer).</summary>
    public static async Task<JsonElement> RunAsync(this HttpClient client, JsonElement session, Func<JsonElement, string?> choose, int maxSteps = 60)
    {
        for (var i = 0; i < maxSteps && session.GetProperty("step").ValueKind != JsonValueKind.Null; i++)
        {
            var step = session.GetProperty("step");
            var answer = choose(step) ?? step.GetProperty("answers")[0].GetProperty("value").GetString()!;
            var response = await client.AnswerAsync(session.GetProperty("id").GetString()!, step.GetProperty("id").GetString()!, answer);
            response.EnsureSuccessStatusCode();
            session = await response.ReadJsonAsync();
        }

        return session;
    }

    public static IReadOnlyList<string> Values(this JsonElement step) =>
        step.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("value").GetString()!).ToArray();
}
