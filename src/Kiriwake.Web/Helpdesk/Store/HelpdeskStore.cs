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
        services.AddDbContext<PostgresHelpdeskContext>((sp, o) => Configure(o, sp.GetRequiredService<StoreConnection>()));
        services.AddDbContext<SqliteHelpdeskContext>((sp, o) => Configure(o, sp.GetRequiredService<StoreConnection>()));
        services.AddScoped<HelpdeskContext>(sp => sp.GetRequiredService<StoreConnection>().Provider == StoreProvider.Postgres
            ? sp.GetRequiredService<PostgresHelpdeskContext>()
            : sp.GetRequiredService<SqliteHelpdeskContext>());
        return services;
    }

    /// <summary>A context outside dependency injection (the CLI's `audit verify`, `users add`; tests).</summary>
    public static HelpdeskContext Open(StoreConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Provider == StoreProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresHelpdeskContext>();
            Configure(options, connection);
            return new PostgresHelpdeskContext(options.Options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<SqliteHelpdeskContext>();
            Configure(options, connection);
            return new SqliteHelpdeskContext(options.Options);
        }
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

    private static void Configure(DbContextOptionsBuilder options, StoreConnection connection)
    {
        if (connection.Provider == StoreProvider.Postgres)
        {
            // Transient faults (a restarting server, a dropped connection) are retried; after that the caller
            // gets an exception the web maps to 503 with Retry-After.
            options.UseNpgsql(connection.ConnectionString, n => n
                .MigrationsHistoryTable(HelpdeskContext.MigrationsHistoryTable)
                .EnableRetryOnFailure(5, TimeSpan.FromSeconds(2), null));
        }
        else
        {
            options.UseSqlite(connection.ConnectionString, s => s.MigrationsHistoryTable(HelpdeskContext.MigrationsHistoryTable));
        }
    }
}
