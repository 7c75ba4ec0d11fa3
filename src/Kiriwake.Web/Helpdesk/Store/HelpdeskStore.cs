using System.Data.Common;
using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Web.Helpdesk.Store;

/// <summary>Opens the helpdesk's context on the store `--store` names, and brings its schema up to date.</summary>
public static class HelpdeskStore
{
    /// <summary>
    /// Registers <see cref="HelpdeskContext"/> (scoped) for the provider of the <see cref="StoreConnection"/>
    /// registered in the container (the sessions' store: one database).
    /// </summary>
    public static IServiceCollection AddHelpdeskStore(this IServiceCollection services)
    {
        return services.AddStoreContext<HelpdeskContext, PostgresHelpdeskContext, SqliteHelpdeskContext>(HelpdeskContext.MigrationsHistoryTable);
    }

    /// <summary>A context outside dependency injection (the CLI's `audit verify`, `users add`; tests).</summary>
    public static HelpdeskContext Open(StoreConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Provider == StoreProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresHelpdeskContext>();
            postgres.UseStore(connection, HelpdeskContext.MigrationsHistoryTable);
            return new PostgresHelpdeskContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteHelpdeskContext>();
        sqlite.UseStore(connection, HelpdeskContext.MigrationsHistoryTable);
        return new SqliteHelpdeskContext(sqlite.Options);
    }

    /// <summary>A context on a connection already open by another context (see <see cref="SharedTransaction"/>).</summary>
    public static HelpdeskContext On(DbConnection connection, StoreProvider provider) => provider == StoreProvider.Postgres
        ? new PostgresHelpdeskContext(new DbContextOptionsBuilder<PostgresHelpdeskContext>().UseNpgsql(connection).Options)
        : new SqliteHelpdeskContext(new DbContextOptionsBuilder<SqliteHelpdeskContext>().UseSqlite(connection).Options);

    public static async Task MigrateHelpdeskAsync(this HelpdeskContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
