using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>
/// The structural patterns of tool output and logs, one line at a time: idevicebackup2 (backup-format.md §7.1),
/// idevicerestore in both log styles (ios-errors-and-device.md §4.5), codes in error dialogs (§1.1) and in
/// iTunes / Apple Devices / Finder logs. Knowledge-base messages are matched separately.
/// </summary>
internal static class LogLinePatterns
{
    /// <summary>
    /// Every pattern runs on the non-backtracking engine: time linear in the line's length, whatever the line
    /// ("error" followed by 32,000 spaces once took minutes). The timeout is a second guard, per line.
    /// </summary>
    public const RegexOptions Linear = RegexOptions.NonBacktracking;

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // Confidence of a match: a tool's own error line is unambiguous; a dialog's "unknown error (N)" nearly so;
    // a code after the word "error" in a log is likely; a bare "(N)" at the end of an error sentence less so.
    private const double ToolLine = 0.95;
    private const double DialogCode = 0.9;
    private const double LogCode = 0.75;
    private const double BareCode = 0.6;

    /// <summary>idevicerestore's style since June 2025: "HH:MM:SS.mmm &lt;Level&gt; text"; removed before matching.</summary>
    public static (string Text, int Offset, bool Timestamped) StripRestorePrefix(string line)
    {
        var match = RestoreTimestamp().Match(line);
        return match.Success ? (line[match.Length..], match.Length, true) : (line, 0, false);
    }

    public static IEnumerable<LineFinding> Match(string line)
    {
        var (text, offset, timestamped) = StripRestorePrefix(line);
        var structural = MatchTools(text, offset, timestamped).ToList();
        foreach (var finding in structural)
        {
            yield return finding;
        }

        // Generic code patterns only where no tool pattern already read this line's code.
        if (structural.Any(f => f.Code is not null))
        {
            yield break;
        }

        // "error: 0" / "(result = 0)" report success in Apple's logs; no error code is 0.
        foreach (var finding in MatchCodes(text, offset).Where(f => f.Code is not 0))
        {
            yield return finding;
        }
    }

    private static IEnumerable<LineFinding> MatchTools(string text, int offset, bool timestamped)
    {
        var restoreFormat = LogFormat.Idevicerestore;
        Match m;
        if ((m = BackupErrorCode().Match(text)).Success)
        {
            yield return new LineFinding(FindingKind.ErrorCode, LogFormat.Idevicebackup2, ErrorDomain.Backup, Int(m, "code"), offset + m.Index + 1,
                m.Groups["text"].Value.Trim(), null, ToolLine);
        }
        else if ((m = BackupResultFailed().Match(text)).Success)
        {
            var isBackup = m.Groups["what"].Value == "Backup";
            yield return new LineFinding(FindingKind.ErrorCode, LogFormat.Idevicebackup2, ErrorDomain.Backup, Int(m, "code"), offset + m.Index + 1,
                m.Value, null, ToolLine, isBackup ? ToolLineStatus.BackupFailed : null);
        }
        else if ((m = MobileBackup2Error().Match(text)).Success)
        {
            yield return new LineFinding(FindingKind.ToolError, LogFormat.Idevicebackup2, null, null, offset + m.Index + 1, m.Value.Trim(),
                LogMeanings.MobileBackup2(Int(m, "code") ?? 0), ToolLine);
        }
        else if ((m = BackupRefused().Match(text)).Success)
        {
            yield return new LineFinding(FindingKind.ToolError, LogFormat.Idevicebackup2, null, null, offset + m.Index + 1, m.Value.Trim(),
                LogMeanings.BackupRefused, ToolLine, ToolLineStatus.BackupFailed);
        }
        else if ((m = BackupState().Match(text)).Success)
        {
            var (status, meaning, kind) = m.Groups["state"].Value switch
            {
                "Backup will be encrypted." => (ToolLineStatus.BackupEncrypted, LogMeanings.BackupEncrypted, FindingKind.ToolStatus),
                "Backup will be unencrypted." => (ToolLineStatus.BackupUnencrypted, LogMeanings.BackupUnencrypted, FindingKind.ToolStatus),
                "Backup Successful." => (ToolLineStatus.BackupSucceeded, LogMeanings.BackupSucceeded, FindingKind.ToolStatus),
                "Backup Aborted." => (ToolLineStatus.BackupAborted, LogMeanings.BackupAborted, FindingKind.ToolError),
                _ => ((string?)null, LogMeanings.WaitingForPasscode, FindingKind.ToolStatus),
            };
            yield return new LineFinding(kind, LogFormat.Idevicebackup2, null, null, offset + m.Index + 1, m.Value.Trim(), meaning, ToolLine, status);
        }
        else if ((m = TssFailed().Match(text)).Success)
        {
            // TSS STATUS 94 is iTunes' 3194: the build is no longer signed (or gs.apple.com is redirected).
            var status = Int(m, "status");
            yield return new LineFinding(FindingKind.ErrorCode, restoreFormat, ErrorDomain.Restore, status == 94 ? 3194 : null, offset + m.Index + 1,
                m.Value, status == 94 ? null : LogMeanings.TssRefused, ToolLine);
        }
        else if ((m = RestoreStatus().Match(text)).Success && LogMeanings.RestoreStatusCode(m.Groups["status"].Value.Trim()) is { } statusCode)
        {
            yield return new LineFinding(FindingKind.ErrorCode, restoreFormat, ErrorDomain.Restore, statusCode, offset + m.Index + 1,
                m.Value.Trim(), null, ToolLine);
        }
        else if ((m = RestoreFailure().Match(text)).Success)
        {
            yield return new LineFinding(FindingKind.ToolError, restoreFormat, null, null, offset + m.Index + 1, m.Value.Trim(),
                LogMeanings.RestoreFailure(m.Groups["what"].Value), ToolLine);
        }
        else if ((m = FoundDeviceMode().Match(text)).Success)
        {
            yield return new LineFinding(FindingKind.ToolStatus, restoreFormat, null, null, offset + m.Index + 1, m.Value.Trim(),
                LogMeanings.DeviceMode(m.Groups["mode"].Value), ToolLine);
        }
        else if ((m = IneligibleBuild().Match(text)).Success)
        {
            yield return new LineFinding(FindingKind.ErrorCode, timestamped ? restoreFormat : LogFormat.AppleLog, ErrorDomain.Restore, 3194,
                offset + m.Index + 1, m.Value.Trim(), null, ToolLine);
        }
    }

    private static IEnumerable<LineFinding> MatchCodes(string line, int offset)
    {
        Match m;
        if ((m = NsError().Match(line)).Success)
        {
            // macOS (Finder, Apple Devices) logs print NSErrors: MBErrorDomain is the backup agent, the AMRestore/AMRAuthInstall domains the restore.
            var domain = m.Groups["domain"].Value == "MBErrorDomain" ? ErrorDomain.Backup : ErrorDomain.Restore;
            yield return new LineFinding(FindingKind.ErrorCode, LogFormat.AppleLog, domain, Int(m, "code"), offset + m.Index + 1, line.Trim(), null, LogCode);
        }
        else if ((m = DialogUnknownError().Match(line)).Success)
        {
            yield return new LineFinding(FindingKind.ErrorCode, LogFormat.Dialog, DomainOf(line), Int(m, "code"), offset + m.Index + 1, line.Trim(), null, DialogCode);
        }
        else if ((m = AppleLogError().Match(line)).Success)
        {
            yield return new LineFinding(FindingKind.ErrorCode, LogFormat.AppleLog, DomainOf(line), Int(m, "code"), offset + m.Index + 1, line.Trim(), null, LogCode);
        }
        else if ((m = WordedErrorCode().Match(line)).Success)
        {
            yield return new LineFinding(FindingKind.ErrorCode, LogFormat.Dialog, DomainOf(line), Int(m, "code"), offset + m.Index + 1, line.Trim(), null, LogCode);
        }
        else if ((m = TrailingCode().Match(line)).Success && ErrorWords().IsMatch(line))
        {
            yield return new LineFinding(FindingKind.ErrorCode, LogFormat.Dialog, DomainOf(line), Int(m, "code"), offset + m.Index + 1, line.Trim(), null, BareCode);
        }
    }

    /// <summary>A dialog about a backup carries backup codes; everything else here is an update/restore code.</summary>
    private static ErrorDomain DomainOf(string line) => BackupWords().IsMatch(line) ? ErrorDomain.Backup : ErrorDomain.Restore;

    // \d also matches full-width digits (「（４０１３）」); NFKC turns them into ASCII before parsing.
    private static int? Int(Match match, string group) =>
        int.TryParse(match.Groups[group].Value.Normalize(NormalizationForm.FormKC), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static readonly Regex s_restoreTimestamp = new(@"^\s*\d{2}:\d{2}:\d{2}\.\d{3}\s+<(?:Error|Warning|Notice|Info|Verbose|Debug)>\s?", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex RestoreTimestamp() => s_restoreTimestamp;

    // "ErrorCode 105: Insufficient free disk space on drive to back up (MBErrorDomain/105)"
    private static readonly Regex s_backupErrorCode = new(@"\bErrorCode (?<code>-?\d+): (?<text>.*)$", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex BackupErrorCode() => s_backupErrorCode;

    private static readonly Regex s_backupResultFailed = new(@"\b(?<what>Backup|Restore) Failed \(Error Code (?<code>-?\d+)\)\.?", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex BackupResultFailed() => s_backupResultFailed;

    private static readonly Regex s_mobileBackup2Error = new(@"ERROR: Could not receive from mobilebackup2 \((?<code>-?\d+)\)", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex MobileBackup2Error() => s_mobileBackup2Error;

    private static readonly Regex s_backupRefused = new(@"Could not start backup process: device refused to start the backup process\.?", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex BackupRefused() => s_backupRefused;

    private static readonly Regex s_backupState = new(@"^\s*(?<state>Backup will be encrypted\.|Backup will be unencrypted\.|Backup Successful\.|Backup Aborted\.|\*\*\* Waiting for passcode to be entered on the device \*\*\*)\s*$", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex BackupState() => s_backupState;

    private static readonly Regex s_tssFailed = new(@"TSS request failed \(status=(?<status>\d+), message=(?<message>[^)]*)\)", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex TssFailed() => s_tssFailed;

    private static readonly Regex s_restoreStatus = new(@"^\s*(?:ERROR: )?Status: (?<status>.+)$", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex RestoreStatus() => s_restoreStatus;

    private static readonly Regex s_restoreFailure = new(@"(?<what>Unable to discover device mode|Unable to get SHSH blobs for this device|Unable to place device into recovery mode from DFU mode|Device did not reconnect in recovery mode|Unable to restore device)[^\n]*", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex RestoreFailure() => s_restoreFailure;

    private static readonly Regex s_foundDeviceMode = new(@"Found device in (?<mode>Normal|Recovery|DFU|Restore|Port DFU) mode", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex FoundDeviceMode() => s_foundDeviceMode;

    // iTunes restore logs: "…(3194) This device isn't eligible for the requested build."
    private static readonly Regex s_ineligibleBuild = new(@"(?:\(3194\)\s*)?This device isn't eligible for the requested build\.?", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex IneligibleBuild() => s_ineligibleBuild;

    // 「…不明なエラーが発生しました (4013)。」, "An unknown error occurred (4013)."; NFKC is not applied here, so full-width parentheses are allowed.
    private static readonly Regex s_dialogUnknownError = new(@"(?:不明なエラーが発生しました|エラーが発生しました|unknown error occurred|error occurred)\s*[(（]\s*(?<code>-?\d{1,5})\s*[)）]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | Linear, MatchTimeout);

    private static Regex DialogUnknownError() => s_dialogUnknownError;

    // "Error Domain=AMRestoreErrorDomain Code=4013 …", "Error Domain=MBErrorDomain Code=105 …"
    private static readonly Regex s_nsError = new(@"Error Domain=(?<domain>MBErrorDomain|AMRestoreErrorDomain|AMRAuthInstallErrorDomain|AMDeviceErrorDomain) Code=(?<code>-?\d{1,5})\b", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex NsError() => s_nsError;

    // iTunes / Apple Devices / Finder logs: "… failed with error: 4013", "Restore error 4013", "(result = 4013)".
    private static readonly Regex s_appleLogError = new(@"(?:failed with error:?\s*|Restore error\s+|\(result\s*=\s*)(?<code>-?\d{1,5})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | Linear, MatchTimeout);

    private static Regex AppleLogError() => s_appleLogError;

    // "error 4013", "Error Code: 9", 「エラー4013」, 「エラーコード 4013」, 「エラー：4013」
    private static readonly Regex s_wordedErrorCode = new(@"(?:\berror(?:\s*code)?|エラー(?:コード)?|エラー番号)\s*[:：]?\s*[(（]?\s*(?<code>-?\d{1,5})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | Linear, MatchTimeout);

    private static Regex WordedErrorCode() => s_wordedErrorCode;

    // ios-errors-and-device.md §1.1: the number in parentheses at the end of the dialog.
    private static readonly Regex s_trailingCode = new(@"[(（]\s*(?<code>-?\d{1,5})\s*[)）]\s*[。.]?\s*$", RegexOptions.CultureInvariant | Linear, MatchTimeout);

    private static Regex TrailingCode() => s_trailingCode;

    private static readonly Regex s_errorWords = new(@"error|エラー|could not|couldn't|できませんでした|失敗", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | Linear, MatchTimeout);

    private static Regex ErrorWords() => s_errorWords;

    private static readonly Regex s_backupWords = new(@"back(?:ed)?[ -]?up|バックアップ", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | Linear, MatchTimeout);

    private static Regex BackupWords() => s_backupWords;
}
