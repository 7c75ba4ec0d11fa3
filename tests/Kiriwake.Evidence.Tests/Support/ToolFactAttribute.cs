namespace Kiriwake.Evidence.Tests.Support;

/// <summary>
/// A fact that runs a real installed tool. Skipped, with the reason, only when the tool is not on PATH (CI
/// installs Debian's libimobiledevice-utils and irecovery, so there it always runs).
/// </summary>
internal sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        var runner = new Kiriwake.Evidence.DeviceTools.ToolRunner();
        var missing = tools.Where(t => runner.Resolve(t) is null).ToList();
        if (missing.Count > 0)
        {
            Skip = $"Not installed: {string.Join(", ", missing)} (Debian: apt-get install libimobiledevice-utils irecovery).";
        }
    }
}
