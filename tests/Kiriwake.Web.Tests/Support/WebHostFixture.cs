using Kiriwake.Tests;
using Kiriwake.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Web.Tests.Support;

/// <summary>The app in memory (WebApplicationFactory) over a SQLite file in its own temporary folder.</summary>
public sealed class WebHostFixture : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kiriwake-web-").FullName;

    public WebHostFixture()
    {
        Options = new KiriwakeWebOptions
        {
            Store = Path.Combine(_folder, "sessions.db"),
            KnowledgeDirectory = RepoPaths.Knowledge,
            LocalEvidence = true,
            BackupsDirectory = Path.Combine(_folder, "backups"),
            SessionsPerMinute = 1000,
            WarmEngines = false, // EngineWarmerTests warm; other tests need not pay for it
        };
        Directory.CreateDirectory(Options.BackupsDirectory);
    }

    public KiriwakeWebOptions Options { get; }

    public string StoreFile => Options.Store!;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(s => s.AddSingleton(Options));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
