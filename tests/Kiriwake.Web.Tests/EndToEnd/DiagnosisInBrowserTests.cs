using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Web.Tests.Support;
using Microsoft.Playwright;

namespace Kiriwake.Web.Tests.EndToEnd;

/// <summary>A Japanese person on a phone completes whole diagnoses in Chromium, with the pages only (no API).</summary>
public sealed class DiagnosisInBrowserTests
{
    [ChromiumFact]
    public async Task Diagnose_4013FixedByACable_OnAPhoneInJapanese_EndsFixedWithTheChecklist()
    {
        await using var server = await LiveServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PhoneAsync(server.BaseUrl);

        await page.GotoAsync("/");
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        await page.FillAsync("#code", "4013");
        await page.SelectOptionAsync("#family", "iphone-no-home");
        await page.SelectOptionAsync("#platform", "windows-itunes");
        await page.ClickAsync("#begin");
        var steps = await AnswerUntilAsync(page, step => step == "change-cable" ? "fixed" : null);

        Assert.Contains("change-cable", steps);
        Assert.Equal("解決しました", (await page.TextContentAsync("#end-title"))?.Trim());
        Assert.Contains("純正", await page.TextContentAsync(".notice.ok") ?? "", StringComparison.Ordinal);
        Assert.True(await page.Locator("#acceptance ~ ul li").CountAsync() > 0);
        await Screens.SaveAsync(page, "phone-ja-end-fixed");
    }

    [ChromiumFact]
    public async Task Diagnose_ICloudFull_ChosenByItsExactMessage_EndsFixed()
    {
        await using var server = await LiveServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PhoneAsync(server.BaseUrl);

        await page.GotoAsync("/");
        await Screens.SaveAsync(page, "phone-ja-start");
        await page.Locator("input[name=symptom][value=icloud-storage-full]").CheckAsync();
        var label = await page.Locator("label:has(input[value=icloud-storage-full]) .msg").TextContentAsync();
        Assert.Contains("iCloud", label ?? "", StringComparison.Ordinal);
        await page.ClickAsync("#begin");
        await Screens.SaveAsync(page, "phone-ja-step");
        var steps = await AnswerUntilAsync(page, _ => "fixed");

        Assert.NotEmpty(steps);
        Assert.Equal("解決しました", (await page.TextContentAsync("#end-title"))?.Trim());
    }

    [ChromiumFact]
    public async Task Diagnose_EraseStep_RefusedUntilALocalBackupIsVerified()
    {
        await using var server = await LiveServer.StartAsync(o => o with { LocalEvidence = true });
        BackupFixture.Create(server.Options.BackupsDirectory!, new BackupSpec(Date: TimeProvider.System.GetUtcNow().AddHours(-2)));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PhoneAsync(server.BaseUrl);
        await page.GotoAsync("/");
        await page.FillAsync("#code", "4013");
        await page.SelectOptionAsync("#family", "iphone-no-home");
        await page.SelectOptionAsync("#platform", "windows-itunes");
        await page.ClickAsync("#begin");

        // Nothing fixes it: the person reaches the gate, and refuses to erase without a backup.
        var before = await AnswerUntilAsync(page, _ => null, stopAt: "backup-verified");
        Assert.DoesNotContain("dfu-restore", before);
        Assert.Contains("消えるもの", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);
        await Screens.SaveAsync(page, "phone-ja-gate");
        await page.ClickAsync("button[data-answer=no]");
        var refused = await AnswerUntilAsync(page, _ => null);
        Assert.DoesNotContain("dfu-restore", refused);
        Assert.Equal("相談が必要です", (await page.TextContentAsync("#end-title"))?.Trim());
        await Screens.SaveAsync(page, "phone-ja-end-escalated");

        // Taking the refusal back and checking the backup on this computer opens the erase step.
        await page.ClickAsync("#undo");
        Assert.Equal("backup-verified", await StepAsync(page));
        await page.ClickAsync("#verify-backup");
        Assert.True(await page.Locator(".notice.ok").CountAsync() == 1, await page.TextContentAsync("main"));
        // With a backup the engine first rules out a hardware fault (no drop, no liquid: a phone that was dropped goes to
        // a repair shop, not to an erase), then offers the erase.
        var after = await AnswerUntilAsync(page, step => step == "q-drop-or-liquid" ? "no" : null, stopAt: "dfu-restore");
        Assert.Equal("dfu-restore", after[^1]);
        Assert.Equal(1, await page.Locator(".risk-data-loss").CountAsync());
    }

    /// <summary>Answers step pages (the chooser's answer, else "not-fixed", else the first) until the end page or <paramref name="stopAt"/>.</summary>
    internal static async Task<List<string>> AnswerUntilAsync(IPage page, Func<string, string?> choose, string? stopAt = null)
    {
        var seen = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var step = await StepAsync(page);
            if (step is null)
            {
                return seen;
            }

            seen.Add(step);
            if (step == stopAt)
            {
                return seen;
            }

            var answers = await page.Locator(".answers button").EvaluateAllAsync<string[]>("bs => bs.map(b => b.value)");
            var wanted = choose(step);
            var answer = wanted is not null && answers.Contains(wanted) ? wanted : answers.Contains("not-fixed") ? "not-fixed" : answers[0];
            await page.ClickAsync($".answers button[data-answer=\"{answer}\"]");
            // Wait for the page that follows (it no longer holds this step), then for it to be parsed. Waiting for a
            // load state alone raced with the navigation the click starts and hung now and then under load.
            await page.WaitForSelectorAsync($"body:not(:has(input[name=step][value=\"{step}\"]))", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }

        throw new InvalidOperationException("the diagnosis did not end within 60 steps");
    }

    internal static async Task<string?> StepAsync(IPage page) =>
        await page.Locator("input[name=step]").CountAsync() == 0 ? null : await page.Locator("input[name=step]").GetAttributeAsync("value");
}
