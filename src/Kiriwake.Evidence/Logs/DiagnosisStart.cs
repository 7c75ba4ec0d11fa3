using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>Where a diagnosis starts from a text: the most likely symptom, the others in order, and the facts the text established.</summary>
/// <param name="SymptomId">The symptom to diagnose, or null when nothing in the text points at one (then the person chooses from the menu).</param>
public sealed record DiagnosisStart(string? SymptomId, IReadOnlyList<RankedSymptom> Candidates, IReadOnlyList<Fact> Facts);

/// <summary>A symptom with its weight (the summed confidence of the lines pointing at it), its confidence (0–1) and the first line that did.</summary>
public sealed record RankedSymptom(string SymptomId, double Weight, int FirstLine, double Confidence);

/// <summary>Turns what <see cref="TextMatcher"/> found into the start of a diagnosis (<c>kiriwake diagnose --text/--log</c>).</summary>
public static class LogDiagnosis
{
    public static DiagnosisStart Start(TextMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var candidates = match.Symptoms.Select(s => new RankedSymptom(s.Symptom.Id, s.Weight, s.FirstLine, s.Confidence)).ToList();
        return new DiagnosisStart(candidates.FirstOrDefault()?.SymptomId, candidates, match.Facts);
    }

    /// <summary>Match and start in one call.</summary>
    /// <param name="origin">Where the text came from, for the facts' source: a file name, "stdin" or "--text".</param>
    public static DiagnosisStart FromText(string text, KnowledgeBase knowledge, string origin) =>
        Start(TextMatcher.Match(text, knowledge, origin));
}
