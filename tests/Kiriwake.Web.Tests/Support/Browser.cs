using Microsoft.Playwright;

namespace Kiriwake.Web.Tests.Support;

/// <summary>Playwright driving Debian's Chromium (Playwright cannot download its own browser here).</summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Chromium = browser;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A Japanese person on a phone (390×844, touch, ja-JP).</summary>
    public Task<IPage> PhoneAsync(string baseUrl) => PageAsync(baseUrl, 390, 844, "ja-JP", mobile: true);

    public async Task<IPage> PageAsync(string baseUrl, int width, int height, string locale, bool mobile)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            IsMobile = mobile,
            HasTouch = mobile,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale.StartsWith("ja", StringComparison.Ordinal) ? "ja-JP,ja;q=0.9" : "en-US,en;q=0.9" },
        });
        // CI runs the test projects side by side on two cores: a local-mode page runs the (fake) device tools, and
        // under that load one page can take longer than Playwright's 30 s default. Wait longer rather than fail.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
