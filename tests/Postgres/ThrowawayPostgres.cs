using System.Diagnostics;
using Kiriwake.Tests;
using Npgsql;

namespace Kiriwake.Tests.Postgres;

/// <summary>
/// One throwaway PostgreSQL 15 per test run (scripts/throwaway-postgres.sh: initdb into a temporary folder, a
/// loopback port, an unprivileged server user under root). Each test gets a database of its own, owned by the
/// ordinary role "kiriwake" the app connects as; <see cref="TestDatabase.AdminConnectionString"/> is the superuser.
/// Shared by the web and helpdesk tests (linked from tests/Postgres/): a collection fixture, or one server per test
/// with <see cref="StartAsync"/>.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncLifetime, IAsyncDisposable
{
    private const string AppRole = "kiriwake";
    private string? _folder;
    private string? _adminConnection;
    private int _databases;

    /// <summary>A server of its own for one test (disposed with it).</summary>
    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var server = new ThrowawayPostgres();
        await server.InitializeAsync();
        return server;
    }

    public async Task InitializeAsync()
    {
        if (!PostgresFactAttribute.BinariesFound)
        {
            return;
        }

        // Directly under the temporary folder: the server's user must be able to reach it.
        _folder = Path.Combine(Path.GetTempPath(), "kiriwake-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var (code, output, error) = await RunScriptAsync("start", _folder);
        if (code != 0)
        {
            throw new InvalidOperationException($"throwaway PostgreSQL did not start (exit {code}): {error}");
        }

        _adminConnection = output.Trim();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE ROLE {AppRole} LOGIN", connection);
        await command.ExecuteNonQueryAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is not null)
        {
            await RunScriptAsync("stop", _folder);
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a stopping server: the temporary folder is cleaned by the system.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>A fresh, empty database for one test.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        if (_adminConnection is null)
        {
            throw new InvalidOperationException("PostgreSQL 15 binaries (initdb, pg_ctl) were not found; install Debian's postgresql-15.");
        }

        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(_adminConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} OWNER {AppRole}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var admin = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = name };
        var app = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = name, Username = AppRole };
        return new TestDatabase(app.ConnectionString, admin.ConnectionString);
    }

    /// <summary>Stops the server (same folder and port kept) — for outage tests.</summary>
    public Task PauseAsync() => RunOrThrowAsync("pause");

    /// <summary>Starts the paused server again on the same port.</summary>
    public Task ResumeAsync() => RunOrThrowAsync("resume");

    private async Task RunOrThrowAsync(string command)
    {
        var (code, _, error) = await RunScriptAsync(command, _folder ?? throw new InvalidOperationException("not started"));
        if (code != 0)
        {
            throw new InvalidOperationException($"throwaway-postgres.sh {command} failed (exit {code}): {error}");
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunScriptAsync(string command, string folder)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "throwaway-postgres.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

/// <summary>One test's database: the app's connection (an ordinary role) and the superuser's.</summary>
public sealed record TestDatabase(string ConnectionString, string AdminConnectionString);

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<ThrowawayPostgres>
{
    public const string Name = "postgres";
}
