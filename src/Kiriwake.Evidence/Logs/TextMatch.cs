using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>
/// What a text (a code, a pasted dialog, tool output or a log) points to: the symptoms, most likely first, the
/// error codes found, the facts it establishes, and the line-by-line findings behind them. One answer for
/// <c>explain</c>, <c>analyze</c>, <c>diagnose --text/--log</c> and the web app.
/// </summary>
/// <param name="Symptoms">Ranked symptoms; the first is where a diagnosis starts.</param>
/// <param name="Codes">Error codes found, most certain first; <see cref="MatchedCode.Entry"/> is null for a number the knowledge base does not list.</param>
/// <param name="Facts">Facts the text established (the error code, restore or update, backup encryption and outcome).</param>
/// <param name="Analysis">The findings in line order (for showing where each was seen).</param>
public sealed record TextMatch(
    IReadOnlyList<MatchedSymptom> Symptoms,
    IReadOnlyList<MatchedCode> Codes,
    IReadOnlyList<Fact> Facts,
    LogAnalysis Analysis)
{
    /// <summary>True when the text pointed at a symptom or a listed code.</summary>
    public bool Found => Symptoms.Count > 0 || Codes.Any(c => c.Entry is not null);
}

/// <summary>
/// A symptom the text points to. <paramref name="Confidence"/> (0–1) combines the independent observations
/// that point to it; <paramref name="Weight"/> is their sum, used for ranking.
/// </summary>
/// <param name="Message">The knowledge base's wording that the text contains or resembles; null when only a code led here.</param>
public sealed record MatchedSymptom(Symptom Symptom, double Confidence, double Weight, int FirstLine, LocalizedText? Message);

/// <summary>An error number found in the text, with the knowledge base's entry when it lists the code, else the ranges it falls into.</summary>
public sealed record MatchedCode(int Code, ErrorDomain? Domain, ErrorCode? Entry, IReadOnlyList<ErrorCodeRange> Ranges, double Confidence, int Line);
