using Kiriwake.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Store;

/// <summary>Registers the store for the provider the options name, and brings its schema up to date.</summary>
public static class StoreSetup
{
    /// <summary>
    /// The memory SQLite may hold in this process over all its connections (page caches and statements): each pooled
    /// connection keeps a page cache of up to 2 MB, filled as the store grows, and the pool holds as many connections
    /// as requests ran at once. Past this bound SQLite reuses its cache pages instead of allocating more; what it
    /// reads then comes from the operating system's file cache.
    /// </summary>
    public const long SqliteSoftHeapLimitBytes = 16L * 1024 * 1024;

    public static IServiceCollection AddSessionStore(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<KiriwakeWebOptions>().Connection());
        services.AddDbContextPool<PostgresStoreContext>((sp, o) =>
            o.UseNpgsql(sp.GetRequiredService<StoreConnection>().ConnectionString, n => n.EnableRetryOnFailure(3)));
        services.AddDbContextPool<SqliteStoreContext>((sp, o) => o.UseSqlite(sp.GetRequiredService<StoreConnection>().ConnectionString).AddInterceptors(SqliteDurability.Instance));
        services.AddScoped<StoreContext>(sp => sp.GetRequiredService<StoreConnection>().Provider == StoreProvider.Postgres
            ? sp.GetRequiredService<PostgresStoreContext>()
            : sp.GetRequiredService<SqliteStoreContext>());
        services.AddSingleton<StoreWriteGate>();
        services.AddScoped<SessionStore>();
        return services;
    }

    /// <summary>
    /// Registers a context of another part of the app (the helpdesk, learning) on the same store, with its own
    /// migrations history table: one class per provider for the migrations, the base class for everyone else.
    /// </summary>
    public static IServiceCollection AddStoreContext<TContext, TPostgres, TSqlite>(this IServiceCollection services, string migrationsHistoryTable)
        where TContext : DbContext
        where TPostgres : TContext
        where TSqlite : TContext
    {
        services.AddDbContext<TPostgres>((sp, o) => o.UseStore(sp.GetRequiredService<StoreConnection>(), migrationsHistoryTable));
        services.AddDbContext<TSqlite>((sp, o) => o.UseStore(sp.GetRequiredService<StoreConnection>(), migrationsHistoryTable));
        services.AddScoped<TContext>(sp => sp.GetRequiredService<StoreConnection>().Provider == StoreProvider.Postgres
            ? sp.GetRequiredService<TPostgres>()
            : sp.GetRequiredService<TSqlite>());
        return services;
    }

    /// <summary>The store's provider for such a context: PostgreSQL retries transient faults (a restarting server, a
    /// dropped connection), after which the caller gets an exception the web maps to 503 with Retry-After.</summary>
    public static DbContextOptionsBuilder UseStore(this DbContextOptionsBuilder options, StoreConnection connection, string migrationsHistoryTable)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Provider == StoreProvider.Postgres
            ? options.UseNpgsql(connection.ConnectionString, n => n.MigrationsHistoryTable(migrationsHistoryTable).EnableRetryOnFailure(5, TimeSpan.FromSeconds(2), null))
            : options.UseSqlite(connection.ConnectionString, s => s.MigrationsHistoryTable(migrationsHistoryTable));
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
            SQLitePCL.raw.sqlite3_soft_heap_limit64(SqliteSoftHeapLimitBytes);
        }
    }
}
