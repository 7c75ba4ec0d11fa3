using Kiriwake.Evidence.Plist;

namespace Kiriwake.Evidence.Backup;

/// <summary>Manifest.plist, written by the device. <see cref="IsEncrypted"/> is the one encryption flag (§4).</summary>
public sealed record ManifestProperties(
    bool IsEncrypted,
    string? Version,
    DateTimeOffset? Date,
    ReadOnlyMemory<byte>? ManifestKey,
    ReadOnlyMemory<byte>? BackupKeyBag,
    bool? WasPasscodeSet,
    string? DeviceName,
    string? ProductType,
    string? ProductVersion,
    string? UniqueDeviceId)
{
    public static ManifestProperties From(PlistDict dict)
    {
        var lockdown = dict.GetDict("Lockdown");
        return new ManifestProperties(
            dict.GetBool("IsEncrypted") ?? false,
            dict.GetString("Version"),
            dict.GetDate("Date"),
            dict.GetData("ManifestKey"),
            dict.GetData("BackupKeyBag"),
            dict.GetBool("WasPasscodeSet"),
            lockdown?.GetString("DeviceName"),
            lockdown?.GetString("ProductType"),
            lockdown?.GetString("ProductVersion"),
            lockdown?.GetString("UniqueDeviceID"));
    }
}
