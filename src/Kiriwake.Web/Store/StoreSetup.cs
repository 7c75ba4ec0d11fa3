using Kiriwake.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Store;

/// <summary>Registers the store for the provider the options name, and brings its schema up to date.</summary>
public static class StoreSetup
{
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
