using Kiriwake.Core.Conversation;
using Kiriwake.Knowledge;
using Kiriwake.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>Learning in `kiriwake serve`: the overlays' table, the knowledge every diagnosis uses, the admin page.</summary>
public static class LearningSetup
{
    /// <summary>
    /// Registers <see cref="ServedKnowledge"/> and, per request, the <see cref="KnowledgeModels"/> in use (the
    /// knowledge base with the approved overlay; while none is approved, with the `--learned` folder if one is named).
    /// </summary>
    public static IServiceCollection AddHelpdeskLearning(this IServiceCollection services)
    {
        services.AddLearningStore();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<KiriwakeWebOptions>();
            var kb = KnowledgeLoader.Load(options.Knowledge());
            var fallback = options.LearnedDirectory is { } learned ? Knowledge.Overlay.LearnedOverlayReader.Apply(kb, learned) : kb;
            return new ServedKnowledge(kb, fallback);
        });
        services.AddScoped(sp => sp.GetRequiredService<ServedKnowledge>().Current);
        services.AddHostedService<ApprovedOverlayWatcher>();
        return services;
    }

    /// <summary>Brings the overlays' table up to date, uses the approved overlay, maps the admin page.</summary>
    public static async Task MapHelpdeskLearningAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapLearningPages();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await app.Services.GetRequiredService<ServedKnowledge>().RefreshAsync(db, cancellationToken);
    }
}
