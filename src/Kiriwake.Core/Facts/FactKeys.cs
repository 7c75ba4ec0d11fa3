namespace Kiriwake.Core.Facts;

/// <summary>
/// The fact keys evidence readers produce and questions bind to (knowledge/questions.yaml `fact:`).
/// Boolean facts have the values "true" and "false".
/// </summary>
public static class FactKeys
{
    /// <summary>A computer backup is complete, recent and consistent (the backup-verified gate).</summary>
    public const string BackupVerified = "backup.verified";

    /// <summary>The last computer backup did not finish.</summary>
    public const string BackupLastIncomplete = "backup.last-incomplete";

    /// <summary>The backup destination lacks space ("true"/"false").</summary>
    public const string BackupDestinationFull = "backup.destination-full";

    /// <summary>The backup is encrypted ("true"/"false").</summary>
    public const string BackupEncrypted = "backup.encrypted";

    /// <summary>The device's free storage in bytes.</summary>
    public const string DeviceFreeBytes = "device.free-bytes";

    /// <summary>The device's free storage is low for a restore or update ("true"/"false").</summary>
    public const string DeviceStorageLow = "device.storage-low";

    /// <summary>The device is on external power ("true"/"false").</summary>
    public const string DeviceCharging = "device.charging";

    /// <summary>Battery level, 0–100.</summary>
    public const string DeviceBatteryPercent = "device.battery-percent";

    /// <summary>The device's ProductType, e.g. iPhone12,8.</summary>
    public const string DeviceProductType = "device.product-type";

    /// <summary>The button family name (iphone-home, iphone-7, iphone-no-home, ipad-home, ipad-no-home).</summary>
    public const string DeviceButtonFamily = "device.button-family";

    /// <summary>The computer and app the person uses (ios, windows-itunes, windows-apple-devices, macos-finder; unknown when they do not know).</summary>
    public const string ComputerPlatform = "computer.platform";

    /// <summary>The iOS version string.</summary>
    public const string DeviceIosVersion = "device.ios-version";

    /// <summary>Connection state: connected, no-device, trust-pending, locked, denied, stale-pairing, recovery, dfu, tool-missing, connection-error, timed-out.</summary>
    public const string DeviceConnection = "device.connection";

    /// <summary>The computer talks to the device over USB ("true"/"false"): a trusted, working connection.</summary>
    public const string DeviceConnected = "device.connected";

    /// <summary>Computer backup encryption is switched on on the device ("true"/"false").</summary>
    public const string DeviceBackupEncryption = "device.backup-encryption";

    /// <summary>The device is supervised or managed ("true"/"false").</summary>
    public const string DeviceManaged = "device.managed";

    /// <summary>An error code found in text or a log, e.g. "restore:4013" or "backup:105".</summary>
    public const string ErrorCode = "log.error-code";

    /// <summary>What was being done when the error appeared, read from the dialog's words: "restore" or "update".</summary>
    public const string Operation = "log.operation";

    /// <summary>The device belongs to someone else and its owner consented ("true"/"false").</summary>
    public const string OwnerConsent = "case.owner-consent";

    /// <summary>Whose device this is: "self" (the person's own), "other" (someone else's), "organisation"
    /// (a company's or school's). Anything but "self" needs the owner's consent before data is erased.</summary>
    public const string DeviceOwner = "case.device-owner";

    /// <summary>The value of <see cref="DeviceOwner"/> for the person's own device.</summary>
    public const string DeviceOwnerSelf = "self";

    /// <summary>The person accepts losing data that is not backed up ("true"/"false").</summary>
    public const string DataLossAccepted = "case.data-loss-accepted";
}
