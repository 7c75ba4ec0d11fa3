using System.Text.Json;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.DeviceActions;

/// <summary>`kiriwake backups create` against fake tools in the real formats, with the real knowledge base.</summary>
public sealed class BackupsCreateCommandTests
{
    private const string Udid = FakeTools.TrustedUdid;

    private static string Template(TempFolder temp, bool encrypted = false) =>
        BackupFixture.Create(Path.Combine(temp.Path, "template"), new BackupSpec(Files: 20, Encrypted: encrypted, Password: "hanako-1234", Date: TimeProvider.System.GetUtcNow()));

    [UnixFact]
    public async Task Create_FakeToolSucceedsEnglish_ExitZeroVerifiedAndGateOpen()
    {
        using var temp = new TempFolder();
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, Template(temp), FakeBackupTool.Ending.Success);
        var to = Path.Combine(temp.Path, "backups");

        var result = await CliRunner.RunAsync("backups", "create", "--tools", tools.Directory, "--to", to, "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("The backup finished and every file in it was checked.", result.Out, StringComparison.Ordinal);
        Assert.Contains("steps that erase the device can be taken", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"Hanako: iPhone\" (iPhone SE (2nd generation))", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(to, Udid, "Manifest.db")));
        Assert.Empty(Directory.GetFiles(to, "*.log"));
    }

    [UnixFact]
    public async Task Create_DiskFullJapaneseJson_ExitInterruptedFactsAndLogForDiagnose()
    {
        using var temp = new TempFolder();
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, Template(temp), FakeBackupTool.Ending.DiskFull);
        var to = Path.Combine(temp.Path, "backups");

        var result = await CliRunner.RunAsync("backups", "create", "--tools", tools.Directory, "--to", to, "--kb", RepoPaths.Knowledge, "--lang", "ja", "--format", "json");

        Assert.Equal(ExitCodes.BackupInterrupted, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("failed", root.GetProperty("status").GetString());
        Assert.Equal("バックアップは完了しませんでした。", root.GetProperty("summary").GetString());
        Assert.Equal(105, root.GetProperty("tool").GetProperty("errorCode").GetInt32());
        var facts = root.GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("backup:105", facts["log.error-code"]);
        Assert.Equal("true", facts["backup.destination-full"]);
        Assert.Equal("iphone-no-home", facts["device.button-family"]);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("symptom").GetString()));
        var log = root.GetProperty("logFile").GetString()!;
        Assert.Contains("ErrorCode 105", File.ReadAllText(log), StringComparison.Ordinal);

        // diagnose starts from the failure it saw.
        var diagnose = await CliRunner.RunAsync("analyze", log, "--kb", RepoPaths.Knowledge, "--lang", "en", "--format", "json");
        Assert.Contains("backup:105", diagnose.Out, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Create_EncryptedDevicePasswordOnStdin_CompleteAndNotInOutput()
    {
        using var temp = new TempFolder();
        using var tools = FakeTools.TrustedIphone().AddBackup(Udid, Template(temp, encrypted: true), FakeBackupTool.Ending.Success);
        var to = Path.Combine(temp.Path, "backups");

        var result = await CliRunner.RunWithInputAsync("hanako-1234\n", "backups", "create", "--tools", tools.Directory, "--to", to, "--kb", RepoPaths.Knowledge, "--lang", "ja");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("以前に設定したパスワード", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hanako-1234", result.Out + result.Error, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Create_EncryptedDeviceWrongPassword_WrongPasswordExit()
    {
        using var temp = new TempFolder();
        using var tools = FakeTools.TrustedIphone().AddBackup(Udid, Template(temp, encrypted: true), FakeBackupTool.Ending.Success);

        var result = await CliRunner.RunWithInputAsync("taro\n", "backups", "create", "--tools", tools.Directory, "--to", Path.Combine(temp.Path, "b"), "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.WrongPassword, result.ExitCode);
        Assert.Contains("does not open it", result.Out, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Create_DiskFullEnglish_NextStepsSayFreeSpaceThenNameTheToOption()
    {
        using var temp = new TempFolder();
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, Template(temp), FakeBackupTool.Ending.DiskFull);

        var result = await CliRunner.RunAsync("backups", "create", "--tools", tools.Directory, "--to", Path.Combine(temp.Path, "b"), "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.BackupInterrupted, result.ExitCode);
        var free = result.Out.IndexOf("Free space on this computer", StringComparison.Ordinal);
        var option = result.Out.IndexOf("name a folder there with --to", StringComparison.Ordinal);
        Assert.True(free >= 0 && option > free, result.Out);
    }

    [UnixFact]
    public async Task Create_ToolHangs_TimedOutExit()
    {
        using var temp = new TempFolder();
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, Template(temp), FakeBackupTool.Ending.Hang);

        var result = await CliRunner.RunAsync("backups", "create", "--tools", tools.Directory, "--to", Path.Combine(temp.Path, "b"), "--idle-timeout", "2", "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.TimedOut, result.ExitCode);
        Assert.Contains("made no progress for too long", result.Out, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Create_NoDevice_DeviceNotReadyWithFix()
    {
        using var temp = new TempFolder();
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-1.3.0-no-device"))
            .Add("irecovery", "-q", Capture.Load("irecovery-1.0.0-no-device"))
            .AddBackup(Udid, null, FakeBackupTool.Ending.Success);

        var result = await CliRunner.RunAsync("backups", "create", "--tools", tools.Directory, "--to", Path.Combine(temp.Path, "b"), "--kb", RepoPaths.Knowledge, "--lang", "ja");

        Assert.Equal(ExitCodes.DeviceNotReady, result.ExitCode);
        Assert.Contains("デバイスが見つかりません", result.Out, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task RecoveryEnter_AnsweredYes_EnteredExitZero()
    {
        using var tools = FakeTools.TrustedIphone()
            .AddScript("ideviceenterrecovery", Udid, $"echo 'Telling device with udid {Udid} to enter recovery mode.'; echo 'Device is successfully switching to recovery mode.'")
            .AddScript("irecovery", "-m", "echo 'Recovery Mode'");

        var result = await CliRunner.RunWithInputAsync("はい\n", "device", "recovery", "enter", "--tools", tools.Directory, "--kb", RepoPaths.Knowledge, "--lang", "ja");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("リカバリモードにします", result.Error, StringComparison.Ordinal);
        Assert.Contains("デバイスはリカバリモードになりました。", result.Out, StringComparison.Ordinal);
        Assert.Contains("DFU", result.Out, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task RecoveryEnter_NoAnswer_DeclinedToolNotRun()
    {
        using var temp = new TempFolder();
        var marker = Path.Combine(temp.Path, "ran");
        using var tools = FakeTools.TrustedIphone().AddScript("ideviceenterrecovery", "*", $"touch '{marker}'");

        var result = await CliRunner.RunAsync("device", "recovery", "enter", "--tools", tools.Directory, "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.Declined, result.ExitCode);
        Assert.Contains("--yes", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [UnixFact]
    public async Task RecoveryLeave_YesFlag_LeftJson()
    {
        using var temp = new TempFolder();
        var booted = Path.Combine(temp.Path, "booted");
        using var tools = new FakeTools()
            .Add("idevice_id", "-l", Capture.Load("idevice_id-1.3.0-no-device"))
            .Add("irecovery", "-q", Capture.Load("irecovery-recovery"))
            .AddScript("irecovery", "-n", $"touch '{booted}'")
            .AddScript("irecovery", "-m", $"if [ -f '{booted}' ]; then echo 'ERROR: Unable to connect to device' >&2; exit 255; else echo 'Recovery Mode'; fi");
        // After the reboot the device is listed again.
        File.WriteAllText(Path.Combine(tools.Directory, "idevice_id"), $"#!/bin/sh\nif [ -f '{booted}' ]; then echo '{Udid}'; fi\n");

        var result = await CliRunner.RunAsync("device", "recovery", "leave", "--yes", "--tools", tools.Directory, "--kb", RepoPaths.Knowledge, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("left", json.RootElement.GetProperty("status").GetString());
    }
}
