namespace Kiriwake.Evidence.Tests.Support;

/// <summary>A fact that needs /bin/sh for its fake tools; skipped on Windows.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Fake tools are shell scripts; this test runs on Linux and macOS.";
        }
    }
}
