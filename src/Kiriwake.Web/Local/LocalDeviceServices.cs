using Kiriwake.Core.Actions;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Web.Helpdesk.Learning;
using Kiriwake.Web.Hosting;

namespace Kiriwake.Web.Local;

/// <summary>The device actions of local mode: libimobiledevice's tools (from --tools or PATH) and the job registry.</summary>
public static class LocalDeviceServices
{
    public static IServiceCollection AddLocalDevice(this IServiceCollection services)
    {
        services.AddSingleton<IDeviceActions>(sp =>
        {
            var options = sp.GetRequiredService<KiriwakeWebOptions>();
            var time = sp.GetRequiredService<TimeProvider>();
            // The log analyzer's patterns come from the knowledge base itself (a learned overlay changes only
            // probabilities, and the models in use are per request). Backups made here go where the backups pages look (the configured folder), else Kiriwake's own folder.
            return new DeviceActions(new ToolRunner(options.ToolsDirectory, time), sp.GetRequiredService<ServedKnowledge>().KnowledgeBase, time,
                options.BackupsDirectory ?? DeviceActions.DefaultBackupFolder(), options.BackupLimits);
        });
        services.AddSingleton<DeviceJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<DeviceJobs>());
        return services;
    }
}
