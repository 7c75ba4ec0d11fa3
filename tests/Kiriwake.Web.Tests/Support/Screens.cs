using Microsoft.Playwright;

namespace Kiriwake.Web.Tests.Support;

/// <summary>
/// Full-page screenshots for a person to look at: written to the folder KIRIWAKE_SCREENSHOTS names (read, never
/// set, by the tests), else nowhere.
/// </summary>
public static class Screens
{
    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Environment.GetEnvironmentVariable("KIRIWAKE_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + "-full.png"), FullPage = true });
    }
}
