namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Runs the libimobiledevice tools in the order that answers most with fewest runs: list the devices; if one
/// is there, query the root domain, and only when that works the diagnosis domains and the battery registry;
/// if none is there, ask irecovery whether one waits in recovery or DFU mode (usbmuxd cannot see those).
/// </summary>
public sealed class DeviceProbe
{
    public const string DiskUsageDomain = "com.apple.disk_usage";
    public const string BatteryDomain = "com.apple.mobile.battery";
    public const string BackupDomain = "com.apple.mobile.backup";
    public const string SupervisionDomain = "com.apple.mobile.chaperone";

    private readonly ToolRunner _runner;
    private readonly DeviceProbeOptions _options;

    public DeviceProbe(ToolRunner runner, DeviceProbeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _options = options ?? new DeviceProbeOptions();
    }

    /// <exception cref="OperationCanceledException">Cancelled by the caller; the running tool was killed.</exception>
    public async Task<DeviceCapture> CaptureAsync(CancellationToken cancellationToken)
    {
        var list = await RunAsync("idevice_id", ["-l"], cancellationToken);
        var listed = list.Succeeded ? IdeviceIdParser.Parse(list.Stdout).Value : [];
        var udid = _options.Udid ?? listed.FirstOrDefault()?.Udid;
        if (listed.Count == 0 && _options.Udid is null)
        {
            var recovery = await RunAsync("irecovery", ["-q"], cancellationToken);
            return new DeviceCapture(list, null, null, null, null, null, null, null, recovery);
        }

        var target = udid is null ? Array.Empty<string>() : ["-u", udid];
        var info = await RunAsync("ideviceinfo", [.. target, "-x"], cancellationToken);
        if (!info.Succeeded || ConnectionStateClassifier.Classify(info) is not null)
        {
            // -s skips pairing: ProductType and ProductVersion are normally readable even before Trust,
            // which is enough to pick the button family for an untrusted device.
            var simple = await RunAsync("ideviceinfo", [.. target, "-s", "-x"], cancellationToken);
            return new DeviceCapture(list, info, simple, null, null, null, null, null, null);
        }

        var disk = await RunAsync("ideviceinfo", [.. target, "-x", "-q", DiskUsageDomain], cancellationToken);
        var battery = await RunAsync("ideviceinfo", [.. target, "-x", "-q", BatteryDomain], cancellationToken);
        var backup = await RunAsync("ideviceinfo", [.. target, "-x", "-q", BackupDomain], cancellationToken);
        var supervision = await RunAsync("ideviceinfo", [.. target, "-x", "-q", SupervisionDomain], cancellationToken);
        var health = await RunAsync("idevicediagnostics", [.. target, "ioregentry", "AppleSmartBattery"], cancellationToken);
        return new DeviceCapture(list, info, null, disk, battery, backup, supervision, health, null);
    }

    private Task<ToolOutput> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken) =>
        _runner.RunAsync(tool, arguments, tool == "irecovery" ? _options.RecoveryTimeout : _options.Timeout, cancellationToken);
}

/// <param name="Udid">Query this device instead of the first one listed.</param>
/// <param name="Timeout">Per tool run; lockdownd answers in well under a second when it answers at all.</param>
/// <param name="RecoveryTimeout">irecovery retries for about 5 seconds before "Unable to find device".</param>
public sealed record DeviceProbeOptions(string? Udid = null, TimeSpan Timeout = default, TimeSpan RecoveryTimeout = default)
{
    public TimeSpan Timeout { get; init; } = Timeout == default ? TimeSpan.FromSeconds(15) : Timeout;

    public TimeSpan RecoveryTimeout { get; init; } = RecoveryTimeout == default ? TimeSpan.FromSeconds(15) : RecoveryTimeout;
}
