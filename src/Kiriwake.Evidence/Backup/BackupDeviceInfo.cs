using Kiriwake.Evidence.Plist;

namespace Kiriwake.Evidence.Backup;

/// <summary>Info.plist, written by the host before the backup starts (so its date alone proves nothing).</summary>
public sealed record BackupDeviceInfo(
    string? DeviceName,
    string? ProductType,
    string? ProductName,
    string? ProductVersion,
    string? BuildVersion,
    string? SerialNumber,
    string? UniqueIdentifier,
    DateTimeOffset? LastBackupDate,
    IReadOnlyList<string> InstalledApplications)
{
    public static BackupDeviceInfo From(PlistDict dict) => new(
        dict.GetString("Device Name") ?? dict.GetString("Display Name"),
        dict.GetString("Product Type"),
        dict.GetString("Product Name"),
        dict.GetString("Product Version"),
        dict.GetString("Build Version"),
        dict.GetString("Serial Number"),
        dict.GetString("Unique Identifier") ?? dict.GetString("Target Identifier"),
        dict.GetDate("Last Backup Date"),
        dict.GetArray("Installed Applications")?.Items.OfType<PlistString>().Select(s => s.Value).ToArray() ?? []);
}
