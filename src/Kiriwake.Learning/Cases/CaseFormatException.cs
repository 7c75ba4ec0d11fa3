namespace Kiriwake.Learning.Cases;

/// <summary>Case files that cannot be learned from; <see cref="Problems"/> lists every problem as "file:line: message".</summary>
public sealed class CaseFormatException : Exception
{
    public CaseFormatException()
        : this([])
    {
    }

    public CaseFormatException(string message)
        : this([message])
    {
    }

    public CaseFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public CaseFormatException(IReadOnlyList<string> problems)
        : base(FormatMessage(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }

    /// <summary>At most this many problems are listed in the message (all of them stay in <see cref="Problems"/>).</summary>
    public const int MaxListed = 20;

    private static string FormatMessage(IReadOnlyList<string> problems)
    {
        var listed = problems.Take(MaxListed).Select(p => "  " + p);
        var more = problems.Count > MaxListed ? [$"  … {problems.Count - MaxListed} more / ほか {problems.Count - MaxListed} 件"] : Array.Empty<string>();
        return $"The case files have {problems.Count} problem(s) / ケースファイルに {problems.Count} 件の問題があります:"
            + Environment.NewLine + string.Join(Environment.NewLine, listed.Concat(more));
    }
}
