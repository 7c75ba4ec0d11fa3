namespace Kiriwake.Cli;

/// <summary>Every exit code the command returns, by name. Scripts rely on these numbers: never reuse one.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and its answer is "no" (lint found problems, a backup is not complete...).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>The knowledge folder has problems; each is printed with file, line and id.</summary>
    public const int KnowledgeInvalid = 3;

    /// <summary>The code, model, checklist, flow, symptom or file asked for does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>A scripted session needs an answer its answers file does not give.</summary>
    public const int NeedsAnswer = 5;

    /// <summary>Input was malformed (a plist, a database, a session file) and was not used.</summary>
    public const int BadInput = 6;

    /// <summary>
    /// A file could not be read or written: a folder or a special file (pipe, device) where a file was expected, a
    /// link loop, a file larger than its kind can be, a full or read-only disk.
    /// </summary>
    public const int FileError = 7;

    /// <summary>The session file is open in another kiriwake process; it was left alone.</summary>
    public const int SessionInUse = 8;

    /// <summary>The backup did not finish: interrupted in some phase, or still being written.</summary>
    public const int BackupInterrupted = 20;

    /// <summary>The backup finished but its files disagree with its file list (missing, wrong size, orphans).</summary>
    public const int BackupInconsistent = 21;

    /// <summary>The backup cannot be read: damaged plists or file list, or a file list that cannot be decrypted.</summary>
    public const int BackupUnreadable = 22;

    /// <summary>The password does not open the encrypted backup.</summary>
    public const int WrongPassword = 23;

    /// <summary>The backup, or any file or folder named on the command line, may not be read (or written) by this user.</summary>
    public const int PermissionDenied = 24;

    /// <summary>The folder exists but is not a backup.</summary>
    public const int NotABackup = 25;

    /// <summary>check-password on a backup that is not encrypted.</summary>
    public const int NotEncrypted = 26;

    /// <summary>The backup is encrypted and no password was given (or none could be read).</summary>
    public const int PasswordNeeded = 27;

    /// <summary>No trusted, answering device for a device action (none, not trusted, locked, wrong mode).</summary>
    public const int DeviceNotReady = 30;

    /// <summary>A libimobiledevice tool the action needs is not installed.</summary>
    public const int ToolMissing = 31;

    /// <summary>A device action's tool failed (encryption not switched on, recovery switch failed, destination unusable).</summary>
    public const int ActionFailed = 32;

    /// <summary>The tool made no progress for too long and was stopped.</summary>
    public const int TimedOut = 33;

    /// <summary>The person declined the confirmation question.</summary>
    public const int Declined = 34;

    /// <summary>The operation was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
