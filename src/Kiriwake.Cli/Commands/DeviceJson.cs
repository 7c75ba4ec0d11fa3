using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;

namespace Kiriwake.Cli.Commands;

/// <summary>The JSON form of `kiriwake device`: state, evidence, device values, facts with their sources, implications.</summary>
internal static class DeviceJson
{
    public static object From(DeviceFacts device, IReadOnlyList<Implication> implications, Language language) => new
    {
        state = device.State.FactValue(),
        title = ConnectionStateText.Title(device.State).Get(language),
        fix = ConnectionStateText.Fix(device.State).Select(t => t.Get(language)),
        evidence = device.Evidence is { } e ? new { command = e.CommandLine, line = e.Line, lockdownError = e.LockdownError } : null,
        device = new
        {
            udid = device.Udid,
            devicesListed = device.DevicesListed,
            productType = device.Model?.ProductType,
            name = device.Model?.Name,
            buttonFamily = device.Model?.Family?.ToKnowledgeName(),
            familySource = device.Model?.Source,
            familyNeedsConfirmation = device.Model?.NeedsConfirmation,
            iosVersion = device.Identity.ProductVersion,
            buildVersion = device.Identity.BuildVersion,
            deviceName = device.Identity.DeviceName,
            recoveryMode = device.Recovery.Found ? device.Recovery.ModeText : null,
            storage = new
            {
                totalBytes = device.Disk.TotalDiskCapacity,
                freeBytes = device.Disk.FreeBytes,
                freeBytesUpper = device.Disk.TotalDataAvailable,
                low = device.StorageLow,
                lowThresholdBytes = device.StorageLowThresholdBytes,
            },
            battery = new
            {
                percent = device.Battery.Percent,
                charging = device.Battery.IsCharging,
                onPower = device.Battery.OnPower,
                healthPercent = device.BatteryHealth.HealthPercent,
                cycleCount = device.BatteryHealth.CycleCount,
            },
            backupEncryption = device.Backup.WillEncrypt,
            managed = device.Managed,
        },
        facts = device.Facts.Select(f => new { key = f.Key, value = f.Value, source = f.Source.Kind, origin = f.Source.Origin, detail = f.Detail }),
        implications = implications.Select(i => new { id = i.Id, text = i.Text.Get(language) }),
        warnings = device.Warnings.Select(w => new { command = w.CommandLine, code = w.Warning.Code, line = w.Warning.Line, text = w.Warning.Text }),
    };
}
