using Kiriwake.Evidence.Plist;

namespace Kiriwake.Evidence.Backup;

/// <summary>The phase a backup run reached, from Status.plist <c>SnapshotState</c> (reference §3.1).</summary>
public enum SnapshotState
{
    Unknown,
    Uploading,
    Moving,
    Removing,
    Finished,
}

/// <summary>Status.plist <c>BackupState</c>: only <see cref="New"/> is a usable backup.</summary>
public enum BackupState
{
    Unknown,
    Empty,
    Old,
    New,
}

/// <summary>Status.plist, written by the device (BackupAgent2). Raw names are kept for values we do not know.</summary>
public sealed record BackupStatus(
    string? Version,
    BackupState BackupState,
    string? BackupStateName,
    SnapshotState SnapshotState,
    string? SnapshotStateName,
    DateTimeOffset? Date,
    bool? IsFullBackup,
    string? Uuid)
{
    /// <summary>Versions BackupAgent2 accepts: 2.4 ≤ v &lt; 4.0 (MBStatus).</summary>
    public bool IsSupportedVersion =>
        Version is not null
        && decimal.TryParse(Version, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out decimal v)
        && v >= 2.4m && v < 4.0m;

    public static BackupStatus From(PlistDict dict)
    {
        string? backupState = dict.GetString("BackupState");
        string? snapshotState = dict.GetString("SnapshotState");
        return new BackupStatus(
            dict.GetString("Version"),
            backupState switch
            {
                "new" => BackupState.New,
                "old" => BackupState.Old,
                "empty" => BackupState.Empty,
                _ => BackupState.Unknown,
            },
            backupState,
            snapshotState switch
            {
                "uploading" => SnapshotState.Uploading,
                "moving" => SnapshotState.Moving,
                "removing" => SnapshotState.Removing,
                "finished" => SnapshotState.Finished,
                _ => SnapshotState.Unknown,
            },
            snapshotState,
            dict.GetDate("Date"),
            dict.GetBool("IsFullBackup"),
            dict.GetString("UUID"));
    }
}
