using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Tests.Postgres;

namespace Kiriwake.Helpdesk.Tests.Web;

/// <summary>
/// Two servers (in-memory hosts) on one PostgreSQL: a sign-in on one is valid on the other; PostgreSQL stopped in
/// the middle: a clear retryable 503, no acknowledged answer lost, and both servers work again once it is back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresScaleOutTests(ThrowawayPostgres server)
{
    [PostgresFact]
    public async Task SignIn_OnOneServer_CookieValidOnTheOther()
    {
        await using var bed = HelpdeskTestBed.On((await server.CreateDatabaseAsync()).ConnectionString);
        await bed.StartAsync(("kimura", "admin"));
        var second = await bed.StartAnotherAsync();
        var browser = bed.Host.Browser();
        await HelpdeskHost.SignInAsync(browser, "kimura", HelpdeskHost.Password);
        var cookie = string.Join("; ", (await browser.GetAsync("/api/helpdesk/me")).RequestMessage!.Headers.GetValues("Cookie"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/helpdesk/me");
        request.Headers.Add("Cookie", cookie);
        var response = await second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("kimura", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task PostgresRestarted_MidRun_ClearRetryableErrorThenBothServersRecoverWithNothingLost()
    {
        await using var bed = HelpdeskTestBed.On((await server.CreateDatabaseAsync()).ConnectionString);
        await bed.StartAsync(("sato", "agent"));
        var second = await bed.StartAnotherAsync();
        var one = bed.Host.Browser();
        var two = second.Browser();
        await HelpdeskHost.SignInAsync(one, "sato", HelpdeskHost.Password);

        // A session started on one server, answered once (acknowledged) on the other.
        var created = await one.PostAsJsonAsync("/api/sessions", new { symptom = "icloud-storage-full", lang = "ja" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = session.GetProperty("id").GetString()!;
        var step = session.GetProperty("step");
        var answered = await two.PostAsJsonAsync($"/api/sessions/{id}/answers", new
        {
            stepId = step.GetProperty("id").GetString(),
            answer = step.GetProperty("answers")[0].GetProperty("value").GetString(),
        });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var acknowledged = await answered.Content.ReadFromJsonAsync<JsonElement>();

        await server.PauseAsync();
        try
        {
            var duringSession = await two.GetAsync($"/api/sessions/{id}");
            var duringHelpdesk = await one.GetAsync("/api/helpdesk/me");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, duringSession.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, duringHelpdesk.StatusCode);
            Assert.Equal("5", duringHelpdesk.Headers.GetValues("Retry-After").Single());
            Assert.Contains("store unavailable; retry", await duringHelpdesk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await server.ResumeAsync();
        }

        // Both servers recover without a restart; the acknowledged answer is there; the sign-in still holds.
        var afterOnOne = await one.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
        var afterOnTwo = await two.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
        Assert.Equal(acknowledged.GetRawText(), afterOnOne.GetRawText());
        Assert.Equal(acknowledged.GetRawText(), afterOnTwo.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync("/api/helpdesk/me")).StatusCode);
    }
}
