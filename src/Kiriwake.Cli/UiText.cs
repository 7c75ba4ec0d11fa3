using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli;

/// <summary>The CLI's own words, in both languages (the knowledge base holds everything else).</summary>
internal static class UiText
{
    public static readonly LocalizedText LintClean = new("知識ベースに問題はありません:", "The knowledge base has no problems:");
    public static readonly LocalizedText LintProblems = new("{0} 件の問題があります。", "{0} problem(s) found.");
}
