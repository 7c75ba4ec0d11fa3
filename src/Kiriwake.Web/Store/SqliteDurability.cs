using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kiriwake.Web.Store;

/// <summary>
/// Sets how hard SQLite waits for the disk on every connection the store opens: the store runs in WAL mode, and
/// with synchronous=NORMAL a commit is appended to the WAL without waiting for the disk (the WAL is synced at each
/// checkpoint). The file never corrupts and an answer survives a crash of the program; a power cut or an operating
/// system crash may lose the last answers acknowledged before it. With the default (FULL) every answer waits for
/// one disk flush (1–2 ms here), which caps a local store at a few hundred answers per second. A helpdesk that
/// needs every acknowledged answer to survive a power cut runs on PostgreSQL (--store).
/// The setting belongs to the native connection, which the driver's pool keeps open between uses: it is set once
/// per native connection, not on every open (that was one more statement per query).
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    /// <summary>The native connections already set (weakly held: a closed native connection drops out).</summary>
    private static readonly object Marker = new();

    private readonly ConditionalWeakTable<object, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (AlreadySet(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (AlreadySet(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Remember(connection);
    }

    private bool AlreadySet(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _set.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _set.AddOrUpdate(handle, Marker);
        }
    }
}
