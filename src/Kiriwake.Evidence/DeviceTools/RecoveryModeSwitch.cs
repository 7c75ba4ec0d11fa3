using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Puts a connected device into recovery mode (<c>ideviceenterrecovery UDID</c>, through lockdownd, so the device
/// must be trusted) and takes it out again (<c>irecovery -n</c>: auto-boot on, save, reboot), then watches with
/// <c>irecovery -m</c> / <c>idevice_id -l</c> whether the switch happened. DFU mode cannot be entered by software
/// and is left with a force restart: both stay button procedures, and this class says so instead of trying.
/// Only callers that asked the person run this.
/// </summary>
public sealed class RecoveryModeSwitch
{
    public const string EnterTool = "ideviceenterrecovery";
    public const string RecoveryTool = "irecovery";

    private const string SwitchingLine = "Device is successfully switching to recovery mode.";

    private readonly ToolRunner _runner;
    private readonly KnowledgeBase? _knowledge;
    private readonly TimeProvider _time;
    private readonly RecoverySwitchOptions _options;

    public RecoveryModeSwitch(ToolRunner runner, KnowledgeBase? knowledge, TimeProvider time, RecoverySwitchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(time);
        _runner = runner;
        _knowledge = knowledge;
        _time = time;
        _options = options ?? new RecoverySwitchOptions();
    }

    /// <summary>Which device is there and in which state (for the confirmation question).</summary>
    public async Task<DeviceFacts> LookAsync(string? udid, CancellationToken cancellationToken)
    {
        var probe = new DeviceProbe(_runner, new DeviceProbeOptions(udid, _options.ToolTimeout, _options.ToolTimeout));
        return DeviceFactsBuilder.Build(await probe.CaptureAsync(cancellationToken), _knowledge?.Models);
    }

    /// <param name="device">The look taken before asking the person; taken here when null.</param>
    public async Task<RecoverySwitchResult> EnterAsync(DeviceFacts? device, string? udid, CancellationToken cancellationToken)
    {
        device ??= await LookAsync(udid, cancellationToken);
        RecoverySwitchResult Done(RecoverySwitchStatus status, ToolOutput? output = null, string? evidence = null) =>
            new(status, device, output, evidence, status == RecoverySwitchStatus.Entered ? [RecoveryFact(evidence!)] : []);

        switch (device.State)
        {
            case ConnectionState.Recovery:
                return Done(RecoverySwitchStatus.AlreadyInRecovery);
            case ConnectionState.Dfu:
                return Done(RecoverySwitchStatus.InDfu);
            case ConnectionState.ToolMissing:
                return Done(RecoverySwitchStatus.ToolMissing);
            case ConnectionState.Connected when device.Udid is not null:
                break;
            default:
                return Done(RecoverySwitchStatus.DeviceNotReady);
        }

        var output = await _runner.RunAsync(EnterTool, [device.Udid], _options.ToolTimeout, cancellationToken);
        if (output.Status == ToolRunStatus.NotInstalled)
        {
            return Done(RecoverySwitchStatus.ToolMissing, output);
        }

        if (!output.Succeeded || !output.AllText.Contains(SwitchingLine, StringComparison.Ordinal))
        {
            return Done(ConnectionStateClassifier.Classify(output) is { State: not ConnectionState.ConnectionError } ? RecoverySwitchStatus.DeviceNotReady : RecoverySwitchStatus.Failed,
                output, FirstLine(output));
        }

        // The device reboots into recovery within seconds; irecovery sees it there.
        var seen = await WatchAsync(mode => mode == RecoveryMode.Recovery, cancellationToken);
        return seen is { } line
            ? Done(RecoverySwitchStatus.Entered, output, line)
            : Done(_runner.Resolve(RecoveryTool) is null ? RecoverySwitchStatus.SentUnconfirmed : RecoverySwitchStatus.NotConfirmed, output, SwitchingLine);
    }

    /// <summary>Reboots a device in recovery mode into normal mode.</summary>
    public async Task<RecoverySwitchResult> LeaveAsync(CancellationToken cancellationToken)
    {
        var query = await _runner.RunAsync(RecoveryTool, ["-q"], _options.ToolTimeout, cancellationToken);
        var info = query.Succeeded ? IrecoveryParser.Parse(query.Stdout).Value : RecoveryInfo.None;
        var device = DeviceFactsBuilder.Build(new DeviceCapture(ToolOutput.NotInstalled("idevice_id", ["-l"]), null, null, null, null, null, null, null, query), _knowledge?.Models);
        RecoverySwitchResult Done(RecoverySwitchStatus status, ToolOutput? output = null, string? evidence = null) => new(status, device, output, evidence, []);

        if (query.Status == ToolRunStatus.NotInstalled)
        {
            return Done(RecoverySwitchStatus.ToolMissing, query);
        }

        if (!info.Found)
        {
            return Done(RecoverySwitchStatus.NotInRecovery, query, FirstLine(query));
        }

        if (info.Mode != RecoveryMode.Recovery)
        {
            // irecovery -n only sets auto-boot through iBoot: in DFU it does nothing (and still exits 0).
            return Done(RecoverySwitchStatus.InDfu, query, "MODE: " + info.ModeText);
        }

        var output = await _runner.RunAsync(RecoveryTool, ["-n"], _options.ToolTimeout, cancellationToken);
        if (!output.Succeeded)
        {
            return Done(RecoverySwitchStatus.Failed, output, FirstLine(output));
        }

        // First it must disappear from irecovery's view; then either it boots (idevice_id lists it) or it comes
        // back to recovery (a recovery loop that needs an Update from the computer).
        var gone = await WatchAsync(mode => mode is null, cancellationToken);
        if (gone is null)
        {
            return Done(RecoverySwitchStatus.NotConfirmed, output, null);
        }

        var deadline = _time.GetTimestamp();
        while (_time.GetElapsedTime(deadline) < _options.BootWindow)
        {
            var listed = await _runner.RunAsync("idevice_id", ["-l"], _options.ToolTimeout, cancellationToken);
            if (listed.Succeeded && IdeviceIdParser.Parse(listed.Stdout).Value.Count > 0)
            {
                return Done(RecoverySwitchStatus.Left, output, listed.CommandLine + ": " + listed.Stdout.Trim());
            }

            var again = await _runner.RunAsync(RecoveryTool, ["-m"], _options.ToolTimeout, cancellationToken);
            if (ModeLine(again) == RecoveryMode.Recovery)
            {
                return Done(RecoverySwitchStatus.BackInRecovery, output, again.Stdout.Trim());
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken);
        }

        return Done(RecoverySwitchStatus.LeftUnconfirmed, output, gone);
    }

    /// <summary>Polls <c>irecovery -m</c> until the mode satisfies <paramref name="wanted"/>; returns the line that showed it.</summary>
    private async Task<string?> WatchAsync(Func<RecoveryMode?, bool> wanted, CancellationToken cancellationToken)
    {
        if (_runner.Resolve(RecoveryTool) is null)
        {
            return null;
        }

        var start = _time.GetTimestamp();
        while (true)
        {
            var mode = await _runner.RunAsync(RecoveryTool, ["-m"], _options.ToolTimeout, cancellationToken);
            var current = ModeLine(mode);
            if (wanted(current))
            {
                return mode.CommandLine + ": " + (FirstLine(mode) ?? string.Empty);
            }

            if (_time.GetElapsedTime(start) >= _options.ConfirmWindow)
            {
                return null;
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken);
        }
    }

    /// <summary><c>irecovery -m</c> prints "Recovery Mode", "DFU Mode", "Port DFU Mode", "WTF Mode" (optionally "via Debug USB (KIS)").</summary>
    internal static RecoveryMode? ModeLine(ToolOutput output)
    {
        if (!output.Succeeded)
        {
            return null;
        }

        var line = output.Stdout.Trim();
        return line switch
        {
            _ when line.StartsWith("Recovery Mode", StringComparison.Ordinal) => RecoveryMode.Recovery,
            _ when line.StartsWith("Port DFU Mode", StringComparison.Ordinal) => RecoveryMode.PortDfu,
            _ when line.StartsWith("DFU Mode", StringComparison.Ordinal) => RecoveryMode.Dfu,
            _ when line.StartsWith("WTF Mode", StringComparison.Ordinal) => RecoveryMode.Wtf,
            _ => null,
        };
    }

    private static string? FirstLine(ToolOutput output) =>
        output.AllText.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

    private static Fact RecoveryFact(string evidence) =>
        new(FactKeys.DeviceConnection, ConnectionState.Recovery.FactValue(), new FactSource(FactSourceKind.Device, RecoveryTool + " -m"), evidence);
}

/// <param name="ToolTimeout">Each tool run (irecovery retries about 5 seconds before it gives up).</param>
/// <param name="PollInterval">Between two looks while waiting for the switch.</param>
/// <param name="ConfirmWindow">How long the switch may take to show.</param>
/// <param name="BootWindow">After leaving recovery, how long to wait for the device to boot and be listed.</param>
public sealed record RecoverySwitchOptions(TimeSpan ToolTimeout = default, TimeSpan PollInterval = default, TimeSpan ConfirmWindow = default, TimeSpan BootWindow = default)
{
    public TimeSpan ToolTimeout { get; init; } = ToolTimeout == default ? TimeSpan.FromSeconds(30) : ToolTimeout;

    public TimeSpan PollInterval { get; init; } = PollInterval == default ? TimeSpan.FromSeconds(2) : PollInterval;

    public TimeSpan ConfirmWindow { get; init; } = ConfirmWindow == default ? TimeSpan.FromSeconds(60) : ConfirmWindow;

    public TimeSpan BootWindow { get; init; } = BootWindow == default ? TimeSpan.FromSeconds(90) : BootWindow;
}

/// <summary>How a switch ended.</summary>
public enum RecoverySwitchStatus
{
    /// <summary>The device is in recovery mode now (irecovery saw it).</summary>
    Entered,

    /// <summary>The device left recovery mode and is listed again in normal mode.</summary>
    Left,

    /// <summary>The device left recovery mode but was not listed in normal mode within the window (it may still be booting).</summary>
    LeftUnconfirmed,

    /// <summary>The device rebooted back into recovery mode: a recovery loop; an Update from the computer is next.</summary>
    BackInRecovery,

    /// <summary>The device accepted the request, but irecovery is not installed to confirm it.</summary>
    SentUnconfirmed,

    /// <summary>The request was sent but the switch did not show within the window.</summary>
    NotConfirmed,

    /// <summary>Already in recovery mode: nothing to do.</summary>
    AlreadyInRecovery,

    /// <summary>No device in recovery mode to take out of it.</summary>
    NotInRecovery,

    /// <summary>The device is in DFU mode: software can neither enter nor leave it; a force restart leaves it.</summary>
    InDfu,

    /// <summary>No trusted, answering device: the device facts say why (not trusted, locked, none…).</summary>
    DeviceNotReady,

    /// <summary>The tool is not installed.</summary>
    ToolMissing,

    /// <summary>The tool reported a failure.</summary>
    Failed,
}

/// <param name="Device">What was seen before the switch.</param>
/// <param name="Output">The switching tool's run.</param>
/// <param name="Evidence">The line that shows the outcome (untrusted text).</param>
/// <param name="Facts">Facts the switch established (recovery mode entered).</param>
public sealed record RecoverySwitchResult(RecoverySwitchStatus Status, DeviceFacts Device, ToolOutput? Output, string? Evidence, IReadOnlyList<Fact> Facts);
