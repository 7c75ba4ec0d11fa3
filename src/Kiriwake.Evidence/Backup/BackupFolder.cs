namespace Kiriwake.Evidence.Backup;

/// <summary>The well-known names inside a backup folder (§1.2).</summary>
public static class BackupFolder
{
    public const string InfoPlist = "Info.plist";
    public const string StatusPlist = "Status.plist";
    public const string ManifestPlist = "Manifest.plist";
    public const string ManifestDb = "Manifest.db";
    public const string ManifestMbdb = "Manifest.mbdb";
    public const string Snapshot = "Snapshot";

    /// <summary>A folder is a candidate backup when it holds any of the four metadata files (§1.1 advice).</summary>
    public static bool IsCandidate(string folder) =>
        File.Exists(Path.Combine(folder, InfoPlist))
        || File.Exists(Path.Combine(folder, StatusPlist))
        || File.Exists(Path.Combine(folder, ManifestPlist))
        || File.Exists(Path.Combine(folder, ManifestDb))
        || File.Exists(Path.Combine(folder, ManifestMbdb));
}
