using System.Text;
using Kiriwake.Core.Facts;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.DeviceTools;

/// <summary>
/// `backups create`'s engine against fake tools: a trusted iPhone SE (2nd generation) from captured runs and a
/// fake idevicebackup2 that prints the real tool's lines and writes a backup made by the fixture generator.
/// </summary>
public sealed class BackupMakerTests
{
    private const string Udid = FakeTools.TrustedUdid;

    private static readonly BackupMakerOptions s_fast = new(IdleTimeout: TimeSpan.FromSeconds(20), StopGrace: TimeSpan.FromSeconds(5));

    private static (TempFolder Temp, string Template, string Destination) Setup(bool encrypted = false, string password = "kiriwake-test")
    {
        var temp = new TempFolder();
        var templates = Path.Combine(temp.Path, "template");
        Directory.CreateDirectory(templates);
        // Dated now: a verified backup must be recent.
        var template = BackupFixture.Create(templates, new BackupSpec(Files: 30, Encrypted: encrypted, Password: password, Date: TimeProvider.System.GetUtcNow()));
        return (temp, template, Path.Combine(temp.Path, "backups"));
    }

    private static BackupMaker Maker(FakeTools tools, BackupMakerOptions? options = null) =>
        new(new ToolRunner(tools.Directory), TestKnowledge.Create(), TimeProvider.System, options ?? s_fast);

    private static Dictionary<string, string> Facts(BackupMakeResult result) =>
        result.Facts.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    [UnixFact]
    public async Task MakeAsync_FakeToolSucceeds_CompleteVerifiedWithProgressAndFamily()
    {
        var (temp, template, destination) = Setup();
        using var _ = temp;
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, template, FakeBackupTool.Ending.Success);
        var seen = new List<BackupMakeProgress>();

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(destination), null, new SyncProgress<BackupMakeProgress>(seen.Add), CancellationToken.None);

        Assert.Equal(BackupMakeStatus.Complete, result.Status);
        Assert.Equal(Path.Combine(destination, Udid), result.Folder);
        Assert.Equal(BackupVerdict.Complete, result.Report!.Verdict);
        Assert.True(result.Report.FilesChecked);
        Assert.Equal(BackupToolResult.Succeeded, result.Progress.Result);
        Assert.True(result.Progress.FilesReceived > 0);
        var facts = Facts(result);
        Assert.Equal("true", facts[FactKeys.BackupVerified]);
        // The connected device answers the model-family question.
        Assert.Equal("iphone-no-home", facts[FactKeys.DeviceButtonFamily]);
        Assert.Contains(seen, p => p.Stage == BackupMakeStage.BackingUp && p.Tool.TransferTotal > 0);
        Assert.Contains(seen, p => p.Tool.OverallPercent is > 0 and < 100);
        Assert.Contains(seen, p => p.Stage == BackupMakeStage.Verifying);
        Assert.False(Directory.Exists(Path.Combine(result.Folder!, "Snapshot")));
    }

    [UnixFact]
    public async Task MakeAsync_NewerToolFormat_CompleteWithFilesNamed()
    {
        var (temp, template, destination) = Setup();
        using var _ = temp;
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, template, FakeBackupTool.Ending.Success, newFormat: true);

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(destination), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.Complete, result.Status);
        Assert.True(result.Progress.FilesSeen > 1);
    }

    [UnixFact]
    public async Task MakeAsync_DiskFullHalfWay_FailedWithAnalyzerFactsAndSymptom()
    {
        var (temp, template, destination) = Setup();
        using var _ = temp;
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, template, FakeBackupTool.Ending.DiskFull);

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(destination), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.Failed, result.Status);
        Assert.Equal(151, result.Output!.ExitCode);
        Assert.Equal(105, result.Progress.ErrorCode);
        Assert.NotEqual(BackupVerdict.Complete, result.Report!.Verdict);
        var facts = Facts(result);
        Assert.Equal("backup:105", facts[FactKeys.ErrorCode]);
        Assert.Equal("true", facts[FactKeys.BackupLastIncomplete]);
        Assert.Equal("true", facts[FactKeys.BackupDestinationFull]);
        Assert.False(facts.ContainsKey(FactKeys.BackupVerified));
        Assert.NotNull(result.Failure!.SymptomId);
        Assert.Contains("computer-disk-full", result.Failure.Candidates.Select(c => c.SymptomId));
    }

    [UnixFact]
    public async Task MakeAsync_ToolHangs_TimedOutStoppedBySigintNotKilled()
    {
        var (temp, template, destination) = Setup();
        using var _ = temp;
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, template, FakeBackupTool.Ending.Hang);
        var options = s_fast with { IdleTimeout = TimeSpan.FromSeconds(2) };

        var result = await Maker(tools, options).MakeAsync(new BackupMakeRequest(destination), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.TimedOut, result.Status);
        Assert.Equal(ToolRunStatus.TimedOut, result.Output!.Status);
        Assert.False(result.Killed);
        Assert.Contains("Exiting...", result.Output.Stderr, StringComparison.Ordinal);
        Assert.Equal(BackupToolResult.Aborted, result.Progress.Result);
        Assert.Equal("true", Facts(result)[FactKeys.BackupLastIncomplete]);
    }

    [UnixFact]
    public async Task MakeAsync_ToolIgnoresSigint_KilledAfterGrace()
    {
        var (temp, template, destination) = Setup();
        using var _ = temp;
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, template, FakeBackupTool.Ending.IgnoresInterrupt);
        var options = s_fast with { IdleTimeout = TimeSpan.FromSeconds(1), StopGrace = TimeSpan.FromSeconds(1) };

        var result = await Maker(tools, options).MakeAsync(new BackupMakeRequest(destination), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.TimedOut, result.Status);
        Assert.True(result.Killed);
    }

    [UnixFact]
    public async Task MakeAsync_CancelledWhileReceiving_ToolAbortsCleanlyAndResultCancelled()
    {
        var (temp, template, destination) = Setup();
        using var _ = temp;
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, template, FakeBackupTool.Ending.Success, stepSeconds: 1);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress<BackupMakeProgress>(p =>
        {
            if (p.Tool.Phase == BackupPhase.Receiving)
            {
                cancel.Cancel();
            }
        });

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(destination), null, progress, cancel.Token);

        Assert.Equal(BackupMakeStatus.Cancelled, result.Status);
        Assert.Equal(ToolRunStatus.Stopped, result.Output!.Status);
        Assert.False(result.Killed);
        Assert.Contains("Backup Aborted.", result.Output.Stdout, StringComparison.Ordinal);
        Assert.Equal("true", Facts(result)[FactKeys.BackupLastIncomplete]);
        Assert.NotEqual(BackupVerdict.Complete, result.Report!.Verdict);
    }

    [UnixFact]
    public async Task MakeAsync_EncryptedDeviceRightPassword_CompleteAndDecrypted()
    {
        var (temp, template, destination) = Setup(encrypted: true, password: "hanako-1234");
        using var _ = temp;
        using var tools = FakeTools.TrustedIphone().AddBackup(Udid, template, FakeBackupTool.Ending.Success);

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(destination, Password: Encoding.UTF8.GetBytes("hanako-1234")), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.Complete, result.Status);
        Assert.True(result.Report!.Encrypted);
        Assert.True(result.Report.Files!.Decrypted > 0);
        Assert.Equal("true", Facts(result)[FactKeys.BackupVerified]);
    }

    [UnixFact]
    public async Task MakeAsync_EncryptedDeviceWrongPassword_PasswordMismatchGateClosed()
    {
        var (temp, template, destination) = Setup(encrypted: true, password: "hanako-1234");
        using var _ = temp;
        using var tools = FakeTools.TrustedIphone().AddBackup(Udid, template, FakeBackupTool.Ending.Success);

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(destination, Password: Encoding.UTF8.GetBytes("taro-0000")), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.PasswordMismatch, result.Status);
        Assert.Equal("false", Facts(result)[FactKeys.BackupVerified]);
    }

    [UnixFact]
    public async Task MakeAsync_EncryptedDeviceNoPassword_PasswordNeededToolNotRun()
    {
        var (temp, template, destination) = Setup(encrypted: true);
        using var _ = temp;
        using var tools = FakeTools.TrustedIphone().AddBackup(Udid, template, FakeBackupTool.Ending.Success);

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(destination), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.PasswordNeeded, result.Status);
        Assert.False(Directory.Exists(destination));
    }

    [UnixFact]
    public async Task MakeAsync_EncryptTurnsOn_PasswordOnStdinNeverInArguments()
    {
        var (temp, template, destination) = Setup(encrypted: true, password: "new pass-42");
        using var _ = temp;
        var record = Path.Combine(temp.Path, "record");
        Directory.CreateDirectory(record);
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml")
            .AddEncryptionOn(Udid, record)
            .AddBackup(Udid, template, FakeBackupTool.Ending.Success);

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(destination, Encrypt: true, Password: Encoding.UTF8.GetBytes("new pass-42")), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.Complete, result.Status);
        Assert.Equal("new pass-42\nnew pass-42\n", File.ReadAllText(Path.Combine(record, "stdin.txt")));
        Assert.DoesNotContain("new pass", File.ReadAllText(Path.Combine(record, "args.txt")), StringComparison.Ordinal);
        Assert.DoesNotContain("new pass", result.Output!.CommandLine, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task MakeAsync_EncryptWithNonAsciiPassword_RefusedBeforeAnyTool()
    {
        var (temp, template, destination) = Setup();
        using var _ = temp;
        var record = Path.Combine(temp.Path, "record");
        Directory.CreateDirectory(record);
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddEncryptionOn(Udid, record);

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(destination, Encrypt: true, Password: Encoding.UTF8.GetBytes("はなこ")), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.PasswordUnsupported, result.Status);
        Assert.False(File.Exists(Path.Combine(record, "args.txt")));
    }

    [UnixFact]
    public async Task MakeAsync_DeviceAwaitingTrust_DeviceNotReadyWithConnectionFacts()
    {
        using var temp = new TempFolder();
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-two-devices"))
            .Add("ideviceinfo", $"-u {Udid} -x", Capture.Load("ideviceinfo-master-trust-pending"))
            .Add("ideviceinfo", $"-u {Udid} -s -x", Capture.Load("ideviceinfo-simple-untrusted-xml"))
            .AddBackup(Udid, null, FakeBackupTool.Ending.Success);

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(Path.Combine(temp.Path, "b")), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.DeviceNotReady, result.Status);
        Assert.Equal(ConnectionState.TrustPending, result.Device.State);
        Assert.Equal("trust-pending", Facts(result)[FactKeys.DeviceConnection]);
        Assert.Null(result.Output);
    }

    [UnixFact]
    public async Task MakeAsync_BackupToolNotInstalled_ToolMissing()
    {
        using var temp = new TempFolder();
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml");

        var result = await Maker(tools).MakeAsync(new BackupMakeRequest(Path.Combine(temp.Path, "b")), null, null, CancellationToken.None);

        Assert.Equal(BackupMakeStatus.ToolMissing, result.Status);
    }

    [Theory]
    [InlineData("abc DEF 123 !~", true)]
    [InlineData("", false)]
    [InlineData("tab\there", false)]
    [InlineData("パスワード", false)]
    public void PromptAccepts_Characters_OnlyPrintableAscii(string password, bool expected) =>
        Assert.Equal(expected, BackupMaker.PromptAccepts(Encoding.UTF8.GetBytes(password)));

    /// <summary>IProgress that reports on the caller's thread, so a test sees every report before the call returns.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
