using Kiriwake.Tests;
using Kiriwake.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiriwake.Web.Tests.Support;

/// <summary>The real app on Kestrel (loopback, a free port) over SQLite in its own temporary folder.</summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveServer(WebApplication app, string folder, KiriwakeWebOptions options)
    {
        _app = app;
        Folder = folder;
        Options = options;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string BaseUrl { get; }

    public string Folder { get; }

    public KiriwakeWebOptions Options { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LiveServer> StartAsync(Func<KiriwakeWebOptions, KiriwakeWebOptions>? adjust = null)
    {
        var folder = Directory.CreateTempSubdirectory("kiriwake-live-").FullName;
        var options = new KiriwakeWebOptions
        {
            Store = Path.Combine(folder, "sessions.db"),
            KnowledgeDirectory = RepoPaths.Knowledge,
            BackupsDirectory = Path.Combine(folder, "backups"),
            SessionsPerMinute = 1000,
            WarmEngines = false, // EngineWarmerTests warm; other tests need not pay for it
        };
        options = adjust?.Invoke(options) ?? options;
        Directory.CreateDirectory(options.BackupsDirectory!);
        var app = await KiriwakeWebApp.BuildAsync(["--urls", "http://127.0.0.1:0"], options, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return new LiveServer(app, folder, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
