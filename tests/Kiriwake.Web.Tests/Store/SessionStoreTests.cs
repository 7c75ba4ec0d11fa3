using System.Net;
using Kiriwake.Tests.Postgres;
using Kiriwake.Web.Store;
using Kiriwake.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Web.Tests.Store;

/// <summary>The store on both providers: the same API behaviour over SQLite and a real PostgreSQL.</summary>
public sealed class SessionStoreTests
{
    [Fact]
    public async Task Sqlite_WholeDiagnosis_IsStoredAndReplayed() => await WholeDiagnosisAsync(store: null);

    [PostgresFact]
    public async Task Postgres_WholeDiagnosis_IsStoredAndReplayed()
    {
        await using var pg = await ThrowawayPostgres.StartAsync();
        await WholeDiagnosisAsync((await pg.CreateDatabaseAsync()).ConnectionString);
    }

    [PostgresFact]
    public async Task Postgres_TwoServersOnOneDatabase_ContinueTheSameSession()
    {
        await using var pg = await ThrowawayPostgres.StartAsync();
        var store = (await pg.CreateDatabaseAsync()).ConnectionString;
        await using var one = await LiveServer.StartAsync(o => o with { Store = store });
        await using var two = await LiveServer.StartAsync(o => o with { Store = store });
        using var a = new HttpClient { BaseAddress = new Uri(one.BaseUrl) };
        using var b = new HttpClient { BaseAddress = new Uri(two.BaseUrl) };

        var session = await (await a.StartAsync(new { errorCode = "4013", lang = "ja" })).ReadJsonAsync();
        var step = session.GetProperty("step");
        // An answer that does not end the session (4013 starts with a step that may fix it), so both servers must
        // agree on the step that follows.
        var goOn = step.Values().First(v => v is not "fixed" and not "yes");
        var answered = await b.AnswerAsync(session.GetProperty("id").GetString()!, step.GetProperty("id").GetString()!, goOn);
        var readBack = await (await a.GetAsync($"/api/sessions/{session.GetProperty("id").GetString()}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal((await answered.ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString(), readBack.GetProperty("step").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Sqlite_TwoServersOnOneFile_NeitherSendsAStaleSession()
    {
        await using var one = await LiveServer.StartAsync();
        await using var two = await LiveServer.StartAsync(o => o with { Store = one.Options.Store });
        await ReadsFollowTheOtherServerAsync(one, two);
    }

    [PostgresFact]
    public async Task Postgres_TwoServersOnOneDatabase_NeitherSendsAStaleSession()
    {
        await using var pg = await ThrowawayPostgres.StartAsync();
        var store = (await pg.CreateDatabaseAsync()).ConnectionString;
        await using var one = await LiveServer.StartAsync(o => o with { Store = store });
        await using var two = await LiveServer.StartAsync(o => o with { Store = store });
        await ReadsFollowTheOtherServerAsync(one, two);
    }

    [Fact]
    public async Task Sqlite_SameAnswerTwiceAtOnce_OnlyOneIsStored()
    {
        await using var server = await LiveServer.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var session = await (await client.StartAsync(new { errorCode = "4013", lang = "en" })).ReadJsonAsync();
        var id = session.GetProperty("id").GetString()!;
        var step = session.GetProperty("step");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.AnswerAsync(id, step.GetProperty("id").GetString()!, step.Values()[0])));

        Assert.Contains(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
        await using var scope = server.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<SessionStore>().LoadAsync(id, CancellationToken.None);
        Assert.Equal(1, row!.Log.Split("\"type\": \"answer\"").Length - 1);
    }

    /// <summary>
    /// Each server reads a session (and keeps what it sent), the other one changes it (answer, then undo), and the
    /// first one's next read must show the change: a kept session object is only sent for the stored version.
    /// </summary>
    private static async Task ReadsFollowTheOtherServerAsync(LiveServer one, LiveServer two)
    {
        using var a = new HttpClient { BaseAddress = new Uri(one.BaseUrl) };
        using var b = new HttpClient { BaseAddress = new Uri(two.BaseUrl) };
        var started = await (await a.StartAsync(new { errorCode = "4013", lang = "en" })).ReadJsonAsync();
        var id = started.GetProperty("id").GetString()!;
        var path = $"/api/sessions/{id}";
        var first = started.GetProperty("step");

        Assert.Equal(first.GetProperty("id").GetString(), (await (await a.GetAsync(path)).ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), (await (await b.GetAsync(path)).ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString());

        for (var round = 0; round < 3; round++)
        {
            var (writer, reader) = round % 2 == 0 ? (b, a) : (a, b);
            var current = (await (await writer.GetAsync(path)).ReadJsonAsync()).GetProperty("step");
            var answered = await writer.AnswerAsync(id, current.GetProperty("id").GetString()!, current.Values().First(v => v is not "fixed" and not "yes"));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            var next = (await answered.ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString();
            Assert.NotEqual(current.GetProperty("id").GetString(), next);

            Assert.Equal(next, (await (await reader.GetAsync(path)).ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString());
        }

        var undone = await (await a.PostAsync(path + "/undo", null)).ReadJsonAsync();
        Assert.Equal(undone.GetProperty("step").GetProperty("id").GetString(), (await (await b.GetAsync(path)).ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString());
    }

    private static async Task WholeDiagnosisAsync(string? store)
    {
        await using var server = await LiveServer.StartAsync(o => store is null ? o : o with { Store = store });
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var session = await (await client.StartAsync(new { symptom = "icloud-storage-full", lang = "ja" })).ReadJsonAsync();
        var done = await client.RunAsync(session, step => step.Values().Contains("fixed") ? "fixed" : null);
        var reread = await (await client.GetAsync($"/api/sessions/{done.GetProperty("id").GetString()}")).ReadJsonAsync();

        Assert.Equal("fixed", reread.GetProperty("outcome").GetProperty("kind").GetString());
        await using var scope = server.Services.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionStore>();
        Assert.Equal(1, await sessions.CountAsync(CancellationToken.None));
    }
}
