using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

/// <summary>
/// idevicebackup2's progress in the shapes of its source: 1.3.0 (print_progress_real: a 50-cell bar redrawn with
/// "\r", "(cur/total)" sizes, " Finished" for the device's overall figure) and 1.4.0+ (a four-line block
/// redrawn with ANSI cursor codes).
/// </summary>
public sealed class BackupProgressParserTests
{
    private static string Bar(int percent) =>
        "[" + string.Concat(Enumerable.Range(0, 50).Select(i => i < percent / 2.0 ? '=' : ' ')) + "] " + percent.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3) + "%";

    private static readonly string s_legacy =
        "Backup directory is \"/home/hanako/ios-backup\"\n"
        + "Started \"com.apple.mobilebackup2\" service on port 50112.\n"
        + "Negotiated Protocol Version 2.1\n"
        + "Starting backup...\n"
        + "Backup will be encrypted.\n"
        + "Requesting backup from device...\n"
        + "Incremental backup mode.\n"
        + "Receiving files\n"
        + "\r" + Bar(10) + " (1.2 MB/12.0 MB)     "
        + "\r" + Bar(100) + " (12.0 MB/12.0 MB)     \n"
        + "\r" + Bar(42) + " Finished\n"
        + "Moving 2041 files\n"
        + "Removing 3 files\n"
        + "\r" + Bar(100) + " Finished\n"
        + "Received 2041 files from device.\n"
        + "Backup Successful.\n";

    [Fact]
    public void Parse_Legacy130Success_OverallBytesCountsAndResult()
    {
        var progress = BackupProgressParser.Parse(s_legacy);

        Assert.Equal(BackupToolResult.Succeeded, progress.Result);
        Assert.Equal(BackupPhase.Finished, progress.Phase);
        Assert.Equal(100, progress.OverallPercent);
        Assert.Equal(12_000_000, progress.TransferDone);
        Assert.Equal(12_000_000, progress.TransferTotal);
        Assert.Equal(2041, progress.FilesReceived);
        Assert.True(progress.Encrypted);
        Assert.False(progress.FullBackup);
        Assert.Null(progress.ErrorCode);
    }

    [Fact]
    public void Feed_BarRedrawWithoutNewline_ReadAtOnce()
    {
        var parser = new BackupProgressParser();
        parser.Feed("Receiving files\n");

        var changed = parser.Feed("\r" + Bar(30) + " (3.0 MB/10.0 MB)     ");

        Assert.True(changed);
        Assert.Equal(BackupPhase.Receiving, parser.Progress.Phase);
        Assert.Equal(3_000_000, parser.Progress.TransferDone);
        Assert.Equal(10_000_000, parser.Progress.TransferTotal);
    }

    [Fact]
    public void Feed_OverallFinishedLine_OverallPercent()
    {
        var parser = new BackupProgressParser();

        parser.Feed("\r" + Bar(42) + " Finished\n");

        Assert.Equal(42, parser.Progress.OverallPercent);
    }

    [Fact]
    public void Feed_SplitAtEveryPosition_SameProgressAsWhole()
    {
        var whole = BackupProgressParser.Parse(s_legacy);
        for (var at = 1; at < s_legacy.Length; at += 7)
        {
            var parser = new BackupProgressParser();
            parser.Feed(s_legacy[..at]);
            parser.Feed(s_legacy[at..]);
            parser.Flush();

            Assert.Equal(whole, parser.Progress);
        }
    }

    [Fact]
    public void Parse_DiskFullCapture_FailedWithCode105()
    {
        var progress = BackupProgressParser.Parse(File.ReadAllText(Path.Combine(TestPaths.Logs, "idevicebackup2-105-disk-full.txt")));

        Assert.Equal(BackupToolResult.Failed, progress.Result);
        Assert.Equal(105, progress.ErrorCode);
        Assert.Equal("Insufficient free disk space on drive to back up (MBErrorDomain/105)", progress.ErrorText);
        Assert.Equal(1287, progress.FilesReceived);
        Assert.Equal(2, progress.OverallPercent);
        Assert.True(progress.FullBackup);
    }

    [Fact]
    public void Parse_ConnectionLostCapture_AbortedWithToolError()
    {
        var progress = BackupProgressParser.Parse(File.ReadAllText(Path.Combine(TestPaths.Logs, "idevicebackup2-connection-lost.txt")));

        Assert.Equal(BackupToolResult.Aborted, progress.Result);
        Assert.Equal("ERROR: Could not receive from mobilebackup2 (-4)", progress.ErrorText);
        Assert.Equal(5310, progress.FilesReceived);
        Assert.Null(progress.ErrorCode);
    }

    [Fact]
    public void Parse_RefusedCapture_FailedBeforeStart()
    {
        var progress = BackupProgressParser.Parse(File.ReadAllText(Path.Combine(TestPaths.Logs, "idevicebackup2-refused.txt")));

        Assert.Equal(BackupToolResult.Failed, progress.Result);
        Assert.StartsWith("ERROR: Could not start backup process", progress.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LockedCapture_WaitedForPasscodeThenFailed208()
    {
        var parser = new BackupProgressParser();
        parser.Feed("Starting backup...\n*** Waiting for passcode to be entered on the device ***\n");
        Assert.Equal(BackupPhase.WaitingForPasscode, parser.Progress.Phase);

        parser.Feed("ErrorCode 208: Device locked (MBErrorDomain/208)\nReceived 0 files from device.\nBackup Failed (Error Code 208).\n");

        Assert.Equal(BackupToolResult.Failed, parser.Progress.Result);
        Assert.Equal(208, parser.Progress.ErrorCode);
    }

    [Fact]
    public void Feed_InterruptedBarThenErrorOnSameLine_BothRead()
    {
        var progress = BackupProgressParser.Parse("Receiving files\n\r" + Bar(20) + " (1.0 MB/5.0 MB)     ErrorCode 105: Insufficient free disk space on drive to back up (MBErrorDomain/105)\n");

        Assert.Equal(1_000_000, progress.TransferDone);
        Assert.Equal(105, progress.ErrorCode);
    }

    [Fact]
    public void Feed_SigintThenAborted_StoppingThenAborted()
    {
        var parser = new BackupProgressParser();
        parser.Feed("Receiving files\nExiting...\n");
        Assert.Equal(BackupPhase.Stopping, parser.Progress.Phase);

        parser.Feed("\r" + Bar(60) + " (6.0 MB/10.0 MB)     \nReceived 12 files from device.\nBackup Aborted.\n");

        Assert.Equal(BackupToolResult.Aborted, parser.Progress.Result);
        Assert.Equal(BackupPhase.Finished, parser.Progress.Phase);
    }

    private const string Save = "\u001b[s";
    private const string Restore = "\u001b[u";
    private const string Up = "\u001b[1A";
    private const string Clear = "\u001b[2K\r";

    private static string Block(int overall, string file, string transfer, string status) =>
        Restore + Up + Up + Up + Clear + "Backup     [" + new string('#', overall * 30 / 100) + new string('.', 30 - (overall * 30 / 100)) + "] " + overall.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3) + "%"
        + "\n" + Clear + "Receiving  " + file
        + "\n" + Clear + "           [===============>              ]  " + transfer + "     "
        + "\n" + Clear + "Status     " + status + Save;

    [Fact]
    public void Parse_Block140_OverallFileNamesTransferAndStatus()
    {
        var text = "Starting backup...\nBackup will be unencrypted.\nFull backup mode.\n\n\n\n" + Save
            + Block(5, "HomeDomain/Library/SMS/sms.db", "50.0%   1.2 MB / 2.4 MB", "Receiving files")
            + Block(5, "HomeDomain/Library/SMS/sms.db", "100.0%   2.4 MB / 2.4 MB", "Receiving files")
            + Block(20, "CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.HEIC", " 10.0%   300.0 KB / 3.0 MB", "Receiving files")
            + Block(80, "CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.HEIC", "100.0%   3.0 MB / 3.0 MB", "Moving 2 files")
            + "\n" + "Received 2 files from device.\nBackup Successful.\n";

        var parser = new BackupProgressParser();
        parser.Feed(text[..200]);
        Assert.Equal(BackupPhase.Receiving, parser.Progress.Phase);
        Assert.Equal(5, parser.Progress.OverallPercent);
        parser.Feed(text[200..]);
        parser.Flush();

        var progress = parser.Progress;
        Assert.Equal(2, progress.FilesSeen);
        Assert.Equal(2, progress.FilesReceived);
        Assert.Equal(3_000_000, progress.TransferTotal);
        Assert.Equal("CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.HEIC", progress.CurrentFile);
        Assert.Equal(BackupToolResult.Succeeded, progress.Result);
        Assert.False(progress.Encrypted);
    }

    [Theory]
    [InlineData("512 Bytes", 512L)]
    [InlineData("1.2 KB", 1_200L)]
    [InlineData("12.0 MB", 12_000_000L)]
    [InlineData("3.4 GB", 3_400_000_000L)]
    [InlineData("1.0 TB", 1_000_000_000_000L)]
    [InlineData("1,2 GB", null)]
    public void Size_FormatSizeText_Bytes(string text, long? expected) =>
        Assert.Equal(expected, BackupProgressParser.Size(text));

    [Fact]
    public void Parse_UnrelatedText_NothingChanges() =>
        Assert.Equal(BackupProgress.Start, BackupProgressParser.Parse("hello\n[not a bar]\nBackup of my photos\n"));
}
