namespace Kiriwake.Evidence.Backup;

/// <summary>The verifier's answer. Ordered by gravity: a later value wins when reasons disagree.</summary>
public enum BackupVerdict
{
    Complete,
    Inconsistent,
    Interrupted,
    Unreadable,
}

/// <summary>Why a backup got its verdict. Each code has Japanese and English texts (<see cref="BackupReasonTexts"/>).</summary>
public enum BackupReasonCode
{
    FolderMissing,
    FolderUnreadable,
    PermissionDenied,
    NotABackup,
    StatusMissing,
    StatusMalformed,
    StatusNoState,
    StatusNotFinished,
    StatusNotNew,
    StatusUnsupportedVersion,
    SnapshotFolderLeft,
    MayStillBeRunning,
    InfoMissing,
    InfoMalformed,
    ManifestPlistMissing,
    ManifestPlistEmpty,
    ManifestPlistMalformed,
    ManifestDbMissing,
    ManifestDbEmpty,
    ManifestDbDamaged,
    ManifestMbdbDamaged,
    EncryptedNeedsPassword,
    ManifestDecryptFailed,
    KeybagDamaged,
    RecordsUnreadable,
    UnknownFlags,
    FilesMissing,
    ZeroSizeFilesMissing,
    FilesWrongSize,
    OrphanFiles,
    FilesUnreadable,
    FilesDecryptFailed,
    FilesNotChecked,
    StatusFinishedAlone,
}

/// <summary>
/// One reason: a code, the verdict it implies (<see cref="BackupVerdict.Complete"/> for notes that do not
/// change the verdict), and the values its text is formatted with (invariant-culture strings).
/// </summary>
public sealed record BackupReason(BackupReasonCode Code, BackupVerdict Implies, IReadOnlyList<string> Args)
{
    public static BackupReason Of(BackupReasonCode code, BackupVerdict implies, params string[] args) => new(code, implies, args);

    /// <summary>The code as written in JSON and logs, e.g. <c>files-missing</c>.</summary>
    public string Name => BackupReasonTexts.CodeName(Code);
}
