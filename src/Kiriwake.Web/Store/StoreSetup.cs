using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Web.Store;

/// <summary>Registers the store for the provider the connection names, and brings its schema up to date.</summary>
public static class StoreSetup
{
    public static IServiceCollection AddSessionStore(this IServiceCollection services, StoreConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Provider == StoreProvider.Postgres)
        {
            services.AddDbContextPool<PostgresStoreContext>(o => o.UseNpgsql(connection.ConnectionString, n => n.EnableRetryOnFailure(3)));
            services.AddScoped<StoreContext>(sp => sp.GetRequiredService<PostgresStoreContext>());
        }
        else
        {
            services.AddDbContextPool<SqliteStoreContext>(o => o.UseSqlite(connection.ConnectionString));
            services.AddScoped<StoreContext>(sp => sp.GetRequiredService<SqliteStoreContext>());
        }

        services.AddScoped<SessionStore>();
        return services;
    }

    /// <summary>Applies the checked-in migrations; SQLite also gets WAL so readers never wait for the writer.</summary>
    public static async Task MigrateStoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
