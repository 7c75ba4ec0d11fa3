using System.Globalization;
using System.Text;

namespace Kiriwake.Evidence.Tests.Support;

/// <summary>
/// A fake <c>idevicebackup2</c> whose output follows the real tool's (libimobiledevice 1.3.0
/// <c>tools/idevicebackup2.c</c>: the same lines, the 50-wide bar redrawn with a carriage return, sizes as
/// <c>string_format_size</c> prints them; or the 1.4.0 four-line block with ANSI cursor codes). While it "receives"
/// it copies a pre-generated backup's blob folders into <c>DEST/UDID/Snapshot/</c>, then moves it into place and
/// writes the final files — so the verifier finds a realistic backup. Like the real tool it handles SIGINT by
/// printing "Exiting..." to stderr, then "Backup Aborted.".
/// </summary>
internal static class FakeBackupTool
{
    public enum Ending
    {
        /// <summary>"Backup Successful."; the backup folder is complete.</summary>
        Success,

        /// <summary>Stops half-way: "ErrorCode 105: Insufficient free disk space…", "Backup Failed (Error Code 105).", exit 151.</summary>
        DiskFull,

        /// <summary>Prints the start, then hangs (waiting on the device); SIGINT ends it as the real tool does.</summary>
        Hang,

        /// <summary>Hangs and ignores SIGINT: only a kill ends it.</summary>
        IgnoresInterrupt,
    }

    /// <param name="template">A backup folder written by the fixture generator; copied into DEST/UDID.</param>
    /// <param name="stepSeconds">Pause between two output lines (slow enough to watch in tmux, fast in tests).</param>
    /// <param name="newFormat">The 1.4.0 four-line block instead of the 1.3.0 bar.</param>
    public static FakeTools AddBackup(this FakeTools tools, string udid, string? template, Ending ending, double stepSeconds = 0.02, bool newFormat = false)
    {
        var script = Path.Combine(tools.Directory, "idevicebackup2-backup.sh");
        File.WriteAllText(script, Script(udid, template, ending, stepSeconds, newFormat));
        return tools.AddScript("idevicebackup2", $"-u {udid} backup *", $"exec /bin/sh '{script}' \"$@\"");
    }

    /// <summary>
    /// "-u UDID -i encryption on": reads the new password twice from standard input, as the real tool's prompt
    /// does, records what it read (stdin.txt) and its arguments (args.txt) in <paramref name="record"/>, and
    /// reports success when both entries match.
    /// </summary>
    public static FakeTools AddEncryptionOn(this FakeTools tools, string udid, string record) =>
        tools.AddScript("idevicebackup2", $"-u {udid} -i encryption on",
            $"echo \"$*\" > '{record}/args.txt'; printf 'Enter new backup password: ' >&2; IFS= read -r a; printf '\\nEnter new backup password (repeat): ' >&2; IFS= read -r b; echo >&2; "
            + $"printf '%s\\n%s\\n' \"$a\" \"$b\" > '{record}/stdin.txt'; "
            + "if [ \"$a\" = \"$b\" ] && [ -n \"$a\" ]; then echo 'Backup encryption has been enabled successfully.'; exit 0; else echo 'ERROR: passwords don'\"'\"'t match'; exit 255; fi");

    private static string Script(string udid, string? template, Ending ending, double stepSeconds, bool newFormat)
    {
        var step = stepSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var s = new StringBuilder();
        s.Append("#!/bin/sh\n");
        s.Append("for a; do dest=\"$a\"; done\n");
        s.Append(CultureInfo.InvariantCulture, $"udid='{udid}'\n");
        s.Append(CultureInfo.InvariantCulture, $"template='{template}'\n");
        s.Append("files=0\n");
        s.Append("interrupted=\n");
        s.Append(ending == Ending.IgnoresInterrupt ? "trap '' INT\n" : "trap 'echo \"Exiting...\" >&2; interrupted=1' INT\n");
        s.Append("abort() { echo \"Received $files files from device.\"; echo 'Backup Aborted.'; exit 0; }\n");
        s.Append(CultureInfo.InvariantCulture, $"step() {{ sleep {step} & wait $!; if [ -n \"$interrupted\" ]; then abort; fi; }}\n");
        s.Append("echo \"Backup directory is \\\"$dest\\\"\"\n");
        s.Append("echo 'Started \"com.apple.mobilebackup2\" service on port 50112.'\n");
        s.Append("echo 'Negotiated Protocol Version 2.1'\n");
        s.Append("echo 'Starting backup...'\n");
        s.Append("mkdir -p \"$dest/$udid/Snapshot\"\n");
        s.Append("echo 'Backup will be unencrypted.'\n");
        s.Append("echo 'Requesting backup from device...'\n");
        s.Append("echo 'Full backup mode.'\n");
        if (ending is Ending.Hang or Ending.IgnoresInterrupt)
        {
            // Like the real tool waiting on a device that never answers (#1384): nothing more is printed.
            s.Append("while :; do sleep 300 & wait $!; if [ -n \"$interrupted\" ]; then abort; fi; done\n");
            return s.ToString();
        }

        s.Append("step\n");
        // The blob folders in batches: each batch is one DLMessageUploadFiles with its own byte total.
        s.Append("n=0; total=$(ls -d \"$template\"/?? 2>/dev/null | wc -l)\n");
        s.Append("for d in \"$template\"/??; do\n");
        s.Append("  [ -d \"$d\" ] || continue\n");
        s.Append("  n=$((n+1))\n");
        if (ending == Ending.DiskFull)
        {
            s.Append("  if [ $n -gt $((total/2)) ]; then\n");
            s.Append("    echo 'ErrorCode 105: Insufficient free disk space on drive to back up (MBErrorDomain/105)'\n");
            s.Append("    echo \"Received $files files from device.\"\n");
            s.Append("    echo 'Backup Failed (Error Code 105).'\n");
            s.Append("    exit 151\n");
            s.Append("  fi\n");
        }

        s.Append("  bytes=$(cat \"$d\"/* | wc -c)\n");
        s.Append("  count=$(ls \"$d\" | wc -l)\n");
        if (newFormat)
        {
            s.Append("  name=$(ls \"$d\" | head -n 1)\n");
            s.Append("  pct=$((n*100/total))\n");
            s.Append("  printf '\\033[s\\033[u\\033[1A\\033[1A\\033[1A\\033[2K\\rBackup     [%s]  %3d%%\\n\\033[2K\\rReceiving  %s\\n\\033[2K\\r           [%s]  50.0%%   %s / %s     \\n\\033[2K\\rStatus     Receiving files\\033[s' "
                + "\"$(bar30 $pct)\" $pct \"Snapshot/$(basename $d)/$name\" \"$(tbar 50)\" \"$(size $((bytes/2)))\" \"$(size $bytes)\"\n");
        }
        else
        {
            s.Append("  echo 'Receiving files'\n");
            s.Append("  printf '\\r%s %s (%s/%s)     ' \"$(bar 50)\" ' 50%' \"$(size $((bytes/2)))\" \"$(size $bytes)\"\n");
            s.Append("  step\n");
            s.Append("  printf '\\r%s %s (%s/%s)     \\n' \"$(bar 100)\" '100%' \"$(size $bytes)\" \"$(size $bytes)\"\n");
        }

        s.Append("  cp -R \"$d\" \"$dest/$udid/Snapshot/\"\n");
        s.Append("  files=$((files+count))\n");
        s.Append("  step\n");
        if (!newFormat)
        {
            s.Append("  pct=$((n*100/total))\n");
            s.Append("  printf '\\r%s %3d%% Finished\\n' \"$(bar $pct)\" $pct\n");
        }

        s.Append("done\n");
        s.Append(newFormat ? "printf '\\n'\n" : string.Empty);
        s.Append("echo \"Moving $files files\"\n");
        s.Append("rm -rf \"$dest/$udid/Snapshot\"\n");
        s.Append("cp -R \"$template\"/. \"$dest/$udid/\"\n");
        s.Append("step\n");
        s.Append("echo 'Removing 1 file'\n");
        s.Append("echo \"Received $files files from device.\"\n");
        s.Append("echo 'Backup Successful.'\n");
        s.Append("exit 0\n");
        // Helpers go first in the file; prepend them.
        return Helpers + s.ToString()[s.ToString().IndexOf('\n', StringComparison.Ordinal)..];
    }

    // print_progress_real: 50 cells, '=' while i < percent/2; string_format_size: "%d Bytes", else one decimal in powers of 1000.
    private const string Helpers = "#!/bin/sh\n"
        + "bar() { p=$1; out='['; i=0; while [ $i -lt 50 ]; do if [ $((i*2)) -lt $p ]; then out=\"$out=\"; else out=\"$out \"; fi; i=$((i+1)); done; printf '%s]' \"$out\"; }\n"
        + "bar30() { p=$1; out=''; i=0; while [ $i -lt 30 ]; do if [ $((i*100)) -lt $((p*30)) ]; then out=\"$out#\"; else out=\"$out.\"; fi; i=$((i+1)); done; printf '%s' \"$out\"; }\n"
        + "tbar() { out=''; i=0; while [ $i -lt 30 ]; do if [ $i -lt 15 ]; then out=\"$out=\"; elif [ $i -eq 15 ]; then out=\"$out>\"; else out=\"$out \"; fi; i=$((i+1)); done; printf '%s' \"$out\"; }\n"
        + "size() { b=$1; if [ $b -ge 1000000 ]; then printf '%d.%d MB' $((b/1000000)) $((b%1000000/100000)); elif [ $b -ge 1000 ]; then printf '%d.%d KB' $((b/1000)) $((b%1000/100)); else printf '%d Bytes' $b; fi; }\n";
}
