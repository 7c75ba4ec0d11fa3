using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Reads <c>idevicebackup2 backup</c> output as it arrives (libimobiledevice <c>tools/idevicebackup2.c</c>), in
/// both shapes the tool has had:
/// <list type="bullet">
/// <item>1.3.0 (Debian 12, most Windows builds): one bar redrawn with a carriage return,
/// <c>[=====     ]  42% (1.2 MB/3.4 MB)</c> for a batch's bytes and <c>[====      ]  20% Finished</c> for the
/// device's overall progress; <c>Receiving files</c>, <c>Moving N files</c>, <c>Removing N files</c> lines.</item>
/// <item>1.4.0 and later: a four-line block redrawn with ANSI cursor codes — <c>Backup [####....] 20%</c>,
/// <c>Receiving  NAME</c>, <c>[===>   ]  12.5%   1.2 MB / 3.4 MB</c>, <c>Status Moving 3 files</c>.</item>
/// </list>
/// The closing lines are the same in both: <c>ErrorCode N: TEXT</c>, <c>Received N files from device.</c>,
/// <c>Backup Successful.</c> / <c>Backup Failed (Error Code N).</c> / <c>Backup Aborted.</c>.
/// Pure: no clock, no I/O; the same text always gives the same progress.
/// </summary>
public sealed partial class BackupProgressParser
{
    private const int MaxPendingChars = 64 * 1024;

    private readonly StringBuilder _pending = new();
    private string? _lastFile;

    public BackupProgress Progress { get; private set; } = BackupProgress.Start;

    /// <summary>Every complete line (or bar redraw) seen so far is in <see cref="Progress"/>.</summary>
    public static BackupProgress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new BackupProgressParser();
        parser.Feed(text);
        parser.Flush();
        return parser.Progress;
    }

    /// <summary>Takes the next chunk of output (any size, split anywhere); returns true when the progress changed.</summary>
    public bool Feed(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var before = Progress;
        foreach (var c in chunk)
        {
            if (c is '\n' or '\r')
            {
                TakeSegment();
            }
            else if (_pending.Length < MaxPendingChars)
            {
                _pending.Append(c);
            }
        }

        // A bar redraw ends without a newline until the next one: read it as soon as it is whole.
        if (_pending.Length > 0 && EndsAsBar(_pending.ToString()))
        {
            TakeSegment();
        }

        return !Equals(before, Progress);
    }

    /// <summary>The tool has exited: what is left without a line end is read too.</summary>
    public void Flush() => TakeSegment();

    private static bool EndsAsBar(string text)
    {
        var plain = StripAnsi(text).TrimEnd();
        return plain.EndsWith(")", StringComparison.Ordinal) && LegacyBar().IsMatch(plain);
    }

    private void TakeSegment()
    {
        var raw = _pending.ToString();
        _pending.Clear();
        foreach (var piece in StripAnsi(raw).Split('\n'))
        {
            Read(piece.TrimEnd());
        }
    }

    // The 1.4.0 block moves the cursor between its four lines; each move starts a new line for the reader.
    private static string StripAnsi(string text) => Ansi().Replace(text, "\n");

    private void Read(string line)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return;
        }

        var p = Progress;
        Match m;
        if ((m = LegacyBar().Match(text)).Success)
        {
            var percent = Percent(m);
            if (m.Groups["finished"].Success)
            {
                p = p with { OverallPercent = percent };
            }
            else if (m.Groups["done"].Success)
            {
                p = p with { Phase = Active(p, BackupPhase.Receiving), TransferDone = Size(m.Groups["done"].Value), TransferTotal = Size(m.Groups["total"].Value) };
            }

            Progress = p;
            // Whatever the tool printed right after an unfinished bar shares its line.
            var rest = text[(m.Index + m.Length)..].Trim();
            if (rest.Length > 0)
            {
                Read(rest);
            }

            return;
        }

        if ((m = OverallBar().Match(text)).Success)
        {
            Progress = p with { OverallPercent = Percent(m) };
        }
        else if ((m = TransferBar().Match(text)).Success)
        {
            Progress = m.Groups["done"].Success
                ? p with { TransferDone = Size(m.Groups["done"].Value), TransferTotal = Size(m.Groups["total"].Value) }
                : p;
        }
        else if ((m = TransferName().Match(text)).Success)
        {
            var name = m.Groups["name"].Value.Trim();
            var phase = m.Groups["dir"].Value == "Receiving" ? BackupPhase.Receiving : BackupPhase.Sending;
            var newFile = phase == BackupPhase.Receiving && !string.Equals(name, _lastFile, StringComparison.Ordinal);
            _lastFile = name;
            Progress = p with { Phase = Active(p, phase), CurrentFile = name, FilesSeen = p.FilesSeen + (newFile ? 1 : 0) };
        }
        else if ((m = StatusLine().Match(text)).Success)
        {
            ReadStatus(m.Groups["status"].Value.Trim());
        }
        else
        {
            ReadStatus(text);
        }
    }

    private void ReadStatus(string text)
    {
        var p = Progress;
        Match m;
        if (text == "Receiving files")
        {
            Progress = p with { Phase = Active(p, BackupPhase.Receiving) };
        }
        else if ((m = MovingOrRemoving().Match(text)).Success)
        {
            Progress = p with { Phase = Active(p, m.Groups["what"].Value == "Moving" ? BackupPhase.Moving : BackupPhase.Removing) };
        }
        else if (text.StartsWith("Sending '", StringComparison.Ordinal))
        {
            Progress = p with { Phase = Active(p, BackupPhase.Sending) };
        }
        else if (text.Contains("Waiting for passcode", StringComparison.Ordinal))
        {
            Progress = p with { Phase = Active(p, BackupPhase.WaitingForPasscode) };
        }
        else if (text is "Abort requested, hold on..." or "Exiting..." or "User has cancelled the backup process on the device.")
        {
            Progress = p with { Phase = Active(p, BackupPhase.Stopping) };
        }
        else if (text == "Backup will be encrypted." || text == "Backup will be unencrypted.")
        {
            Progress = p with { Encrypted = text == "Backup will be encrypted." };
        }
        else if (text == "Full backup mode." || text == "Incremental backup mode.")
        {
            Progress = p with { FullBackup = text == "Full backup mode." };
        }
        else if ((m = ErrorCodeLine().Match(text)).Success)
        {
            Progress = p with { ErrorCode = Int(m.Groups["code"].Value), ErrorText = m.Groups["text"].Value.Trim() };
        }
        else if ((m = ReceivedFiles().Match(text)).Success)
        {
            Progress = p with { FilesReceived = Int(m.Groups["count"].Value) };
        }
        else if (text == "Backup Successful.")
        {
            Progress = p with { Phase = BackupPhase.Finished, Result = BackupToolResult.Succeeded, OverallPercent = 100 };
        }
        else if (text == "Backup Aborted.")
        {
            Progress = p with { Phase = BackupPhase.Finished, Result = BackupToolResult.Aborted };
        }
        else if ((m = BackupFailed().Match(text)).Success)
        {
            Progress = p with { Phase = BackupPhase.Finished, Result = BackupToolResult.Failed, ErrorCode = p.ErrorCode ?? Int(m.Groups["code"].Value) };
        }
        else if (text.StartsWith("ERROR: Could not start backup process", StringComparison.Ordinal))
        {
            Progress = p with { Phase = BackupPhase.Finished, Result = BackupToolResult.Failed, ErrorText = text };
        }
        else if (text.StartsWith("ERROR: ", StringComparison.Ordinal) || text.StartsWith("No device found", StringComparison.Ordinal))
        {
            // Connection errors: the closing line (if any) says how it ended; keep the first such line as the reason.
            Progress = p with { ErrorText = p.ErrorText ?? text };
        }
    }

    // Once stopping or finished, later redraws do not make the backup look active again.
    private static BackupPhase Active(BackupProgress p, BackupPhase next) =>
        p.Phase is BackupPhase.Stopping or BackupPhase.Finished ? p.Phase : next;

    private static double Percent(Match m) =>
        Math.Clamp(double.Parse(m.Groups["percent"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), 0, 100);

    private static int Int(string digits) => int.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>libimobiledevice's <c>string_format_size</c>: "%d Bytes", else "%0.1f KB|MB|GB|TB" in powers of 1000.</summary>
    internal static long? Size(string text)
    {
        var m = SizeText().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var number = double.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var factor = m.Groups["unit"].Value switch
        {
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "TB" => 1e12,
            _ => 1,
        };
        return (long)Math.Round(number * factor);
    }

    private const string SizePattern = @"\d+(?:\.\d)? (?:Bytes|KB|MB|GB|TB)";

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?) (?<unit>Bytes|KB|MB|GB|TB)$", RegexOptions.CultureInvariant)]
    private static partial Regex SizeText();

    // 1.3.0: "[=====     ]  42% (1.2 MB/3.4 MB)" or "[=====     ]  42% Finished"; the bar is 50 wide (a little slack for hand-copied logs).
    [GeneratedRegex(@"^\[[= ]{40,60}\]\s+(?<percent>\d{1,3})%(?:\s+\((?<done>" + SizePattern + @")/(?<total>" + SizePattern + @")\)|(?<finished>\s+Finished))?", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyBar();

    // 1.4.0+: "Backup     [#####.........................]  20%".
    [GeneratedRegex(@"^Backup\s+\[[#.]+\]\s+(?<percent>\d{1,3})%$", RegexOptions.CultureInvariant)]
    private static partial Regex OverallBar();

    // 1.4.0+: "[=====>                        ]  12.5%   1.2 MB / 3.4 MB".
    [GeneratedRegex(@"^\[[=> ]+\]\s+(?<percent>\d{1,3}(?:\.\d)?)%(?:\s+(?<done>" + SizePattern + @") / (?<total>" + SizePattern + @"))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TransferBar();

    // 1.4.0+: "Receiving  Library/SMS/sms.db" (label padded to 10, then a space).
    [GeneratedRegex(@"^(?<dir>Receiving|Sending) {2,}(?<name>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TransferName();

    [GeneratedRegex(@"^Status {2,}(?<status>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(?<what>Moving|Removing) \d+ files?$", RegexOptions.CultureInvariant)]
    private static partial Regex MovingOrRemoving();

    [GeneratedRegex(@"^ErrorCode (?<code>-?\d{1,6}): (?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCodeLine();

    [GeneratedRegex(@"^Received (?<count>\d{1,9}) files from device\.$", RegexOptions.CultureInvariant)]
    private static partial Regex ReceivedFiles();

    [GeneratedRegex(@"^Backup Failed \(Error Code (?<code>-?\d{1,6})\)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex BackupFailed();

    // CSI sequences (cursor moves, clear line) and the save/restore cursor pair ESC 7 / ESC 8.
    [GeneratedRegex(@"\x1B(?:\[[0-9;?]*[A-Za-z]|[78])", RegexOptions.CultureInvariant)]
    private static partial Regex Ansi();
}
