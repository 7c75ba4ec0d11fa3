using System.Text.Json;
using Kiriwake.Cli;
using Kiriwake.Evidence.Tests.Fixtures;

namespace Kiriwake.Cli.Tests.Backups;

public sealed class BackupsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    [Fact]
    public async Task Verify_CompleteBackupDeepJson_ExitsZeroWithTheIssueKeysAndTouchesNothing()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 30));
        var before = BackupDamage.Snapshot(folder);

        var (exit, output, _) = await BackupsCli.RunAsync("", "backups", "verify", folder, "--deep", "--format", "json");

        Assert.Equal(ExitCodes.Success, exit);
        var json = Json(output);
        Assert.Equal("complete", json.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("phase").ValueKind);
        Assert.False(json.GetProperty("encrypted").GetBoolean());
        Assert.Equal(30, json.GetProperty("files").GetInt64());
        Assert.Equal(0, json.GetProperty("missing").GetInt64());
        Assert.Equal(0, json.GetProperty("wrongSize").GetInt64());
        Assert.Equal(0, json.GetProperty("orphans").GetInt64());
        Assert.True(json.GetProperty("logicalBytes").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("missingExamples").ValueKind);
        Assert.Contains(json.GetProperty("facts").EnumerateArray(), f => f.GetProperty("key").GetString() == "backup.last-incomplete" && f.GetProperty("value").GetString() == "false");
        Assert.Equal(before, BackupDamage.Snapshot(folder));
    }

    [Fact]
    public async Task Verify_InterruptedWhileMoving_ExitsBackupInterruptedWithPhase()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        BackupDamage.SetPhase(folder, "moving");

        var (exit, output, _) = await BackupsCli.RunAsync("", "backups", "verify", folder, "--format", "json");

        Assert.Equal(ExitCodes.BackupInterrupted, exit);
        Assert.Equal("moving", Json(output).GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Verify_MissingFileText_ExitsInconsistentAndNamesTheFileInJapanese()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        string missing = BackupDamage.NonEmptyBlobs(folder)[0];
        BackupDamage.DeleteBlob(folder, missing);

        var (exit, output, _) = await BackupsCli.RunAsync("", "backups", "verify", folder, "--deep", "--lang", "ja");

        Assert.Equal(ExitCodes.BackupInconsistent, exit);
        Assert.Contains("不整合", output, StringComparison.Ordinal);
        Assert.Contains(missing, output, StringComparison.Ordinal);
        Assert.Contains("files-missing", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not sqlite", ExitCodes.BackupUnreadable)]
    [InlineData("truncated status", ExitCodes.BackupUnreadable)]
    [InlineData("not a backup", ExitCodes.NotABackup)]
    [InlineData("no such folder", ExitCodes.NotFound)]
    public async Task Verify_BadInput_GivesNamedExitCodeAndNoStackTrace(string damage, int expected)
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());
        switch (damage)
        {
            case "not sqlite":
                File.WriteAllBytes(Path.Combine(folder, "Manifest.db"), new byte[5000]);
                break;
            case "truncated status":
                BackupDamage.Truncate(Path.Combine(folder, "Status.plist"), 20);
                break;
            case "not a backup":
                folder = Directory.CreateDirectory(Path.Combine(_temp.Path, "photos")).FullName;
                break;
            default:
                folder = Path.Combine(_temp.Path, "gone");
                break;
        }

        var (exit, output, error) = await BackupsCli.RunAsync("", "backups", "verify", folder, "--deep");

        Assert.Equal(expected, exit);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kiriwake-test", ExitCodes.Success, true)]
    [InlineData("wrong", ExitCodes.WrongPassword, false)]
    public async Task CheckPassword_FromStdin_SaysWhetherItOpens(string password, int expected, bool correct)
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Encrypted: true));

        var (exit, output, _) = await BackupsCli.RunAsync(password + "\n", "backups", "check-password", folder, "--format", "json");

        Assert.Equal(expected, exit);
        Assert.Equal(correct, Json(output).GetProperty("correct").GetBoolean());
    }

    [Fact]
    public async Task CheckPassword_NoPasswordOnStdin_ExitsPasswordNeeded()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Encrypted: true));

        var (exit, _, _) = await BackupsCli.RunAsync("", "backups", "check-password", folder);

        Assert.Equal(ExitCodes.PasswordNeeded, exit);
    }

    [Fact]
    public async Task CheckPassword_UnencryptedBackup_ExitsNotEncrypted()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec());

        var (exit, output, _) = await BackupsCli.RunAsync("x\n", "backups", "check-password", folder, "--lang", "en");

        Assert.Equal(ExitCodes.NotEncrypted, exit);
        Assert.Contains("not encrypted", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EncryptedWithoutPassword_ReadsMetadataOnly()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Encrypted: true));

        var (exit, output, _) = await BackupsCli.RunAsync("", "backups", "verify", folder, "--deep", "--format", "json");

        var json = Json(output);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.True(json.GetProperty("encrypted").GetBoolean());
        Assert.False(json.GetProperty("filesChecked").GetBoolean());
        Assert.Contains(json.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "encrypted-needs-password");
    }

    [Fact]
    public async Task Verify_EncryptedDeepWithPassword_DecryptsEveryFileAndTouchesNothing()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 20, Encrypted: true));
        var before = BackupDamage.Snapshot(folder);
        int tempsBefore = Directory.GetDirectories(Path.GetTempPath(), "kiriwake-manifest-*").Length;

        var (exit, output, _) = await BackupsCli.RunAsync("kiriwake-test\n", "backups", "verify", folder, "--deep", "--password", "--format", "json");

        var json = Json(output);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.True(json.GetProperty("filesChecked").GetBoolean());
        Assert.Equal(20, json.GetProperty("decrypted").GetInt64());
        Assert.Equal(0, json.GetProperty("decryptFailed").GetInt64());
        Assert.Equal(before, BackupDamage.Snapshot(folder));
        Assert.Equal(tempsBefore, Directory.GetDirectories(Path.GetTempPath(), "kiriwake-manifest-*").Length);
    }

    [Fact]
    public async Task Verify_EncryptedWithWrongPassword_ExitsWrongPassword()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Encrypted: true));

        var (exit, _, _) = await BackupsCli.RunAsync("nope\n", "backups", "verify", folder, "--password");

        Assert.Equal(ExitCodes.WrongPassword, exit);
    }

    [Fact]
    public async Task Sizes_Json_GroupsLineAppGroupAndPluginUnderOneApp()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 200));

        var (exit, output, _) = await BackupsCli.RunAsync("", "backups", "sizes", folder, "--format", "json");

        Assert.Equal(ExitCodes.Success, exit);
        var json = Json(output);
        var apps = json.GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("bundleId").GetString()).ToArray();
        Assert.Contains("jp.naver.line", apps);
        Assert.DoesNotContain("jp.naver.line.Share", apps);
        Assert.DoesNotContain(apps, a => a!.StartsWith("group.", StringComparison.Ordinal));
        var categories = json.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()).ToArray();
        Assert.Contains("line", categories);
        Assert.Contains("photos", categories);
        long sum = json.GetProperty("categories").EnumerateArray().Sum(c => c.GetProperty("bytes").GetInt64());
        Assert.Equal(json.GetProperty("totalBytes").GetInt64(), sum);
    }

    [Fact]
    public async Task Sizes_Text_DrawsBarChartsInEnglish()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 50));

        var (exit, output, _) = await BackupsCli.RunAsync("", "backups", "sizes", folder, "--lang", "en");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Biggest apps", output, StringComparison.Ordinal);
        Assert.Contains("█", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_RootWithTwoBackups_ListsBothWithVerdicts()
    {
        BackupFixture.Create(_temp.Path, new BackupSpec(Seed: 1));
        string second = BackupFixture.Create(_temp.Path, new BackupSpec(Seed: 2, DeviceName: "iPad"));
        BackupDamage.SetPhase(second, "uploading");
        Directory.CreateDirectory(Path.Combine(_temp.Path, "iMazing.Versions"));

        var (exit, output, _) = await BackupsCli.RunAsync("", "backups", "list", "--root", _temp.Path, "--format", "json");

        Assert.Equal(ExitCodes.Success, exit);
        var backups = Json(output).GetProperty("backups").EnumerateArray().ToArray();
        Assert.Equal(2, backups.Length);
        Assert.Contains(backups, b => b.GetProperty("verdict").GetString() == "interrupted" && b.GetProperty("deviceName").GetString() == "iPad");
        Assert.All(backups, b => Assert.True(b.GetProperty("diskBytes").GetInt64() > 0));
    }

    [Fact]
    public async Task List_TextInJapanese_RendersTheTable()
    {
        BackupFixture.Create(_temp.Path, new BackupSpec());

        var (exit, output, _) = await BackupsCli.RunAsync("", "backups", "list", "--root", _temp.Path, "--lang", "ja");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("太郎のiPhone", output, StringComparison.Ordinal);
        Assert.Contains("完了", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sizes_EncryptedWithoutPassword_ExitsPasswordNeeded()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Encrypted: true));

        var (exit, _, error) = await BackupsCli.RunAsync("", "backups", "sizes", folder, "--lang", "en");

        Assert.Equal(ExitCodes.PasswordNeeded, exit);
        Assert.Contains("--password", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sizes_EncryptedWithPassword_SumsTheDecryptedFileList()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 30, Encrypted: true));

        var (exit, output, _) = await BackupsCli.RunAsync("kiriwake-test\n", "backups", "sizes", folder, "--password", "--format", "json");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(30, Json(output).GetProperty("totalFiles").GetInt64());
    }
}
