using System.Text;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Web.Tests.Support;

namespace Kiriwake.Web.Tests.Local;

/// <summary>
/// Local mode's backup at the gate, through the pages, against fake tools in the real formats: the gate opens only
/// on a complete, verified backup; a failure's output becomes facts; a hang ends with a time-out; a wrong password
/// and a stop leave the gate closed.
/// </summary>
public sealed class DeviceBackupJobTests
{
    [UnixFact]
    public async Task Backup_ToolSucceeds_GateOpensWithVerifiedBackupAndModel()
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success);
        var id = await local.SessionAtGateAsync();

        var job = await local.StartBackupAsync(id);
        var sawProgress = false;
        var result = await local.WaitForResultAsync(job, html =>
        {
            sawProgress |= html.Contains("id=\"job-progress\"", StringComparison.Ordinal) && html.Contains("id=\"job-stop\"", StringComparison.Ordinal);
            return Task.CompletedTask;
        });

        Assert.True(sawProgress);
        Assert.Contains("notice ok", result, StringComparison.Ordinal);
        Assert.Contains("全ファイルの確認も済みました", result, StringComparison.Ordinal);
        var report = await local.ReportAsync(id);
        Assert.Equal("true", report.GetProperty("facts").GetProperty("backup.verified").GetString());
        Assert.Equal("iphone-no-home", report.GetProperty("facts").GetProperty("device.button-family").GetString());
        var step = (await local.SessionAsync(id)).GetProperty("step");
        Assert.NotEqual("gate", step.GetProperty("kind").GetString());
        Assert.True(Directory.Exists(Path.Combine(local.BackupsDirectory, LocalDeviceSetup.Udid)));
    }

    [UnixFact]
    public async Task Backup_DiskFullHalfWay_FactsRecordedAndGateStaysClosed()
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.DiskFull);
        var id = await local.SessionAtGateAsync();

        var result = await local.WaitForResultAsync(await local.StartBackupAsync(id));

        Assert.Contains("notice error", result, StringComparison.Ordinal);
        Assert.Contains("パソコンの空き容量を増やして", result, StringComparison.Ordinal);
        Assert.DoesNotContain("--to", result, StringComparison.Ordinal);
        var facts = (await local.ReportAsync(id)).GetProperty("facts");
        Assert.Equal("backup:105", facts.GetProperty("log.error-code").GetString());
        Assert.Equal("true", facts.GetProperty("backup.last-incomplete").GetString());
        Assert.False(facts.TryGetProperty("backup.verified", out var verified) && verified.GetString() == "true");
        Assert.Equal("backup-verified", (await local.SessionAsync(id)).GetProperty("step").GetProperty("id").GetString());
    }

    [UnixFact]
    public async Task Backup_ToolHangs_TimedOutMessageAndGateStaysClosed()
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Hang, idle: TimeSpan.FromSeconds(2));
        var id = await local.SessionAtGateAsync();

        var result = await local.WaitForResultAsync(await local.StartBackupAsync(id));

        Assert.Contains("バックアップが長い間進まなかったため止めました", result, StringComparison.Ordinal);
        Assert.Equal("true", (await local.ReportAsync(id)).GetProperty("facts").GetProperty("backup.last-incomplete").GetString());
        Assert.Equal("backup-verified", (await local.SessionAsync(id)).GetProperty("step").GetProperty("id").GetString());
    }

    [UnixFact]
    public async Task Backup_WrongPassword_SaysSoGateClosedAndPasswordInNoLogOrStore()
    {
        const string Typed = "taro-0000-secret";
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success, encryptedWith: "hanako-1234");
        var id = await local.SessionAtGateAsync();

        var result = await local.WaitForResultAsync(await local.StartBackupAsync(id, Typed));

        Assert.Contains("入力したパスワードでは開けません", result, StringComparison.Ordinal);
        Assert.False((await local.ReportAsync(id)).GetProperty("facts").TryGetProperty("backup.verified", out _));
        // The gate still asks: the person may try again with the right password, pick another backup, or accept the loss.
        Assert.Equal("backup-verified", (await local.SessionAsync(id)).GetProperty("step").GetProperty("id").GetString());
        Assert.NotEmpty(local.Logs);
        Assert.DoesNotContain(local.Logs, l => l.Contains(Typed, StringComparison.Ordinal));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(local.StoreFile)!, "sessions.db*"))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Typed)));
        }
    }

    [UnixFact]
    public async Task Backup_RightPassword_GateOpens()
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success, encryptedWith: "hanako-1234");
        var id = await local.SessionAtGateAsync();

        var result = await local.WaitForResultAsync(await local.StartBackupAsync(id, "hanako-1234"));

        Assert.Contains("notice ok", result, StringComparison.Ordinal);
        Assert.Equal("true", (await local.ReportAsync(id)).GetProperty("facts").GetProperty("backup.verified").GetString());
    }

    [UnixFact]
    public async Task Backup_EncryptionSwitchedOnFromThePage_PasswordOnStdinOnlyAndGateOpens()
    {
        const string Chosen = "Hanako-new-2026!";
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success, turnsOnEncryptionWith: Chosen);
        var id = await local.SessionAtGateAsync();
        Assert.Contains("id=\"device-encrypt\"", await local.Client.GetStringAsync($"/s/{id}"), StringComparison.Ordinal);

        var started = await local.PostBackupAsync(id, new Dictionary<string, string> { ["encrypt"] = "on", ["newPassword"] = Chosen, ["newPasswordAgain"] = Chosen });
        var result = await local.WaitForResultAsync(started.Headers.Location!.OriginalString);

        Assert.Contains("notice ok", result, StringComparison.Ordinal);
        Assert.Equal("true", (await local.ReportAsync(id)).GetProperty("facts").GetProperty("backup.verified").GetString());
        Assert.Equal($"{Chosen}\n{Chosen}\n", File.ReadAllText(Path.Combine(local.EncryptionRecord, "stdin.txt")));
        Assert.DoesNotContain(Chosen, File.ReadAllText(Path.Combine(local.EncryptionRecord, "args.txt")), StringComparison.Ordinal);
        Assert.DoesNotContain(local.Logs, l => l.Contains(Chosen, StringComparison.Ordinal));
    }

    [UnixTheory]
    [InlineData("", "", "2 回入力してください")]
    [InlineData("taro-0001", "taro-0002", "一致しません")]
    [InlineData("はなこのパスワード", "はなこのパスワード", "半角の英数字と記号")]
    public async Task Backup_EncryptWithBadNewPassword_ClearErrorWayBackAndNothingRuns(string password, string again, string said)
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success, turnsOnEncryptionWith: "unused-1234");
        var id = await local.SessionAtGateAsync();

        var refused = await local.PostBackupAsync(id, new Dictionary<string, string> { ["encrypt"] = "on", ["newPassword"] = password, ["newPasswordAgain"] = again });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(said, html, StringComparison.Ordinal);
        Assert.Contains($"id=\"error-back\" href=\"/s/{id}", html, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(local.EncryptionRecord, "args.txt")));
        Assert.Equal("backup-verified", (await local.SessionAsync(id)).GetProperty("step").GetProperty("id").GetString());
    }

    [UnixFact]
    public async Task Backup_StoppedByThePerson_ToolStopsCleanlyAndGateStaysClosed()
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success, stepSeconds: 1);
        var id = await local.SessionAtGateAsync();
        var job = await local.StartBackupAsync(id);
        var stopped = false;

        var result = await local.WaitForResultAsync(job, async html =>
        {
            // Stopped while files are being received (the detail line shows files and bytes).
            if (!stopped && html.Contains("id=\"job-detail\"", StringComparison.Ordinal))
            {
                var response = await local.Client.PostAsync(job + "/cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = LocalDeviceSetup.Token(html) }));
                Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
                stopped = true;
            }
        });

        Assert.True(stopped);
        Assert.Contains("バックアップを中止しました", result, StringComparison.Ordinal);
        Assert.Equal("true", (await local.ReportAsync(id)).GetProperty("facts").GetProperty("backup.last-incomplete").GetString());
        Assert.Equal("backup-verified", (await local.SessionAsync(id)).GetProperty("step").GetProperty("id").GetString());
    }

    [UnixFact]
    public async Task JobPage_UnknownJob_NotFoundWithAWayBack()
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success);
        var id = await local.SessionAtGateAsync();

        var response = await local.Client.GetAsync($"/s/{id}/device/jobs/0123456789abcdef0123456789abcdef");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"href=\"/s/{id}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
