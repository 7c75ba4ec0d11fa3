using System.Runtime.InteropServices;

namespace Kiriwake.Cli.Tests.Distribution;

/// <summary>
/// A test that publishes the self-contained single-file command: minutes of work, so it runs where the run asks
/// for it (<c>KIRIWAKE_TEST_PUBLISH=1</c>, which <c>.ci/run</c> sets) and on Linux x64 only; otherwise it is
/// skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PublishFactAttribute : FactAttribute
{
    public const string Variable = "KIRIWAKE_TEST_PUBLISH";

    public PublishFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"publishing the single-file command takes minutes; .ci/run runs this test ({Variable}=1)";
        }
        else if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Skip = "publishes and runs the linux-x64 build: needs Linux on x64";
        }
    }
}
