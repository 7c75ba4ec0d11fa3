using System.Net;
using Kiriwake.Tests.Postgres;
using Kiriwake.Web.Store;
using Kiriwake.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task Sqlite_ChangeOnAServerWhoseKeptRowIsBehind_IsMadeOnTheStoredSession()
    {
        // Each server keeps the row it last read or wrote and changes a session from it without reading the store;
        // the other server's changes make that row stale, and nothing may be lost or decided on it.
        await using var one = await LiveServer.StartAsync();
        await using var two = await LiveServer.StartAsync(o => o with { Store = one.Options.Store });
        using var a = new HttpClient { BaseAddress = new Uri(one.BaseUrl) };
        using var b = new HttpClient { BaseAddress = new Uri(two.BaseUrl) };
        var started = await (await a.StartAsync(new { errorCode = "4013", lang = "en" })).ReadJsonAsync();
        var id = started.GetProperty("id").GetString()!;
        var first = started.GetProperty("step");
        var firstId = first.GetProperty("id").GetString()!;
        var goOn = first.Values().First(v => v is not "fixed" and not "yes");
        Assert.Equal(firstId, (await (await b.GetAsync($"/api/sessions/{id}")).ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString());

        // Two answers and takes it back: the first step is current again, three events later than server one's row.
        var answered = await b.AnswerAsync(id, firstId, goOn);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var second = (await answered.ReadJsonAsync()).GetProperty("step");
        Assert.Equal(HttpStatusCode.OK, (await b.PostAsync($"/api/sessions/{id}/undo", null)).StatusCode);

        // One answers the first step again: valid on its kept row too, but the store refuses a write from it.
        var again = await a.AnswerAsync(id, firstId, goOn);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var secondAgain = (await again.ReadJsonAsync()).GetProperty("step");
        Assert.Equal(second.GetProperty("id").GetString(), secondAgain.GetProperty("id").GetString());

        // Two's kept row is behind (the undo): its current step there is the first; the store's is the second.
        var third = await b.AnswerAsync(id, secondAgain.GetProperty("id").GetString()!, secondAgain.Values().First(v => v is not "fixed" and not "yes"));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var thirdStep = (await third.ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString();

        // Not current anywhere any more: refused, whatever either server kept.
        Assert.Equal(HttpStatusCode.BadRequest, (await a.AnswerAsync(id, firstId, goOn)).StatusCode);
        Assert.Equal(thirdStep, (await (await a.GetAsync($"/api/sessions/{id}")).ReadJsonAsync()).GetProperty("step").GetProperty("id").GetString());

        await using var scope = one.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<SessionStore>().LoadAsync(id, CancellationToken.None);
        Assert.Equal(3, row!.Log.Split("\"type\": \"answer\"").Length - 1);
        Assert.Equal(1, row.Log.Split("\"type\": \"undo\"").Length - 1);
    }

    [Fact]
    public async Task Sqlite_ConnectionsOpenedAgainAndAgain_KeepSynchronousNormal()
    {
        await using var server = await LiveServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StoreContext>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA synchronous;";
                Assert.Equal(1L, await command.ExecuteScalarAsync()); // 1 = NORMAL (2 = FULL, SQLite's default)
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
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
