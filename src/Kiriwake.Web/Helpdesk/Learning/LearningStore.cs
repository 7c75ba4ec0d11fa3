using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>Opens <see cref="LearningContext"/> on the store `--store` names (the sessions' database).</summary>
public static class LearningStore
{
    public static IServiceCollection AddLearningStore(this IServiceCollection services)
    {
        services.AddDbContext<PostgresLearningContext>((sp, o) => Configure(o, sp.GetRequiredService<StoreConnection>()));
        services.AddDbContext<SqliteLearningContext>((sp, o) => Configure(o, sp.GetRequiredService<StoreConnection>()));
        services.AddScoped<LearningContext>(sp => sp.GetRequiredService<StoreConnection>().Provider == StoreProvider.Postgres
            ? sp.GetRequiredService<PostgresLearningContext>()
            : sp.GetRequiredService<SqliteLearningContext>());
        return services;
    }

    private static void Configure(DbContextOptionsBuilder options, StoreConnection connection)
    {
        if (connection.Provider == StoreProvider.Postgres)
        {
            options.UseNpgsql(connection.ConnectionString, n => n
                .MigrationsHistoryTable(LearningContext.MigrationsHistoryTable)
                .EnableRetryOnFailure(5, TimeSpan.FromSeconds(2), null));
        }
        else
        {
            options.UseSqlite(connection.ConnectionString, s => s.MigrationsHistoryTable(LearningContext.MigrationsHistoryTable));
        }
    }
}
