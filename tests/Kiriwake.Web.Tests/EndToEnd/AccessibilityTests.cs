using System.Text.Json;
using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kiriwake.Web.Tests.EndToEnd;

/// <summary>
/// axe-core (from the npm registry, vendored under Vendor/) run in Chromium on the main pages, in Japanese on a
/// phone and in English on a desktop. The test serves axe itself at a same-origin address, so the app's
/// Content-Security-Policy (no inline script) stays on.
/// </summary>
public sealed class AccessibilityTests
{
    private static readonly string AxePath = Path.Combine(AppContext.BaseDirectory, "Vendor", "axe.min.js");

    [ChromiumFact]
    public async Task MainPages_PhoneJapaneseAndDesktopEnglish_HaveNoAxeViolations()
    {
        await using var server = await LiveServer.StartAsync(o => o with { LocalEvidence = true });
        await using var browser = await Browser.LaunchAsync();
        var problems = new List<string>();
        foreach (var (width, height, locale, mobile) in new[] { (390, 844, "ja-JP", true), (1280, 800, "en-US", false) })
        {
            var page = await browser.PageAsync(server.BaseUrl, width, height, locale, mobile);
            await page.RouteAsync("**/__test/axe.js", route => route.FulfillAsync(new RouteFulfillOptions { Path = AxePath, ContentType = "text/javascript" }));
            var paths = new List<string> { "/", "/kb/codes", "/kb/procedures", "/kb/checklists", "/kb/checklists/ten-minute-check", "/kb/faq?q=iCloud", "/kb/flow", "/local/backups" };
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                problems.AddRange(await ViolationsAsync(page, $"{locale} {path}"));
            }

            // A step page, the gate and the end page of a real diagnosis.
            await page.GotoAsync("/");
            await page.FillAsync("#code", "4013");
            await page.ClickAsync("#begin");
            problems.AddRange(await ViolationsAsync(page, $"{locale} step"));
            await DiagnosisInBrowserTests.AnswerUntilAsync(page, _ => null, stopAt: "backup-verified");
            problems.AddRange(await ViolationsAsync(page, $"{locale} gate"));
            await page.ClickAsync("button[data-answer=no]");
            await DiagnosisInBrowserTests.AnswerUntilAsync(page, _ => null);
            problems.AddRange(await ViolationsAsync(page, $"{locale} end"));
            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [ChromiumFact]
    public async Task StaffPages_PhoneJapaneseAndDesktopEnglish_HaveNoAxeViolations()
    {
        // Server mode (a helpdesk): the person's pages offer the hand-over; staff sign in.
        await using var server = await LiveServer.StartAsync(o => o with { LocalEvidence = false });
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<HelpdeskAccounts>();
            Assert.Empty(await accounts.AddAsync("kimura", "correct horse battery", "admin", "test", CancellationToken.None));
        }

        await using var browser = await Browser.LaunchAsync();
        var problems = new List<string>();
        foreach (var (width, height, locale, mobile) in new[] { (390, 844, "ja-JP", true), (1280, 800, "en-US", false) })
        {
            var page = await browser.PageAsync(server.BaseUrl, width, height, locale, mobile);
            await page.RouteAsync("**/__test/axe.js", route => route.FulfillAsync(new RouteFulfillOptions { Path = AxePath, ContentType = "text/javascript" }));

            // The person: a diagnosis, then the hand-over page with its code.
            await page.GotoAsync("/");
            await page.FillAsync("#code", "4013");
            await page.ClickAsync("#begin");
            await page.ClickAsync("#handover");
            await page.WaitForSelectorAsync("#case-code");
            problems.AddRange(await ViolationsAsync(page, $"{locale} handover"));
            var code = (await page.TextContentAsync("#case-code"))!.Trim();

            // Staff: sign-in, queue, the case, its package, analytics, the learning page.
            await page.GotoAsync("/helpdesk/sign-in");
            problems.AddRange(await ViolationsAsync(page, $"{locale} sign-in"));
            await page.FillAsync("#name", "kimura");
            await page.FillAsync("#password", "correct horse battery");
            await page.ClickAsync("button[type=submit].primary");
            await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
            foreach (var path in new[] { "/helpdesk", "/helpdesk/cases", $"/helpdesk/cases/{code}", $"/helpdesk/cases/{code}/package", "/helpdesk/analytics", "/helpdesk/admin/learning" })
            {
                await page.GotoAsync(path);
                Assert.DoesNotContain("/sign-in", page.Url, StringComparison.Ordinal);
                problems.AddRange(await ViolationsAsync(page, $"{locale} {path.Replace(code, "CODE", StringComparison.Ordinal)}"));
            }

            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string where)
    {
        await Screens.SaveAsync(page, string.Concat(where.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')));
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/__test/axe.js" });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }); if (r.passes.length < 5) throw new Error('axe checked nothing'); return r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })); }");
        return json.EnumerateArray()
            .Select(v => $"{where}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToArray();
    }
}
