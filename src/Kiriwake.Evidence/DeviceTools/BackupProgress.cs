namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Where a running <c>idevicebackup2 backup</c> stands, as far as its output tells. Every figure is the tool's
/// own: <see cref="OverallPercent"/> is the device's progress, <see cref="TransferDone"/>/<see cref="TransferTotal"/>
/// the bytes of the current upload batch (1.3.0) or file (1.4.0 and later). Null means "not printed yet".
/// </summary>
/// <param name="Phase">What the tool is doing now.</param>
/// <param name="OverallPercent">The device's overall progress, 0–100.</param>
/// <param name="TransferDone">Bytes of the current transfer received so far (the tool rounds to 0.1 of its unit).</param>
/// <param name="TransferTotal">Bytes of the current transfer in all.</param>
/// <param name="FilesSeen">Files the tool named while receiving (1.4.0 and later name each one; 1.3.0 none).</param>
/// <param name="FilesReceived">The tool's own count from "Received N files from device.", at the end.</param>
/// <param name="CurrentFile">The file being received, as the tool printed it (untrusted text).</param>
/// <param name="Encrypted">From "Backup will be encrypted." / "…unencrypted.".</param>
/// <param name="FullBackup">From "Full backup mode." / "Incremental backup mode.".</param>
/// <param name="Result">How the tool said it ended; null while it runs.</param>
/// <param name="ErrorCode">The device's MBErrorDomain code from "ErrorCode N: …" or "Backup Failed (Error Code N).".</param>
/// <param name="ErrorText">The device's description of that error, or the tool's own ERROR line.</param>
public sealed record BackupProgress(
    BackupPhase Phase,
    double? OverallPercent,
    long? TransferDone,
    long? TransferTotal,
    int FilesSeen,
    int? FilesReceived,
    string? CurrentFile,
    bool? Encrypted,
    bool? FullBackup,
    BackupToolResult? Result,
    int? ErrorCode,
    string? ErrorText)
{
    public static BackupProgress Start { get; } = new(BackupPhase.Starting, null, null, null, 0, null, null, null, null, null, null, null);
}

/// <summary>What idevicebackup2 is doing.</summary>
public enum BackupPhase
{
    /// <summary>Connecting, negotiating, asking the device to start.</summary>
    Starting,

    /// <summary>"*** Waiting for passcode to be entered on the device ***" (iOS 16.1 and later).</summary>
    WaitingForPasscode,

    /// <summary>The device uploads files to the computer.</summary>
    Receiving,

    /// <summary>The device reads files back from the computer (the previous backup's manifest and status).</summary>
    Sending,

    /// <summary>Moving the snapshot into place.</summary>
    Moving,

    /// <summary>Removing the old files and the snapshot folder.</summary>
    Removing,

    /// <summary>Interrupted by the person (Ctrl+C) or the device; the tool is closing the session.</summary>
    Stopping,

    /// <summary>The tool printed its final line.</summary>
    Finished,
}

/// <summary>The tool's closing words.</summary>
public enum BackupToolResult
{
    /// <summary>"Backup Successful." (the device reported no error and Status.plist says finished).</summary>
    Succeeded,

    /// <summary>"Backup Failed (Error Code N)." or a refusal before the backup started.</summary>
    Failed,

    /// <summary>"Backup Aborted." (cancelled, or the connection was lost).</summary>
    Aborted,
}
