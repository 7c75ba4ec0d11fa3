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

        return new KnowledgeBase(content);
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
