using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiriwake.Web.Store;
using Kiriwake.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Web.Tests.Api;

public sealed class SessionsApiTests : IDisposable
{
    private readonly WebHostFixture _web = new();
    private readonly HttpClient _client;

    public SessionsApiTests() => _client = _web.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _web.Dispose();
    }

    [Fact]
    public async Task Create_ErrorCode4013_Returns201WithTheFirstStep()
    {
        var response = await _client.StartAsync(new { errorCode = "4013", lang = "ja" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await response.ReadJsonAsync();
        var id = session.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal($"/api/sessions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("restore-error-4013", session.GetProperty("symptom").GetString());
        var step = session.GetProperty("step");
        Assert.Contains(step.GetProperty("kind").GetString(), new[] { "question", "action", "gate", "escalation" });
        Assert.False(string.IsNullOrWhiteSpace(step.GetProperty("title").GetString()));
        Assert.NotEmpty(step.Values());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("outcome").ValueKind);
        Assert.Equal(JsonValueKind.Array, step.GetProperty("instructions").ValueKind);
        Assert.True(step.TryGetProperty("why", out _) && step.TryGetProperty("risk", out _));
    }

    [Fact]
    public async Task Get_AfterCreate_ReturnsTheSameStep()
    {
        var created = await (await _client.StartAsync(new { symptom = "icloud-storage-full", lang = "en" })).ReadJsonAsync();

        var read = await (await _client.GetAsync($"/api/sessions/{created.GetProperty("id").GetString()}")).ReadJsonAsync();

        Assert.Equal(created.GetProperty("step").GetProperty("id").GetString(), read.GetProperty("step").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-an-id")]
    public async Task Get_UnknownId_Returns404(string id)
    {
        var response = await _client.GetAsync($"/api/sessions/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Answer_NotOffered_Returns400AndStoresNothing()
    {
        var session = await (await _client.StartAsync(new { errorCode = "4013", lang = "en" })).ReadJsonAsync();
        var id = session.GetProperty("id").GetString()!;
        var step = session.GetProperty("step").GetProperty("id").GetString()!;
        var before = await LogAsync(id);

        var response = await _client.AnswerAsync(id, step, "definitely-not-an-answer");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("definitely-not-an-answer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await LogAsync(id));
    }

    [Fact]
    public async Task Answer_UnknownStepId_Returns400AndStoresNothing()
    {
        var session = await (await _client.StartAsync(new { errorCode = "4013", lang = "en" })).ReadJsonAsync();
        var id = session.GetProperty("id").GetString()!;
        var answer = session.GetProperty("step").Values()[0];
        var before = await LogAsync(id);

        var response = await _client.AnswerAsync(id, "no-such-step", answer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await LogAsync(id));
    }

    [Theory]
    [InlineData("{\"errorCode\": \"4013\", ")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    public async Task Create_MalformedJson_Returns400AndStoresNoSession(string body)
    {
        var response = await _client.PostAsync("/api/sessions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync());
    }

    [Theory]
    [InlineData("{\"lang\": \"ja\"}")]
    [InlineData("{\"symptom\": \"no-such-symptom\"}")]
    [InlineData("{\"errorCode\": \"99999\"}")]
    [InlineData("{\"errorCode\": \"4013\", \"lang\": \"fr\"}")]
    [InlineData("{\"errorCode\": \"4013\", \"family\": \"nokia\"}")]
    [InlineData("{\"text\": \"hello world\"}")]
    public async Task Create_NothingKnown_Returns400WithAMessageAndStoresNoSession(string body)
    {
        var response = await _client.PostAsync("/api/sessions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await response.ReadJsonAsync()).GetProperty("detail").GetString()));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Create_PastedDialogText_UsesTheMatcher()
    {
        var response = await _client.StartAsync(new { text = "iPhone を復元できませんでした。不明なエラーが発生しました (4013)。", lang = "ja" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("restore-error-4013", (await response.ReadJsonAsync()).GetProperty("symptom").GetString());
    }

    [Fact]
    public async Task Answer_FinishedSession_Returns400()
    {
        var session = await (await _client.StartAsync(new { symptom = "icloud-storage-full", lang = "en" })).ReadJsonAsync();
        var done = await _client.RunAsync(session, step => step.Values().Contains("fixed") ? "fixed" : null);
        Assert.Equal(JsonValueKind.Null, done.GetProperty("step").ValueKind);
        var id = done.GetProperty("id").GetString()!;
        var before = await LogAsync(id);

        var response = await _client.AnswerAsync(id, session.GetProperty("step").GetProperty("id").GetString()!, "fixed");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("finished", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await LogAsync(id));
    }

    [Fact]
    public async Task Answer_FixedAction_EndsWithOutcomeAndAcceptance()
    {
        var session = await (await _client.StartAsync(new { symptom = "icloud-storage-full", lang = "ja", family = "iphone-no-home" })).ReadJsonAsync();

        var done = await _client.RunAsync(session, step => step.Values().Contains("fixed") ? "fixed" : null);

        var outcome = done.GetProperty("outcome");
        Assert.Equal("fixed", outcome.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(outcome.GetProperty("title").GetString()));
        Assert.NotEqual(0, outcome.GetProperty("acceptance").GetArrayLength());
    }

    [Fact]
    public async Task Undo_AfterAnAnswer_ReturnsThePreviousStep()
    {
        var session = await (await _client.StartAsync(new { errorCode = "4013", lang = "en", family = "iphone-no-home", platform = "windows-itunes" })).ReadJsonAsync();
        var id = session.GetProperty("id").GetString()!;
        var first = session.GetProperty("step");
        var answered = await (await _client.AnswerAsync(id, first.GetProperty("id").GetString()!, first.Values()[^1])).ReadJsonAsync();
        Assert.NotEqual(first.GetProperty("id").GetString(), answered.GetProperty("step").GetProperty("id").GetString());

        var undone = await _client.PostAsync($"/api/sessions/{id}/undo", null);

        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await undone.ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Undo_NothingAnswered_Returns400()
    {
        var session = await (await _client.StartAsync(new { errorCode = "4013", lang = "en" })).ReadJsonAsync();

        var response = await _client.PostAsync($"/api/sessions/{session.GetProperty("id").GetString()}/undo", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Report_JsonAndMarkdown_DescribeTheSession()
    {
        var session = await (await _client.StartAsync(new { symptom = "icloud-storage-full", lang = "ja" })).ReadJsonAsync();
        var done = await _client.RunAsync(session, step => step.Values().Contains("fixed") ? "fixed" : null);
        var id = done.GetProperty("id").GetString();

        var json = await (await _client.GetAsync($"/api/sessions/{id}/report?format=json")).ReadJsonAsync();
        var md = await _client.GetAsync($"/api/sessions/{id}/report?format=md");
        var bad = await _client.GetAsync($"/api/sessions/{id}/report?format=pdf");

        Assert.Equal("icloud-storage-full", json.GetProperty("symptom").GetString());
        Assert.Equal("fixed", json.GetProperty("outcome").GetString());
        Assert.NotEqual(0, json.GetProperty("transcript").GetArrayLength());
        Assert.Equal("text/markdown", md.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# ", await md.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Answer_EveryAnswerRecordsThePersonAsActor()
    {
        var session = await (await _client.StartAsync(new { errorCode = "4013", lang = "en" })).ReadJsonAsync();
        var step = session.GetProperty("step");
        await _client.AnswerAsync(session.GetProperty("id").GetString()!, step.GetProperty("id").GetString()!, step.Values()[0]);

        var log = await LogAsync(session.GetProperty("id").GetString()!);

        Assert.Contains("\"actor\": \"person\"", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ManySessions_IdsAreDistinct128BitHex()
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await (await _client.StartAsync(new { errorCode = "4013" })).ReadJsonAsync()).GetProperty("id").GetString()!);
        }

        Assert.Equal(20, ids.Count);
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheSessionsApi()
    {
        var doc = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/sessions", out _));
        Assert.True(paths.TryGetProperty("/api/sessions/{id}/answers", out _));
        Assert.True(paths.TryGetProperty("/api/sessions/{id}/report", out _));
    }

    [Fact]
    public async Task Create_BodyOverTheLimit_Returns413AndStoresNoSession()
    {
        using var content = new ByteArrayContent(new byte[8 * 1024 * 1024]);
        content.Headers.ContentType = new("application/json");

        var response = await _client.PostAsync("/api/sessions", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var scope = _web.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionStore>().CountAsync(CancellationToken.None);
    }

    private async Task<string> LogAsync(string id)
    {
        await using var scope = _web.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SessionStore>().LoadAsync(id, CancellationToken.None))?.Log ?? "";
    }
}
