using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Web.Tests.Support;
using Microsoft.Playwright;

namespace Kiriwake.Web.Tests.EndToEnd;

/// <summary>
/// A Japanese person on a phone, with an iPhone connected (fake libimobiledevice tools in the real formats), reaches
/// the backup gate of a 4013 diagnosis, lets Kiriwake make the backup, follows it on the self-refreshing page, and
/// goes on to the erase step that the verified backup allows.
/// </summary>
public sealed class DeviceBackupInBrowserTests
{
    [ChromiumFact]
    public async Task Diagnose_BackupMadeAtTheGateWithAConnectedIphone_ContinuesToTheEraseStep()
    {
        using var temp = new TempFolder();
        var template = BackupFixture.Create(Path.Combine(temp.Path, "template"), new BackupSpec(Files: 30, Date: TimeProvider.System.GetUtcNow()));
        using var tools = FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml")
            .AddBackup(FakeTools.TrustedUdid, template, FakeBackupTool.Ending.Success, stepSeconds: 0.3);
        await using var server = await LiveServer.StartAsync(o => o with
        {
            LocalEvidence = true,
            ToolsDirectory = tools.Directory,
            BackupLimits = new BackupMakerOptions(IdleTimeout: TimeSpan.FromSeconds(30), StopGrace: TimeSpan.FromSeconds(5)),
        });
        BackupFixture.Create(server.Options.BackupsDirectory!, new BackupSpec(Files: 10, Encrypted: true, Password: "hanako-1234", Date: TimeProvider.System.GetUtcNow().AddDays(-30)));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PhoneAsync(server.BaseUrl);

        // No model chosen: the connected iPhone answers that question.
        await page.GotoAsync("/");
        await page.FillAsync("#code", "4013");
        await page.SelectOptionAsync("#platform", "windows-itunes");
        await page.ClickAsync("#begin");
        var before = await DiagnosisInBrowserTests.AnswerUntilAsync(page, _ => null, stopAt: "backup-verified");
        Assert.DoesNotContain("device", before);
        Assert.DoesNotContain("dfu-restore", before);
        Assert.Contains("Hanako: iPhone", await page.TextContentAsync(".device-offer") ?? "", StringComparison.Ordinal);
        await Screens.SaveAsync(page, "phone-ja-gate-device-offer");

        await page.ClickAsync("#device-backup");
        await page.WaitForSelectorAsync("#job-running");
        Assert.Equal("バックアップを作っています", (await page.TextContentAsync("#job-title"))?.Trim());
        await page.WaitForSelectorAsync("#job-detail", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await Screens.SaveAsync(page, "phone-ja-backup-running");
        // The page refreshes itself (no script needed) until the result is there.
        await page.WaitForSelectorAsync("#job-result", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("全ファイルの確認も済みました", await page.TextContentAsync("#job-result") ?? "", StringComparison.Ordinal);
        await Screens.SaveAsync(page, "phone-ja-backup-done");

        await page.ClickAsync("#continue");
        var session = new Uri(page.Url).AbsolutePath.Split('/')[2];
        var after = await DiagnosisInBrowserTests.AnswerUntilAsync(page, step => step == "q-drop-or-liquid" ? "no" : null, stopAt: "dfu-restore");
        Assert.DoesNotContain("backup-verified", after);
        Assert.Equal("dfu-restore", after[^1]);
        Assert.Equal(1, await page.Locator(".risk-data-loss").CountAsync());
        await Screens.SaveAsync(page, "phone-ja-erase-after-backup");

        // The same pages on a desktop in English, for a person to look at.
        var desktop = await browser.PageAsync(server.BaseUrl, 1280, 900, "en-US", mobile: false);
        await desktop.GotoAsync("/local/backups/password");
        Assert.Equal(1, await desktop.Locator("input[type=password]").CountAsync());
        await Screens.SaveAsync(desktop, "desktop-en-password-check");
        await desktop.FillAsync("#password", "wrong-one");
        await desktop.ClickAsync("#check");
        Assert.Contains("does not open it", await desktop.TextContentAsync("#password-result") ?? "", StringComparison.Ordinal);
        await Screens.SaveAsync(desktop, "desktop-en-password-wrong");
        await desktop.GotoAsync($"/local/device?session={session}");
        Assert.Equal(1, await desktop.Locator("#use-device-facts").CountAsync());
        await Screens.SaveAsync(desktop, "desktop-en-device");
    }
}
