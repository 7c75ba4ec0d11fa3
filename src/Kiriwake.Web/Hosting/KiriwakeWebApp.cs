using System.Net;
using Kiriwake.Core.Conversation;
using Kiriwake.Knowledge;
using Kiriwake.Web.Api;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Helpdesk;
using Kiriwake.Web.Helpdesk.Learning;
using Kiriwake.Web.Local;
using Kiriwake.Web.Pages;
using Kiriwake.Web.Store;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Kiriwake.Web.Hosting;

/// <summary>Builds the web app: services, security, pages and the API.</summary>
public static class KiriwakeWebApp
{
    /// <summary>The address `kiriwake serve` listens on unless told otherwise: this computer only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<WebApplication> BuildAsync(string[] args, KiriwakeWebOptions options, Action<WebApplicationBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        configure?.Invoke(builder);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = TextLimits.MaxRequestBytes;
        });
        builder.Services.Configure<FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = TextLimits.MaxRequestBytes;
            f.ValueLengthLimit = TextLimits.MaxPastedChars * 4;
        });
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = TextLimits.MaxRequestBytes);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHelpdeskLearning(); // Helpdesk/Learning (issue 12): the knowledge in use, with the approved overlay
        builder.Services.AddSessionStore();
        builder.Services.AddScoped<SessionService>();
        builder.Services.AddSingleton(sp => new SessionObjectCache(sp.GetRequiredService<KiriwakeWebOptions>().SessionCacheBytes));
        builder.Services.AddSingleton<SessionObjects>();
        builder.Services.AddSingleton<MemoryMetrics>();
        builder.Services.AddHelpdesk(builder.Configuration); // Helpdesk/ (issue 11)
        builder.Services.AddHostedService<ExpiredSessionsCleaner>();
        builder.Services.AddSingleton<EngineWarmer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EngineWarmer>());
        builder.Services.AddLocalDevice(); // Local/ (issue 13)
        builder.Services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "kiriwake-af";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.FormFieldName = "__af";
        });
        builder.Services.AddKiriwakeRateLimits();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1");
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        builder.Services.AddSingleton(sp => new LocalMode(sp.GetRequiredService<KiriwakeWebOptions>().LocalEvidence
            ?? IsLoopbackOnly(sp.GetRequiredService<IConfiguration>()["urls"] ?? DefaultUrl)));

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseRequestSizeGuard();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ExceptionStatus.Select });
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseHelpdeskAuthentication(); // Helpdesk/ (issue 11)
        app.UseRateLimiter(); // after the sign-in is read: the case lookups count per account
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapSessionsApi();
        app.MapStartPages();
        app.MapSessionPages();
        app.MapKnowledgePages();
        app.MapLocalPages();
        app.MapDeviceActionPages();
        await app.Services.MigrateStoreAsync(CancellationToken.None);
        app.Services.GetRequiredService<MemoryMetrics>();
        await app.MapHelpdeskAsync(CancellationToken.None); // Helpdesk/ (issue 11)
        await app.MapHelpdeskLearningAsync(CancellationToken.None); // Helpdesk/Learning (issue 12)
        return app;
    }

    /// <summary>True when every URL binds a loopback address (127.0.0.1, ::1, localhost).</summary>
    public static bool IsLoopbackOnly(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries).All(u =>
    {
        if (!Uri.TryCreate(u.Trim().Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    });
}
