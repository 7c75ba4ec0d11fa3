namespace Kiriwake.Knowledge;

/// <summary>The knowledge folder could not be loaded; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class KnowledgeLoadException : Exception
{
    public KnowledgeLoadException(IReadOnlyList<KnowledgeProblem> problems)
        : base(FormatMessage(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<KnowledgeProblem> Problems { get; }

    private static string FormatMessage(IReadOnlyList<KnowledgeProblem> problems) =>
        $"The knowledge base has {problems.Count} problem(s) / 知識ベースに {problems.Count} 件の問題があります:"
        + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
