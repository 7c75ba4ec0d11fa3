using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Store;
using Microsoft.Data.Sqlite;
using Kiriwake.Tests.Postgres;
using Npgsql;

namespace Kiriwake.Helpdesk.Tests.Support;

/// <summary>A migrated helpdesk store on one provider: the app's contexts, and a superuser's raw SQL for tampering.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string _adminConnection;

    private TestStore(StoreConnection connection, string adminConnection, string? sqliteFolder)
    {
        Connection = connection;
        _adminConnection = adminConnection;
        _sqliteFolder = sqliteFolder;
    }

    public StoreConnection Connection { get; }

    public static async Task<TestStore> SqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kiriwake-helpdesk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "store.db");
        var store = new TestStore(StoreConnection.Parse(file, file), $"Data Source={file};Pooling=False", folder);
        await store.MigrateAsync();
        return store;
    }

    public static async Task<TestStore> PostgresAsync(ThrowawayPostgres server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var database = await server.CreateDatabaseAsync();
        var store = new TestStore(StoreConnection.Parse(database.ConnectionString, "unused.db"), database.AdminConnectionString, null);
        await store.MigrateAsync();
        return store;
    }

    public HelpdeskContext Open() => HelpdeskStore.Open(Connection);

    /// <summary>Runs SQL as the superuser (PostgreSQL) or straight on the file (SQLite), outside the app.</summary>
    public async Task AdminExecuteAsync(string sql)
    {
        if (Connection.Provider == StoreProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = new SqliteConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }

    private async Task MigrateAsync()
    {
        await using var db = Open();
        await db.MigrateHelpdeskAsync(CancellationToken.None);
    }
}
