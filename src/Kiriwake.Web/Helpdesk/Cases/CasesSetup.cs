using System.Threading.RateLimiting;
using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Helpdesk.Api;
using Kiriwake.Web.Helpdesk.Pages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>Cases inside the helpdesk: the service, the per-account limit on lookups by code, the export policy, the routes.</summary>
public static class CasesSetup
{
    public const string LookupPolicy = "case-lookup";
    public const string ExportPolicy = "helpdesk-export";

    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<CaseService>();
        services.TryAddSingleton(new CaseOptions());
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(LookupPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.User.Identity is { IsAuthenticated: true, Name: { } account } ? "account:" + account : "address:" + context.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = context.RequestServices.GetRequiredService<CaseOptions>().LookupsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddAuthorizationBuilder()
            .AddPolicy(ExportPolicy, p => p.RequireRole(HelpdeskRoles.Technician, HelpdeskRoles.Admin));
        return services;
    }

    public static void MapCases(this WebApplication app)
    {
        app.MapHandoverPages();
        app.MapQueuePage();
        app.MapAnalyticsPage();
        app.MapCaseRoutes();
        app.MapCasesApi();
    }
}

/// <summary>How the case pages are limited.</summary>
public sealed record CaseOptions
{
    /// <summary>Case pages opened (by code or link) per signed-in account per minute (per address before sign-in):
    /// ample for a helpdesk's work, far too few to guess a 40-bit code; colleagues behind one office address do not
    /// share it.</summary>
    public int LookupsPerMinute { get; init; } = 60;
}
