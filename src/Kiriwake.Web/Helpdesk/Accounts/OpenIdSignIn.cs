using Kiriwake.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Kiriwake.Web.Helpdesk.Accounts;

/// <summary>
/// The optional OpenID Connect sign-in (authorization code flow with PKCE and the client secret). Registered only
/// when <see cref="OpenIdSignInSettings"/> are configured; otherwise nothing here exists and the helpdesk signs in
/// with passwords alone. The provider's identity becomes the matched account's ordinary sign-in cookie, so roles,
/// sign-out everywhere and the audit work as for a password sign-in.
/// </summary>
public static class OpenIdSignIn
{
    /// <summary>Adds the scheme when configured; returns whether it did.</summary>
    public static bool AddHelpdeskOpenIdConnect(this AuthenticationBuilder authentication, IConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        if (configuration is null || OpenIdSignInSettings.From(configuration) is not { } settings)
        {
            return false;
        }

        authentication.Services.AddSingleton(settings);
        authentication.Services.AddScoped<OpenIdAccountMatcher>();
        authentication.AddOpenIdConnect(OpenIdSignInSettings.Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority.ToString();
            o.RequireHttpsMetadata = settings.Authority.Scheme == Uri.UriSchemeHttps;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Add("email");
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.CallbackPath = OpenIdSignInSettings.CallbackPath;
            o.SignInScheme = IdentityConstants.ApplicationScheme;

            // The provider sends the browser back with a top-level GET: Lax cookies travel with it, on http (this
            // computer) and https alike.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnTokenValidated = AcceptAsync;
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(HelpdeskSetup.SignInPath + "?oidc=refused");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return true;
    }

    /// <summary>The start of a sign-in through the provider (a link on the sign-in page); 404 when not configured.</summary>
    public static void MapHelpdeskOpenIdConnect(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<OpenIdSignInSettings>() is null)
        {
            return;
        }

        app.MapGet(OpenIdSignInSettings.StartPath, () =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = "/helpdesk" }, [OpenIdSignInSettings.Scheme]));
    }

    /// <summary>The sign-in page's part: the provider's button, and why a sign-in through it was refused. Empty when not configured.</summary>
    public static string SignInPagePart(HttpContext context, bool ja)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestServices.GetService<OpenIdSignInSettings>() is not { } settings)
        {
            return "";
        }

        var refused = context.Request.Query["oidc"] == "refused"
            ? $"<p class=\"error\" role=\"alert\">{(ja
                ? "組織のアカウントではサインインできませんでした。ヘルプデスクのアカウントに登録されていないか、役割がありません。管理者に連絡してください。"
                : "Signing in with your organisation's account did not work: it is not linked to a helpdesk account, or it has no role. Ask an admin.")}</p>"
            : "";
        var label = ja ? $"{Html.E(settings.DisplayName)} のアカウントでサインイン" : $"Sign in with {Html.E(settings.DisplayName)}";
        return $"{refused}<p><a class=\"button\" href=\"{OpenIdSignInSettings.StartPath}\">{label}</a></p><p>{(ja ? "または、アカウント名とパスワードで:" : "Or with an account name and password:")}</p>";
    }

    private static async Task AcceptAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var user = await services.GetRequiredService<OpenIdAccountMatcher>().MatchAsync(context.Principal!, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.Fail("no helpdesk account for this identity");
            return;
        }

        // From here on the provider's identity is the account's own sign-in (its roles and security stamp).
        context.Principal = await services.GetRequiredService<SignInManager<HelpdeskUser>>().CreateUserPrincipalAsync(user);
    }
}
