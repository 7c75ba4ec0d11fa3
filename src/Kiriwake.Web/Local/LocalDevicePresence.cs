using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Web.Hosting;

namespace Kiriwake.Web.Local;

/// <summary>
/// A quick look before the full one: does usbmuxd list any device (<c>idevice_id -l</c>, a few milliseconds)? The
/// full look also asks irecovery for a device in recovery or DFU mode, which takes about 6 seconds when nothing is
/// connected — too slow for every step and gate page. Offers that need a device in normal mode (a backup, entering
/// recovery mode) and the model question use this first; the device page itself always takes the full look.
/// </summary>
public static class LocalDevicePresence
{
    public static async Task<bool> AnyListedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<KiriwakeWebOptions>();
        var runner = new ToolRunner(options.ToolsDirectory, services.GetRequiredService<TimeProvider>());
        try
        {
            var output = await runner.RunAsync("idevice_id", ["-l"], TimeSpan.FromSeconds(5), cancellationToken);
            // Not installed: the full look says so (and how to install the tools).
            return output.Status == ToolRunStatus.NotInstalled || IdeviceIdParser.Parse(output.Stdout).Value.Count > 0;
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or InvalidOperationException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
