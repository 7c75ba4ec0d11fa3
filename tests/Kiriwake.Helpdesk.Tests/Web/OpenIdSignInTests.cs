using System.Net;
using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Helpdesk.Tests.Web;

/// <summary>An organisation's OpenID Connect sign-in through a provider in the test process: a known identity reaches
/// the helpdesk with its role, an unknown one is refused and audited, and without configuration nothing changes.</summary>
public sealed class OpenIdSignInTests : IAsyncLifetime
{
    private readonly HelpdeskTestBed _bed = new("kiriwake-helpdesk-oidc-");
    private FakeOpenIdProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeOpenIdProvider.StartAsync();
        await _bed.StartAsync(("sato", "agent"), ("kimura", "admin")); // a server without OpenID Connect: migrations applied
    }

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync(); // its servers first: they use the provider
        await _provider.DisposeAsync();
    }

    /// <summary>Another server on the store, with OpenID Connect (not started yet).</summary>
    private HelpdeskHost Configured(Action<Dictionary<string, string?>>? more = null)
    {
        var host = _bed.NewHost();
        host.Settings["Helpdesk:OpenIdConnect:Authority"] = _provider.Issuer;
        host.Settings["Helpdesk:OpenIdConnect:ClientId"] = FakeOpenIdProvider.ClientId;
        host.Settings["Helpdesk:OpenIdConnect:ClientSecret"] = FakeOpenIdProvider.ClientSecret;
        host.Settings["Helpdesk:OpenIdConnect:DisplayName"] = "Contoso";
        more?.Invoke(host.Settings);
        return host;
    }

    /// <summary>The browser's trip: the sign-in page's link, the provider (which signs the person in at once), back to the callback.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/helpdesk/sign-in?lang=en");
        Assert.Contains($"href=\"{OpenIdSignInSettings.StartPath}\"", page, StringComparison.Ordinal);
        Assert.Contains("Sign in with Contoso", page, StringComparison.Ordinal);
        var challenge = await browser.GetAsync(OpenIdSignInSettings.StartPath);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(_provider.Issuer + "/authorize?", authorize.ToString(), StringComparison.Ordinal);
        using var atProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await atProvider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(OpenIdSignInSettings.CallbackPath, back.Headers.Location!.AbsolutePath);
        return await browser.GetAsync(back.Headers.Location.PathAndQuery);
    }

    private async Task SetEmailAsync(HelpdeskHost host, string name, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HelpdeskUser>>();
        var user = await users.FindByNameAsync(name);
        Assert.True((await users.SetEmailAsync(user!, email)).Succeeded);
    }

    [Fact]
    public async Task SignIn_KnownEmailThroughProvider_ReachesTheHelpdeskWithTheAccountsRole()
    {
        var host = Configured();
        await SetEmailAsync(host, "sato", "sato@contoso.example");
        _provider.Identity = new() { ["sub"] = "0001", ["email"] = "sato@contoso.example" };
        var browser = host.Browser();

        var callback = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/helpdesk", callback.Headers.Location!.OriginalString);
        var home = await browser.GetAsync("/helpdesk");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("sato", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"agent\"", await browser.GetStringAsync("/api/helpdesk/me"), StringComparison.Ordinal);
        Assert.Equal(1, _provider.TokensIssued);
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Action == "sign-in" && a.Actor == "sato" && a.Detail.Contains("openid-connect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_UnknownIdentity_RefusedNoCookieAndAudited()
    {
        var host = Configured();
        _provider.Identity = new() { ["sub"] = "0099", ["email"] = "stranger@contoso.example" };
        var browser = host.Browser();

        var callback = await SignInThroughProviderAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(HelpdeskSetupPaths.Refused, callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/helpdesk/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/helpdesk")).StatusCode);
        Assert.Contains("not linked to a helpdesk account", await browser.GetStringAsync(HelpdeskSetupPaths.Refused + "&lang=en"), StringComparison.Ordinal);
        var refused = Assert.Single(await AuditAsync(), a => a.Action == "sign-in-failed");
        Assert.Contains("unknown-identity", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("stranger@contoso.example", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ConfiguredClaimAndRoleClaim_AccountByNameRoleFromTheDirectory()
    {
        var host = Configured(s =>
        {
            s["Helpdesk:OpenIdConnect:UserClaim"] = "preferred_username";
            s["Helpdesk:OpenIdConnect:RoleClaim"] = "groups";
            s["Helpdesk:OpenIdConnect:Roles:technician"] = "kiriwake-technicians";
            s["Helpdesk:OpenIdConnect:Roles:agent"] = "kiriwake-agents";
        });
        _provider.Identity = new() { ["sub"] = "0001", ["preferred_username"] = "sato", ["groups"] = new[] { "staff", "kiriwake-technicians" } };
        var browser = host.Browser();

        var callback = await SignInThroughProviderAsync(browser);

        Assert.Equal("/helpdesk", callback.Headers.Location!.OriginalString);
        Assert.Contains("\"technician\"", await browser.GetStringAsync("/api/helpdesk/me"), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), a => a.Action == "role-change" && a.Actor == "openid-connect" && a.Detail.Contains("technician", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_RoleClaimGrantsNoRole_Refused()
    {
        var host = Configured(s =>
        {
            s["Helpdesk:OpenIdConnect:UserClaim"] = "preferred_username";
            s["Helpdesk:OpenIdConnect:RoleClaim"] = "groups";
            s["Helpdesk:OpenIdConnect:Roles:agent"] = "kiriwake-agents";
        });
        _provider.Identity = new() { ["sub"] = "0002", ["preferred_username"] = "kimura", ["groups"] = new[] { "staff" } };
        var browser = host.Browser();

        var callback = await SignInThroughProviderAsync(browser);

        Assert.Equal(HelpdeskSetupPaths.Refused, callback.Headers.Location!.OriginalString);
        Assert.Contains(await AuditAsync(), a => a.Action == "sign-in-failed" && a.Actor == "kimura" && a.Detail.Contains("no-role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotConfigured_SignInPageAndRoutes_Unchanged()
    {
        var host = _bed.NewHost();
        var browser = host.Browser();

        var page = await browser.GetStringAsync("/helpdesk/sign-in?lang=en");

        Assert.DoesNotContain(OpenIdSignInSettings.StartPath, page, StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(OpenIdSignInSettings.StartPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(OpenIdSignInSettings.CallbackPath + "?code=x&state=y")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await HelpdeskHost.SignInAsync(browser, "sato", HelpdeskHost.Password)).StatusCode);
    }

    [Fact]
    public async Task HalfConfigured_ServerDoesNotStart_SaysWhichKeyIsMissing()
    {
        var host = _bed.NewHost();
        host.Settings["Helpdesk:OpenIdConnect:Authority"] = _provider.Issuer;
        host.Settings["Helpdesk:OpenIdConnect:ClientId"] = FakeOpenIdProvider.ClientId;

        var error = Assert.ThrowsAny<Exception>(() => host.Server);

        Assert.Contains("Helpdesk:OpenIdConnect:ClientSecret", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<List<Kiriwake.Web.Helpdesk.Audit.AuditEvent>> AuditAsync()
    {
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(_bed.Store, _bed.Store));
        return await db.AuditEvents.AsNoTracking().OrderBy(a => a.Seq).ToListAsync();
    }

    private static class HelpdeskSetupPaths
    {
        public const string Refused = "/helpdesk/sign-in?oidc=refused";
    }
}
