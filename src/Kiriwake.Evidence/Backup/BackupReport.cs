namespace Kiriwake.Evidence.Backup;

/// <summary>Where a backup's date came from (the sources disagree in the wild, §2 and §3).</summary>
public enum BackupDateSource
{
    StatusPlist,
    InfoPlist,
    ManifestPlist,
    FileTime,
}

public sealed record BackupDate(DateTimeOffset Value, BackupDateSource Source);

/// <summary>A file of the manifest given as an example: its domain, path and fileID; sizes when they disagree.</summary>
public sealed record FileExample(string Domain, string RelativePath, string FileId, long? Expected = null, long? Actual = null);

/// <summary>What the pass over the manifest (and, deep, over the files on disk) found.</summary>
public sealed record FileCheckResult(
    long Records,
    long Files,
    long Directories,
    long Symlinks,
    long UnknownFlags,
    long UnreadableRecords,
    long Present,
    long Missing,
    long ZeroSizeMissing,
    long WrongSize,
    long Orphans,
    long Unreadable,
    long Decrypted,
    long DecryptFailed,
    IReadOnlyList<FileExample> MissingExamples,
    IReadOnlyList<FileExample> WrongSizeExamples,
    IReadOnlyList<string> OrphanExamples,
    IReadOnlyList<FileExample> UnknownFlagExamples,
    IReadOnlyList<FileExample> UnreadableExamples,
    IReadOnlyList<FileExample> DecryptFailedExamples,
    IReadOnlyList<long> UnknownFlagValues);

/// <summary>Everything the verifier established about one backup folder.</summary>
public sealed record BackupReport(
    string Folder,
    BackupVerdict Verdict,
    SnapshotState? Phase,
    IReadOnlyList<BackupReason> Reasons,
    BackupDeviceInfo? Device,
    BackupStatus? Status,
    ManifestProperties? Manifest,
    BackupDate? Date,
    IReadOnlyList<BackupDate> Dates,
    bool? Encrypted,
    long? LogicalBytes,
    long? DiskBytes,
    FileCheckResult? Files,
    bool FilesChecked);

/// <summary>Deep-check progress: manifest records done out of the total.</summary>
public readonly record struct DeepCheckProgress(long Done, long Total);
