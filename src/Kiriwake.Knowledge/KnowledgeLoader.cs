using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Reading;
using Kiriwake.Knowledge.Validation;

namespace Kiriwake.Knowledge;

/// <summary>Loads a knowledge folder into a validated <see cref="KnowledgeBase"/>, or reports every problem in it.</summary>
public static class KnowledgeLoader
{
    /// <exception cref="KnowledgeLoadException">The folder has problems; all of them are listed.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static KnowledgeBase Load(string directory)
    {
        var (content, problems) = Read(directory);
        if (problems.Count > 0)
        {
            throw new KnowledgeLoadException(problems);
        }

        return new KnowledgeBase(content) { Version = Fingerprint(directory) };
    }

    /// <summary>The knowledge base's version as session logs record it: the first 12 hex digits of a SHA-256 over
    /// every YAML file's relative path and bytes, in ordinal path order (any change of content changes it).</summary>
    public static string Fingerprint(string directory)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(directory, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(relative + "\n"));
            hash.AppendData(File.ReadAllBytes(full));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>Every problem of the folder, in file order; empty when the folder is sound.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<KnowledgeProblem> Lint(string directory) => Read(directory).Problems;

    private static (KnowledgeContent Content, IReadOnlyList<KnowledgeProblem> Problems) Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Knowledge folder not found / 知識フォルダーがありません: {directory}");
        }

        var log = new ProblemLog();
        var content = new KnowledgeReader(directory, log).Read();
        new CrossReferenceValidator(content, log).Validate();
        new ModelRulesValidator(content, log).Validate();
        var ordered = log.Problems
            .OrderBy(p => p.File, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .ToList();
        return (content, ordered);
    }
}
