using System.Globalization;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>Turns a <see cref="DeviceCapture"/> into <see cref="DeviceFacts"/>: pure, no process is started here.</summary>
public static class DeviceFactsBuilder
{
    public static DeviceFacts Build(DeviceCapture capture, IReadOnlyDictionary<string, DeviceModel>? models, DeviceFactsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(capture);
        options ??= new DeviceFactsOptions();
        var warnings = new List<ToolWarning>();

        var listed = capture.DeviceList.Succeeded ? Collect(capture.DeviceList, IdeviceIdParser.Parse(capture.DeviceList.Stdout), warnings) : [];
        var recovery = capture.Recovery is { } rec && rec.Succeeded ? Collect(rec, IrecoveryParser.Parse(rec.Stdout), warnings) : RecoveryInfo.None;
        var identity = ReadIdentity(capture, warnings);
        var disk = Read(capture.DiskUsage, IdeviceInfoParser.ParseDiskUsage, new DiskUsage(false, null, null, null, null, null), warnings);
        var battery = Read(capture.Battery, IdeviceInfoParser.ParseBattery, new BatteryStatus(false, null, null, null, null), warnings);
        var backup = Read(capture.Backup, IdeviceInfoParser.ParseBackup, new BackupSettings(false, null, null, null), warnings);
        var supervision = Read(capture.Supervision, IdeviceInfoParser.ParseSupervision, new SupervisionStatus(false, null), warnings);
        var health = Read(capture.BatteryHealth, IdeviceDiagnosticsParser.Parse, BatteryHealth.None, warnings);

        var (state, evidence) = Classify(capture, listed.Count, recovery);
        var productType = identity.ProductType ?? recovery.ProductType;
        var model = productType is null ? null : DeviceModelResolver.Resolve(productType, models);
        if (model is not null && model.Name is null && recovery.Name is not null)
        {
            model = model with { Name = recovery.Name };
        }

        var free = disk.FreeBytes;
        bool? storageLow = free is null ? null : free < options.StorageLowThresholdBytes;
        var udid = capture.Info?.Arguments is [ "-u", var u, ..] ? u : listed.FirstOrDefault()?.Udid;

        var recoveryToolMissing = capture.Recovery?.Status == ToolRunStatus.NotInstalled;
        var facts = new DeviceFacts(state, evidence, listed.Count, udid, identity, model, disk, battery, backup, supervision, health,
            recovery, recoveryToolMissing, storageLow, options.StorageLowThresholdBytes, warnings, []);
        return facts with { Facts = ToFacts(facts, capture) };
    }

    private static (ConnectionState, ConnectionFinding?) Classify(DeviceCapture capture, int listedCount, RecoveryInfo recovery)
    {
        if (recovery.Found)
        {
            var state = recovery.Mode is RecoveryMode.Dfu or RecoveryMode.PortDfu or RecoveryMode.Wtf ? ConnectionState.Dfu : ConnectionState.Recovery;
            return (state, new ConnectionFinding(state, null, "MODE: " + (recovery.ModeText ?? "?"), capture.Recovery!.CommandLine));
        }

        if (capture.Info is { } info)
        {
            var finding = ConnectionStateClassifier.Classify(info);
            if (finding is not null)
            {
                return (finding.State, finding);
            }

            return IdeviceInfoParser.Parse(info.Stdout).Value.IsEmpty
                ? (ConnectionState.ConnectionError, new ConnectionFinding(ConnectionState.ConnectionError, null, null, info.CommandLine))
                : (ConnectionState.Connected, null);
        }

        var listFinding = ConnectionStateClassifier.Classify(capture.DeviceList);
        if (listFinding is not null)
        {
            return (listFinding.State, listFinding);
        }

        // idevice_id answered with an empty list: usbmuxd runs and sees no device.
        return listedCount == 0
            ? (ConnectionState.NoDevice, new ConnectionFinding(ConnectionState.NoDevice, null, null, capture.DeviceList.CommandLine))
            : (ConnectionState.ConnectionError, null);
    }

    private static DeviceIdentity ReadIdentity(DeviceCapture capture, List<ToolWarning> warnings)
    {
        var empty = new DeviceIdentity(false, null, null, null, null, null, null, null, null);
        var full = Read(capture.Info, IdeviceInfoParser.ParseIdentity, empty, warnings);
        return full.Available ? full : Read(capture.InfoSimple, IdeviceInfoParser.ParseIdentity, empty, warnings);
    }

    private static T Read<T>(ToolOutput? output, Func<string, ParseOutcome<T>> parse, T absent, List<ToolWarning> warnings) =>
        output is { Succeeded: true } ? Collect(output, parse(output.Stdout), warnings) : absent;

    private static T Collect<T>(ToolOutput output, ParseOutcome<T> outcome, List<ToolWarning> warnings)
    {
        warnings.AddRange(outcome.Warnings.Select(w => new ToolWarning(output.CommandLine, w)));
        return outcome.Value;
    }

    private static IReadOnlyList<Fact> ToFacts(DeviceFacts device, DeviceCapture capture)
    {
        var facts = new List<Fact>();
        var connectionOrigin = device.Evidence?.CommandLine ?? capture.Info?.CommandLine ?? capture.DeviceList.CommandLine;
        void Add(string key, string value, string origin, string detail) =>
            facts.Add(new Fact(key, value, new FactSource(FactSourceKind.Device, origin), detail));

        Add(FactKeys.DeviceConnection, device.State.FactValue(), connectionOrigin, device.Evidence?.Line ?? device.State.FactValue());
        if (device.State.ImpliesConnected() is { } connected)
        {
            Add(FactKeys.DeviceConnected, Bool(connected), connectionOrigin, device.Evidence?.Line ?? device.State.FactValue());
        }

        var identityOrigin = (device.Identity.Available ? (capture.Info?.Succeeded == true ? capture.Info : capture.InfoSimple) : capture.Recovery)?.CommandLine
            ?? connectionOrigin;
        if (device.Model is { } model)
        {
            Add(FactKeys.DeviceProductType, model.ProductType, identityOrigin, "ProductType = " + model.ProductType);
            if (model is { Family: { } family, NeedsConfirmation: false })
            {
                Add(FactKeys.DeviceButtonFamily, family.ToKnowledgeName(), identityOrigin,
                    model.ProductType + " → " + family.ToKnowledgeName() + (model.Source == ModelSource.Table ? " (model table)" : " (rule by major number)"));
            }
        }

        if (device.Identity.ProductVersion is { } version)
        {
            Add(FactKeys.DeviceIosVersion, version, identityOrigin, "ProductVersion = " + version);
        }

        if (capture.DiskUsage is { } diskRun && device.Disk.FreeBytes is { } free)
        {
            var key = device.Disk.AmountDataAvailable is null ? "TotalDataAvailable" : "AmountDataAvailable";
            Add(FactKeys.DeviceFreeBytes, Number(free), diskRun.CommandLine, key + " = " + Number(free));
            Add(FactKeys.DeviceStorageLow, Bool(device.StorageLow!.Value), diskRun.CommandLine,
                key + " = " + Number(free) + (device.StorageLow.Value ? " < " : " ≥ ") + Number(device.StorageLowThresholdBytes));
        }

        if (capture.Battery is { } batteryRun)
        {
            if (device.Battery.Percent is { } percent)
            {
                Add(FactKeys.DeviceBatteryPercent, Number(percent), batteryRun.CommandLine, "BatteryCurrentCapacity = " + Number(percent));
            }

            if (device.Battery.OnPower is { } onPower)
            {
                Add(FactKeys.DeviceCharging, Bool(onPower), batteryRun.CommandLine,
                    "BatteryIsCharging = " + Maybe(device.Battery.IsCharging) + ", ExternalConnected = " + Maybe(device.Battery.ExternalConnected));
            }
        }

        if (capture.Backup is { } backupRun && device.Backup.WillEncrypt is { } encrypt)
        {
            Add(FactKeys.DeviceBackupEncryption, Bool(encrypt), backupRun.CommandLine, "WillEncrypt = " + Bool(encrypt));
        }

        if (device.Managed == true)
        {
            var origin = device.Supervision.Supervised == true ? capture.Supervision!.CommandLine : capture.Backup!.CommandLine;
            var detail = device.Supervision.Supervised == true ? "DeviceIsChaperoned = true" : "RequiresEncryption = true";
            Add(FactKeys.DeviceManaged, "true", origin, detail);
        }

        return facts;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Maybe(bool? value) => value is null ? "?" : Bool(value.Value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
