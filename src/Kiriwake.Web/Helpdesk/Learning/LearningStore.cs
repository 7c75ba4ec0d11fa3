using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>Opens <see cref="LearningContext"/> on the store `--store` names (the sessions' database).</summary>
public static class LearningStore
{
    public static IServiceCollection AddLearningStore(this IServiceCollection services) =>
        services.AddStoreContext<LearningContext, PostgresLearningContext, SqliteLearningContext>(LearningContext.MigrationsHistoryTable);
}
