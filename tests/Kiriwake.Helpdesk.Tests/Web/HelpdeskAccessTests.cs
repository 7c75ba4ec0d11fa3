using System.Net;
using System.Net.Http.Json;
using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Helpdesk.Tests.Web;

/// <summary>Who may open what: anonymous, agent, admin; sign-in, lockout, sign-out everywhere; all audited.</summary>
public sealed class HelpdeskAccessTests : IAsyncLifetime
{
    private readonly HelpdeskTestBed _bed = new("kiriwake-helpdesk-web-");

    private HelpdeskHost Host => _bed.Host;

    public Task InitializeAsync() => _bed.StartAsync(("sato", "agent"), ("kimura", "admin"));

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    [Theory]
    [InlineData("/helpdesk")]
    [InlineData("/helpdesk/admin/users")]
    public async Task Get_HelpdeskPageWithoutSignIn_RedirectsToSignIn(string page)
    {
        var response = await Host.Browser().GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/helpdesk/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithoutSignIn_Returns401()
    {
        var client = Host.Browser();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/helpdesk/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/helpdesk/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsJsonAsync("/api/helpdesk/users/sato/role", new { role = "admin" })).StatusCode);
    }

    [Fact]
    public async Task Agent_AdminPageAndApi_Returns403()
    {
        var client = Host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await HelpdeskHost.SignInAsync(client, "sato", HelpdeskHost.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/helpdesk/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/helpdesk/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/helpdesk/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/helpdesk/users/sato/role", new { role = "admin" })).StatusCode);
    }

    [Fact]
    public async Task Admin_ChangesRole_AgentBecomesTechnicianAndChangeIsAudited()
    {
        var admin = Host.Browser();
        await HelpdeskHost.SignInAsync(admin, "kimura", HelpdeskHost.Password);

        var response = await admin.PutAsJsonAsync("/api/helpdesk/users/sato/role", new { role = "technician" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var agent = Host.Browser();
        await HelpdeskHost.SignInAsync(agent, "sato", HelpdeskHost.Password);
        Assert.Contains("\"technician\"", await agent.GetStringAsync("/api/helpdesk/me"), StringComparison.Ordinal);
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Action == "role-change" && a.Actor == "kimura" && a.Detail.Contains("technician", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_RightPassword_SignsInAndIsAudited()
    {
        var client = Host.Browser();

        var response = await HelpdeskHost.SignInAsync(client, "sato", HelpdeskHost.Password);

        Assert.Equal("/helpdesk", response.Headers.Location!.ToString());
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/helpdesk?lang=ja"));
        Assert.Contains("sato", home, StringComparison.Ordinal);
        Assert.Contains("ヘルプデスク担当", home, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), a => a.Action == "sign-in" && a.Actor == "sato");
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_RejectedAndNotSignedIn()
    {
        var client = Host.Browser();

        var response = await client.PostAsync("/helpdesk/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "sato",
            ["password"] = HelpdeskHost.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/helpdesk/me")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksOutAndAuditsWithoutThePassword()
    {
        var client = Host.Browser();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await HelpdeskHost.SignInAsync(client, "sato", "wrong password " + i)).StatusCode);
        }

        var locked = await HelpdeskHost.SignInAsync(client, "sato", HelpdeskHost.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("ロックされています", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var audit = await AuditAsync();
        Assert.Equal(6, audit.Count(a => a.Action == "sign-in-failed" && a.Actor == "sato"));
        Assert.Contains(audit, a => a.Detail.Contains("locked-out", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Detail.Contains("wrong password", StringComparison.Ordinal) || a.Detail.Contains(HelpdeskHost.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_PasswordTypedAsAccountName_NotRecorded()
    {
        var client = Host.Browser();

        await HelpdeskHost.SignInAsync(client, "hunter2-secret-typed-here", "x");

        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Action == "sign-in-failed" && a.Actor == "unknown");
        Assert.DoesNotContain(audit, a => a.Actor.Contains("hunter2", StringComparison.Ordinal) || a.Detail.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOutEverywhere_OtherBrowsersCookie_NoLongerWorks()
    {
        var office = Host.Browser();
        var laptop = Host.Browser();
        await HelpdeskHost.SignInAsync(office, "sato", HelpdeskHost.Password);
        await HelpdeskHost.SignInAsync(laptop, "sato", HelpdeskHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/helpdesk/me")).StatusCode);

        var token = await HelpdeskHost.AntiforgeryTokenAsync(office, "/helpdesk");
        var response = await office.PostAsync("/helpdesk/sign-out-everywhere", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/helpdesk/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await office.GetAsync("/api/helpdesk/me")).StatusCode);
    }

    [Fact]
    public async Task SignIn_OnOneServer_CookieValidOnAnotherSharingTheStore()
    {
        var second = _bed.NewHost();
        var first = Host.Browser();
        await HelpdeskHost.SignInAsync(first, "kimura", HelpdeskHost.Password);
        var cookie = string.Join("; ", (await first.GetAsync("/api/helpdesk/me")).RequestMessage!.Headers.GetValues("Cookie"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/helpdesk/users");
        request.Headers.Add("Cookie", cookie);
        var response = await second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sato", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<List<Kiriwake.Web.Helpdesk.Audit.AuditEvent>> AuditAsync()
    {
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(_bed.Store, _bed.Store));
        return await db.AuditEvents.AsNoTracking().OrderBy(a => a.Seq).ToListAsync();
    }
}
