using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Helpdesk.Tests.Support;

/// <summary>
/// One test's helpdesk: a temporary folder of its own with the store (store.db) in it — or a database the test made —,
/// the server on it (with the test's services and settings) started with the accounts the test asks for, and any
/// other servers the test starts; disposing it disposes every server, then deletes the folder.
/// </summary>
public sealed class HelpdeskTestBed : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly Action<IServiceCollection>? _services;
    private readonly List<HelpdeskHost> _hosts = [];
    private HelpdeskHost? _host;

    /// <summary>A new temporary folder named after <paramref name="folderPrefix"/>; the store is store.db in it.</summary>
    public HelpdeskTestBed(string folderPrefix, Action<IServiceCollection>? services = null)
        : this(Directory.CreateTempSubdirectory(folderPrefix).FullName, store: null, services)
    {
    }

    private HelpdeskTestBed(string? folder, string? store, Action<IServiceCollection>? services)
    {
        _folder = folder;
        Store = store ?? InFolder("store.db");
        _services = services;
    }

    /// <summary>The store's path or connection string.</summary>
    public string Store { get; }

    /// <summary>Configuration of the server <see cref="StartAsync"/> starts, set before it (see <see cref="HelpdeskHost.Settings"/>).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>The server <see cref="StartAsync"/> started.</summary>
    public HelpdeskHost Host => _host ?? throw new InvalidOperationException("the test bed's server is not started");

    /// <summary>A test bed on a store the test made and cleans up itself (a PostgreSQL database): no folder.</summary>
    public static HelpdeskTestBed On(string store, Action<IServiceCollection>? services = null) => new(folder: null, store, services);

    /// <summary>A file in this test's folder (another SQLite store, say).</summary>
    public string InFolder(string file) =>
        Path.Combine(_folder ?? throw new InvalidOperationException("this test bed has no folder"), file);

    /// <summary>Starts <see cref="Host"/> on <see cref="Store"/> (migrations applied), then adds the accounts through the CLI.</summary>
    public async Task StartAsync(params (string Name, string Role)[] users)
    {
        if (_host is not null)
        {
            throw new InvalidOperationException("the test bed's server is already started");
        }

        var host = NewHost(services: _services);
        foreach (var (key, value) in Settings)
        {
            host.Settings[key] = value;
        }

        _host = await StartAsync(host, Store, users);
    }

    /// <summary>Another server, not started yet (a test may configure it first), on <paramref name="store"/> — by
    /// default <see cref="Store"/>: two servers sharing one store. Disposed with the test bed.</summary>
    public HelpdeskHost NewHost(string? store = null, Action<IServiceCollection>? services = null)
    {
        var host = new HelpdeskHost(store ?? Store, services);
        _hosts.Add(host);
        return host;
    }

    /// <summary><see cref="NewHost"/> started, with the accounts added on its store.</summary>
    public Task<HelpdeskHost> StartAnotherAsync(string? store = null, Action<IServiceCollection>? services = null, params (string Name, string Role)[] users) =>
        StartAsync(NewHost(store, services), store ?? Store, users);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<HelpdeskHost> StartAsync(HelpdeskHost host, string store, (string Name, string Role)[] users)
    {
        _ = host.Server; // starts the app: migrations applied
        foreach (var (name, role) in users)
        {
            await HelpdeskHost.AddUserAsync(store, name, role);
        }

        return host;
    }
}
