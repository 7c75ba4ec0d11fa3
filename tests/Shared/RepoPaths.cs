using System.Reflection;

namespace Kiriwake.Tests;

/// <summary>Where the repository and the shared folder beside it are (linked into every test project).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>../shared beside the repository: seeds, references and the sample backups.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The sample backups from public projects (read-only; never copied into the repository).</summary>
    public static string Samples => Path.Combine(Shared, "backup-samples");

    public static string Seed(string document) => Path.Combine(Shared, "seeds", document switch
    {
        "backup" => "000_2fa15794b6df3244.txt",
        "error-4013" => "004_e054a2776fc07b45.txt",
        _ => throw new ArgumentOutOfRangeException(nameof(document), document, "unknown seed document"),
    });

    private static string FindRoot()
    {
        var value = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "KiriwakeRepoRoot")?.Value;
        if (value is null || !Directory.Exists(value))
        {
            throw new InvalidOperationException("KiriwakeRepoRoot assembly metadata is missing; see tests/Directory.Build.props");
        }

        return value;
    }
}
