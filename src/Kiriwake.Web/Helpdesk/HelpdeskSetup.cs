using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Helpdesk.Api;
using Kiriwake.Web.Helpdesk.Audit;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Helpdesk.Pages;
using Kiriwake.Web.Helpdesk.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kiriwake.Web.Helpdesk;

/// <summary>
/// The helpdesk inside `kiriwake serve`: accounts (ASP.NET Core Identity on the helpdesk's own tables), a sign-in
/// cookie every server accepts (Data Protection keys in the database), role policies and the audit log.
/// </summary>
public static class HelpdeskSetup
{
    public const string HelpdeskPolicy = "helpdesk";
    public const string AdminPolicy = "helpdesk-admin";
    public const string CookieName = "kiriwake-helpdesk";
    public const string SignInPath = "/helpdesk/sign-in";

    /// <summary>Accounts and the audit log without the web (the CLI's `users add`; the web adds cookies on top).</summary>
    public static IServiceCollection AddHelpdeskAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHelpdeskStore();
        services.AddIdentityCore<HelpdeskUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HelpdeskContext>()
            .AddSignInManager();
        services.AddScoped<AuditLog>();
        services.AddScoped<HelpdeskAccounts>();
        return services;
    }

    /// <param name="configuration">Where an organisation's OpenID Connect sign-in is configured (optional).</param>
    public static IServiceCollection AddHelpdesk(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddHelpdeskAccounts();
        services.AddSingleton(StaffTimeZone.FromConfiguration(configuration?[StaffTimeZone.ConfigurationKey]));
        services.AddDataProtection().SetApplicationName("kiriwake").PersistKeysToDbContext<HelpdeskContext>();
        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        authentication.AddHelpdeskOpenIdConnect(configuration);
        services.ConfigureApplicationCookie(c =>
        {
            c.Cookie.Name = CookieName;
            c.Cookie.SameSite = SameSiteMode.Strict;
            c.Cookie.HttpOnly = true;
            c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            c.LoginPath = SignInPath;
            c.AccessDeniedPath = "/helpdesk/denied";
            c.ExpireTimeSpan = TimeSpan.FromHours(10);
            c.SlidingExpiration = true;
            c.Events.OnRedirectToLogin = e => Challenge(e, StatusCodes.Status401Unauthorized);
            c.Events.OnRedirectToAccessDenied = e => Challenge(e, StatusCodes.Status403Forbidden);
        });

        // "Sign out everywhere" changes the security stamp; every request re-checks it.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .AddPolicy(HelpdeskPolicy, p => p.RequireRole(HelpdeskRoles.All))
            .AddPolicy(AdminPolicy, p => p.RequireRole(HelpdeskRoles.Admin));
        services.AddCases();
        return services;
    }

    public static WebApplication UseHelpdeskAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First, so that a database outage during the sign-in cookie's check is a 503 too.
        app.UseStoreOutage();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps the helpdesk's pages and API, and brings its tables up to date.</summary>
    public static async Task MapHelpdeskAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHelpdeskSignIn();
        app.MapHelpdeskOpenIdConnect();
        app.MapHelpdeskHome();
        app.MapHelpdeskAccountsApi();
        app.MapCases();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HelpdeskContext>().MigrateHelpdeskAsync(cancellationToken);
    }

    /// <summary>The API answers 401/403; pages go to the sign-in page (or say they are forbidden).</summary>
    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> e, int status)
    {
        if (e.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || status == StatusCodes.Status403Forbidden)
        {
            e.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        e.Response.Redirect(e.RedirectUri);
        return Task.CompletedTask;
    }
}
