using System.Net;
using System.Text.Json;
using Kiriwake.Web.Tests.Support;

namespace Kiriwake.Web.Tests.Pages;

/// <summary>The knowledge base's notes for a step (cautions, security rules) appear in the API's step and on its page.</summary>
public sealed class StepNotesPageTests : IDisposable
{
    private readonly WebHostFixture _web = new();
    private readonly HttpClient _client;

    public StepNotesPageTests()
    {
        _client = _web.CreateClient();
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja-JP,ja;q=0.9");
    }

    public void Dispose()
    {
        _client.Dispose();
        _web.Dispose();
    }

    [Fact]
    public async Task StepPage_4013Route_NotesShownExactlyOnStepsThatHaveThem()
    {
        var session = await (await _client.StartAsync(new { errorCode = "4013", lang = "ja" })).ReadJsonAsync();
        var id = session.GetProperty("id").GetString()!;
        var (withNotes, without) = (0, 0);
        for (var i = 0; i < 40 && session.GetProperty("step").ValueKind != JsonValueKind.Null; i++)
        {
            var step = session.GetProperty("step");
            var notes = step.GetProperty("notes");
            var page = await _client.GetStringAsync($"/s/{id}");
            if (notes.GetArrayLength() > 0)
            {
                Assert.Contains("気をつけること", page, StringComparison.Ordinal);
                foreach (var note in notes.EnumerateArray())
                {
                    Assert.Contains(WebUtility.HtmlEncode(note.GetProperty("title").GetString()!), page, StringComparison.Ordinal);
                    Assert.Contains(WebUtility.HtmlEncode(note.GetProperty("text").GetString()!), page, StringComparison.Ordinal);
                }

                withNotes++;
            }
            else
            {
                Assert.DoesNotContain("気をつけること", page, StringComparison.Ordinal);
                without++;
            }

            var answer = step.GetProperty("kind").GetString() == "action" ? "not-fixed" : step.Values()[^1];
            var response = await _client.AnswerAsync(id, step.GetProperty("id").GetString()!, answer);
            response.EnsureSuccessStatusCode();
            session = await response.ReadJsonAsync();
        }

        Assert.True(withNotes > 0 && without > 0, $"steps with notes {withNotes}, without {without}");
    }
}
