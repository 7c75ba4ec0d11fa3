namespace Kiriwake.Web.Tests.Support;

/// <summary>A test that drives Debian's Chromium through Playwright; skipped with the reason when it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"{ChromiumPath} is not installed (apt-get install chromium; .ci/run installs it)";
        }
    }
}
