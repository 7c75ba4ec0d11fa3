using Kiriwake.Web.Store;

namespace Kiriwake.Web.Hosting;

/// <summary>Builds the web app: services, security, pages and the API.</summary>
public static class KiriwakeWebApp
{
    public static async Task<WebApplication> BuildAsync(string[] args, KiriwakeWebOptions options, Action<WebApplicationBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddSessionStore(options.Connection());
        var app = builder.Build();
        await app.Services.MigrateStoreAsync(CancellationToken.None);
        return app;
    }
}
