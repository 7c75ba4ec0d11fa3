using System.Reflection;

namespace Kiriwake.Evidence.Tests;

internal static class TestPaths
{
    public static string RepoRoot { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "KiriwakeRepoRoot").Value!;

    /// <summary>The shared sample backups beside the repository (read-only; never copied into the repo).</summary>
    public static string Samples { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "backup-samples"));
}
