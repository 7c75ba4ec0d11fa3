namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Parses <c>ideviceinfo</c> stdout, in either form (XML with <c>-x</c>, or Key: value), and reads the
/// domains Kiriwake uses. Empty stdout with exit code 0 means the domain was not readable: every record
/// then has <c>Available = false</c> and null fields, never zeros.
/// </summary>
public static class IdeviceInfoParser
{
    /// <summary>The root or a domain's values, whichever form the tool printed.</summary>
    public static ParseOutcome<DeviceValues> Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (stdout.Trim().Length == 0)
        {
            return ParseOutcome<DeviceValues>.Clean(DeviceValues.Empty);
        }

        return XmlPlistText.LooksLikePlist(stdout) ? XmlPlistText.Parse(stdout) : LimdText.Parse(stdout);
    }

    /// <summary>The root domain: what the device is and which iOS it runs.</summary>
    public static ParseOutcome<DeviceIdentity> ParseIdentity(string stdout) => Map(stdout, v => new DeviceIdentity(
        !v.IsEmpty,
        v.GetString("ProductType"),
        v.GetString("ProductVersion"),
        v.GetString("BuildVersion"),
        v.GetString("DeviceName"),
        v.GetString("DeviceClass"),
        v.GetString("HardwareModel"),
        v.GetBool("PasswordProtected"),
        v.GetString("ActivationState")));

    /// <summary><c>-q com.apple.disk_usage</c>: capacities and free space in bytes (decimal GB).</summary>
    public static ParseOutcome<DiskUsage> ParseDiskUsage(string stdout) => Map(stdout, v => new DiskUsage(
        !v.IsEmpty,
        v.GetInt64("TotalDiskCapacity"),
        v.GetInt64("TotalDataCapacity"),
        v.GetInt64("TotalDataAvailable"),
        v.GetInt64("AmountDataAvailable"),
        v.GetInt64("AmountRestoreAvailable")));

    /// <summary><c>-q com.apple.mobile.battery</c>.</summary>
    public static ParseOutcome<BatteryStatus> ParseBattery(string stdout) => Map(stdout, v => new BatteryStatus(
        !v.IsEmpty,
        v.GetInt64("BatteryCurrentCapacity") is { } percent ? (int)Math.Clamp(percent, 0, 100) : null,
        v.GetBool("BatteryIsCharging"),
        v.GetBool("ExternalConnected"),
        v.GetBool("FullyCharged")));

    /// <summary><c>-q com.apple.mobile.backup</c>: only WillEncrypt is guaranteed by the tool's source.</summary>
    public static ParseOutcome<BackupSettings> ParseBackup(string stdout) => Map(stdout, v => new BackupSettings(
        !v.IsEmpty,
        v.GetBool("WillEncrypt"),
        v.GetBool("RequiresEncryption"),
        v.GetBool("CloudBackupEnabled")));

    /// <summary><c>-q com.apple.mobile.chaperone</c>: DeviceIsChaperoned is true on a supervised device.</summary>
    public static ParseOutcome<SupervisionStatus> ParseSupervision(string stdout) => Map(stdout, v => new SupervisionStatus(
        !v.IsEmpty,
        v.GetBool("DeviceIsChaperoned")));

    private static ParseOutcome<T> Map<T>(string stdout, Func<DeviceValues, T> map)
    {
        var parsed = Parse(stdout);
        return new ParseOutcome<T>(map(parsed.Value), parsed.Warnings);
    }
}

/// <summary>Root-domain facts. <see cref="Available"/> is false when the tool printed nothing.</summary>
public sealed record DeviceIdentity(
    bool Available,
    string? ProductType,
    string? ProductVersion,
    string? BuildVersion,
    string? DeviceName,
    string? DeviceClass,
    string? HardwareModel,
    bool? PasswordProtected,
    string? ActivationState);

/// <summary>
/// Disk usage in bytes. AmountDataAvailable is the lower, conservative figure; TotalDataAvailable is higher,
/// and Settings counts purgeable space on top, so present them as a range.
/// </summary>
public sealed record DiskUsage(
    bool Available,
    long? TotalDiskCapacity,
    long? TotalDataCapacity,
    long? TotalDataAvailable,
    long? AmountDataAvailable,
    long? AmountRestoreAvailable)
{
    /// <summary>The conservative free figure: AmountDataAvailable where printed, else TotalDataAvailable.</summary>
    public long? FreeBytes => AmountDataAvailable ?? TotalDataAvailable;
}

public sealed record BatteryStatus(bool Available, int? Percent, bool? IsCharging, bool? ExternalConnected, bool? FullyCharged)
{
    /// <summary>On external power: charging, or connected (a full battery on a charger reports IsCharging false).</summary>
    public bool? OnPower => IsCharging == true || ExternalConnected == true
        ? true
        : IsCharging is null && ExternalConnected is null ? null : false;
}

public sealed record BackupSettings(bool Available, bool? WillEncrypt, bool? RequiresEncryption, bool? CloudBackupEnabled);

public sealed record SupervisionStatus(bool Available, bool? Supervised);
