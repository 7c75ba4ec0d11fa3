using System.Text.Json;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.DeviceActions;

/// <summary>
/// A whole interactive `diagnose --device` session with fake tools, typed line by line by a "person" who reads the
/// screen: nothing fixes the 4013 error, Kiriwake offers to make the backup, the person agrees, the backup is made
/// and verified, and the erase that was held back is offered.
/// </summary>
public sealed class DiagnoseDeviceSessionTests
{
    private const string Udid = FakeTools.TrustedUdid;

    [UnixTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Diagnose_DeviceInteractive_BackupOfferedMadeAndOnlyAVerifiedOneLetsTheEraseBeOffered(bool complete)
    {
        var ending = complete ? FakeBackupTool.Ending.Success : FakeBackupTool.Ending.DiskFull;
        using var temp = new TempFolder();
        var template = BackupFixture.Create(Path.Combine(temp.Path, "template"), new BackupSpec(Files: 20, Date: TimeProvider.System.GetUtcNow()));
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml").AddBackup(Udid, template, ending);
        ScreenReadingInput? input = null;
        var offers = 0;
        var erase = false;
        var backups = Path.Combine(temp.Path, "backups");
        var run = new CliRun("")
        {
            DeviceBackupFolder = backups,
            ReaderFor = screen => input = new ScreenReadingInput(screen, shown =>
            {
                if (shown.Contains("のバックアップを作ります", StringComparison.Ordinal))
                {
                    offers++;
                    return "はい";
                }

                // Every step: not fixed; every question: no (or its second choice when "no" is not one); an erase, once
                // offered, is where this person stops.
                if (shown.Contains("まだDFUモードを試していない", StringComparison.Ordinal))
                {
                    return "まだDFUモードを試していない";
                }

                if (shown.Contains("どなたのものですか", StringComparison.Ordinal))
                {
                    return "1";
                }

                if (shown.Contains("持ち主は同意しましたか", StringComparison.Ordinal))
                {
                    return "はい"; // It is this person's own iPhone.
                }

                if (shown.Contains("「いいえ」は選べません", StringComparison.Ordinal))
                {
                    return "2";
                }

                if (shown.Contains("データが消えるおそれがあります", StringComparison.Ordinal))
                {
                    erase = true;
                    return "中断";
                }

                return "いいえ";
            }),
        };

        var result = await CliRunner.RunInAsync(run, "diagnose", "--device", "--tools", tools.Directory, "--symptom", "restore-error-4013",
            "--kb", RepoPaths.Knowledge, "--lang", "ja", "--format", "json");

        Assert.Equal(1, offers);
        Assert.Contains(complete ? "バックアップが完了し、全ファイルの確認も済みました。" : "バックアップは完了しませんでした。", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        var facts = json.RootElement.GetProperty("facts");
        Assert.Equal("iphone-no-home", facts.GetProperty("device.button-family").GetString());
        Assert.Equal(complete, facts.TryGetProperty("backup.verified", out var verified) && verified.GetString() == "true");
        if (!complete)
        {
            Assert.Equal("backup:105", facts.GetProperty("log.error-code").GetString());
        }

        // The erase is shown only after a verified backup (the person stops there, so no erase is in the transcript).
        Assert.Equal(complete, erase);
        var risks = json.RootElement.GetProperty("transcript").EnumerateArray().Select(s => s.GetProperty("risk").GetString()).ToList();
        Assert.DoesNotContain("data-loss", risks);
        // The model question was never asked: the connected device answered it.
        Assert.DoesNotContain(input!.Transcript, t => t.Screen.Contains("機種を", StringComparison.Ordinal));
        Assert.Equal(complete, File.Exists(Path.Combine(backups, Udid, "Manifest.db")));
    }
}
