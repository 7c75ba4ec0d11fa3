using Kiriwake.Core.Facts;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Logs;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>What to back up, where, and how.</summary>
/// <param name="Destination">The folder idevicebackup2 writes <c>&lt;UDID&gt;/</c> into; created when missing.</param>
/// <param name="Udid">This device instead of the first one connected.</param>
/// <param name="Encrypt">Make an encrypted backup: switch encryption on first when the device has it off.</param>
/// <param name="Password">
/// UTF-8 bytes of the backup password: the new one when encryption is switched on, else the one already set,
/// used only to prove that it opens the new backup. The maker never keeps it; the caller zeroes it afterwards.
/// </param>
/// <param name="FullBackup">Ask the device for a full backup instead of an incremental one.</param>
public sealed record BackupMakeRequest(string Destination, string? Udid = null, bool Encrypt = false, byte[]? Password = null, bool FullBackup = false);

/// <summary>Limits of a backup run.</summary>
/// <param name="IdleTimeout">
/// How long the tool may go without output and without a new file on disk before it counts as hung. A device
/// waits about 3 minutes for its passcode, and some versions hang silently when the computer's disk is full
/// (libimobiledevice #1384), so the default is 10 minutes.
/// </param>
/// <param name="StopGrace">After SIGINT (Ctrl+C, or the idle limit) the tool closes its session; killed after this.</param>
/// <param name="ProbeTimeout">Each look at the device before the backup.</param>
public sealed record BackupMakerOptions(TimeSpan IdleTimeout = default, TimeSpan StopGrace = default, TimeSpan ProbeTimeout = default)
{
    public TimeSpan IdleTimeout { get; init; } = IdleTimeout == default ? TimeSpan.FromMinutes(10) : IdleTimeout;

    public TimeSpan StopGrace { get; init; } = StopGrace == default ? TimeSpan.FromSeconds(15) : StopGrace;

    public TimeSpan ProbeTimeout { get; init; } = ProbeTimeout == default ? TimeSpan.FromSeconds(15) : ProbeTimeout;
}

/// <summary>How making a backup ended.</summary>
public enum BackupMakeStatus
{
    /// <summary>The tool said "Backup Successful." and the verifier found the backup complete, every file checked.</summary>
    Complete,

    /// <summary>The tool finished but the backup is not complete (failed, aborted, or the verifier disagrees).</summary>
    Failed,

    /// <summary>The person stopped it (Ctrl+C).</summary>
    Cancelled,

    /// <summary>The tool went silent past the idle limit and was stopped.</summary>
    TimedOut,

    /// <summary>No trusted, answering device (none, not trusted, locked, recovery mode…): the device facts say which.</summary>
    DeviceNotReady,

    /// <summary>idevicebackup2 (or idevice_id / ideviceinfo) is not installed.</summary>
    ToolMissing,

    /// <summary>The destination folder cannot be created or written.</summary>
    DestinationUnusable,

    /// <summary>An encrypted backup was asked for, or the device encrypts its backups, and no password was given.</summary>
    PasswordNeeded,

    /// <summary>The new password has characters idevicebackup2's prompt drops (it keeps printable ASCII only).</summary>
    PasswordUnsupported,

    /// <summary>Switching backup encryption on failed; nothing was backed up.</summary>
    EncryptionFailed,

    /// <summary>The backup is complete but the password given does not open it (the device has another one set).</summary>
    PasswordMismatch,
}

/// <summary>What one <c>backups create</c> did and found.</summary>
/// <param name="Folder">The backup folder (<c>Destination/&lt;UDID&gt;</c>) when the device was known.</param>
/// <param name="Progress">The tool's last progress.</param>
/// <param name="Output">The backup run's output (stdout and stderr verbatim; no password is ever in it or its arguments).</param>
/// <param name="Killed">The tool did not exit after SIGINT within the grace period and was killed.</param>
/// <param name="Report">The verifier's report on the folder, when one was written.</param>
/// <param name="Findings">When the backup did not complete: the log analyzer's findings in the tool's output.</param>
/// <param name="Failure">When the backup did not complete: where a diagnosis starts from those findings.</param>
/// <param name="Facts">Facts for the diagnosis: the device's, then the backup's or the failure's.</param>
/// <param name="FreeBytes">Free space at the destination before the backup, when known.</param>
/// <param name="UsedBytesOnDevice">Data on the device (an upper bound of the backup's size), when known.</param>
public sealed record BackupMakeResult(
    BackupMakeStatus Status,
    DeviceFacts Device,
    string? Folder,
    BackupProgress Progress,
    ToolOutput? Output,
    bool Killed,
    BackupReport? Report,
    LogAnalysis? Findings,
    DiagnosisStart? Failure,
    IReadOnlyList<Fact> Facts,
    long? FreeBytes,
    long? UsedBytesOnDevice)
{
    /// <summary>The destination looked too small for the device's data before the backup started.</summary>
    public bool SpaceLooksShort => FreeBytes is { } free && UsedBytesOnDevice is { } used && free < used;

    /// <summary>It stopped for want of room at the destination (the tool's error 105, or too little room before it began).</summary>
    public bool StoppedForSpace => Status is BackupMakeStatus.Cancelled or BackupMakeStatus.TimedOut or BackupMakeStatus.Failed
        && (Progress.ErrorCode == 105 || SpaceLooksShort);
}

/// <summary>What the maker is doing, for a progress display.</summary>
/// <param name="FilesWritten">Files in the backup's Snapshot folder so far (the device uploads there first).</param>
/// <param name="BytesWritten">Their size.</param>
public sealed record BackupMakeProgress(BackupMakeStage Stage, BackupProgress Tool, long FilesWritten, long BytesWritten);

public enum BackupMakeStage
{
    LookingAtDevice,
    TurningOnEncryption,
    BackingUp,
    Stopping,
    Verifying,
    CheckingPassword,
}
