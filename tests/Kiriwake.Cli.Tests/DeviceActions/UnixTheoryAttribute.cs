namespace Kiriwake.Cli.Tests.DeviceActions;

/// <summary>A theory that needs /bin/sh for its fake tools; skipped on Windows.</summary>
internal sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Fake tools are shell scripts; this test runs on Linux and macOS.";
        }
    }
}
