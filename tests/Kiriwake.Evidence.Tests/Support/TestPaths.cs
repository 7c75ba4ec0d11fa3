namespace Kiriwake.Evidence.Tests.Support;

/// <summary>Where the test data lives: found from the repository root the build records in the assembly.</summary>
internal static class TestPaths
{
    public static string RepoRoot => Kiriwake.Tests.RepoPaths.Root;

    public static string TestData { get; } = Path.Combine(RepoRoot, "tests", "Kiriwake.Evidence.Tests", "TestData");

    public static string Tools => Path.Combine(TestData, "tools");

    public static string Logs => Path.Combine(TestData, "logs");

    public static string Log(string name) => File.ReadAllText(Path.Combine(Logs, name));
}
