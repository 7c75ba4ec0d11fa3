using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kiriwake.Web.Store;

/// <summary>
/// Sets how hard SQLite waits for the disk on every connection the store opens: the store runs in WAL mode, and
/// with synchronous=NORMAL a commit is appended to the WAL without waiting for the disk (the WAL is synced at each
/// checkpoint). The file never corrupts and an answer survives a crash of the program; a power cut or an operating
/// system crash may lose the last answers acknowledged before it. With the default (FULL) every answer waits for
/// one disk flush (1–2 ms here), which caps a local store at a few hundred answers per second. A helpdesk that
/// needs every acknowledged answer to survive a power cut runs on PostgreSQL (--store).
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
