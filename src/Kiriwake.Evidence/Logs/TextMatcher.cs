using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>
/// The one matcher from text to symptoms: a typed code ("4013", "エラー４０１３"), a pasted dialog, tool output or
/// a log. Pure: the same text and knowledge base always give the same answer. <c>explain</c>, <c>analyze</c>,
/// <c>diagnose --text/--log</c> and the web app all call <see cref="Match"/>.
/// </summary>
public static class TextMatcher
{
    // Later symptoms of a code's list are alternatives; each step down counts a little less.
    private const double RankDecay = 0.9;

    /// <param name="origin">Where the text came from, for the facts' source: a file name, "stdin" or "text".</param>
    public static TextMatch Match(string text, KnowledgeBase knowledge, string origin = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(origin);
        var analysis = LogAnalyzer.Analyze(text, knowledge);
        return new TextMatch(RankSymptoms(analysis.Findings, knowledge), Codes(analysis.Findings, knowledge), TextFacts.From(text, analysis.Findings, origin), analysis);
    }

    private static List<MatchedSymptom> RankSymptoms(IReadOnlyList<LogFinding> findings, KnowledgeBase knowledge)
    {
        // Findings that share a line are one observation (a dialog's message and its code; a code repeated in the
        // tool's closing line is already one finding): per observation a symptom counts once, at its best weight.
        // Separate observations add up.
        var observations = new List<(HashSet<int> Lines, Dictionary<string, double> Weights)>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (finding.Kind == FindingKind.KnownMessage)
            {
                foreach (var symptom in finding.Symptoms)
                {
                    named.TryAdd(symptom, finding.Message);
                }
            }

            var lines = finding.AlsoAt.Prepend(finding.Line).ToHashSet();
            var observation = observations.FirstOrDefault(o => o.Lines.Overlaps(lines));
            if (observation.Lines is null)
            {
                observation = (lines, new Dictionary<string, double>(StringComparer.Ordinal));
                observations.Add(observation);
            }
            else
            {
                observation.Lines.UnionWith(lines);
            }

            for (var rank = 0; rank < finding.Symptoms.Count; rank++)
            {
                var weight = finding.Confidence * Math.Pow(RankDecay, rank);
                observation.Weights[finding.Symptoms[rank]] = Math.Max(observation.Weights.GetValueOrDefault(finding.Symptoms[rank]), weight);
            }
        }

        return observations
            .SelectMany(o => o.Weights.Select(w => (Symptom: w.Key, Weight: w.Value, FirstLine: o.Lines.Min())))
            .GroupBy(x => x.Symptom, StringComparer.Ordinal)
            .Where(g => knowledge.Symptoms.ContainsKey(g.Key))
            .Select(g => new MatchedSymptom(
                knowledge.Symptoms[g.Key],
                Math.Round(1 - g.Aggregate(1.0, (rest, x) => rest * (1 - x.Weight)), 3),
                Math.Round(g.Sum(x => x.Weight), 3),
                g.Min(x => x.FirstLine),
                named.TryGetValue(g.Key, out var message) ? Wording(knowledge.Symptoms[g.Key], message) : null))
            .OrderByDescending(s => s.Weight)
            // On equal weight, a symptom whose own on-screen message is in the text is more specific than the
            // symptom list of a code, which names every place the code can appear.
            .ThenByDescending(s => s.Message is not null)
            .ThenBy(s => s.FirstLine)
            .ThenBy(s => s.Symptom.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The symptom's message in both languages, from the one-language wording that matched.</summary>
    private static LocalizedText? Wording(Symptom symptom, string matched) =>
        symptom.Messages.FirstOrDefault(m => m.Ja == matched || m.En == matched);

    private static List<MatchedCode> Codes(IReadOnlyList<LogFinding> findings, KnowledgeBase knowledge) =>
        findings
            .Where(f => f.Code is not null)
            .OrderByDescending(f => f.Confidence)
            .ThenBy(f => f.Line)
            .Select(f =>
            {
                var entry = knowledge.Content.ErrorCodes.FirstOrDefault(c => c.Code == f.Code && c.Domain == f.Domain);
                var ranges = entry is null
                    ? knowledge.Content.ErrorCodeRanges.Where(r => r.From <= f.Code && f.Code <= r.To && (f.Domain is null || r.Domain == f.Domain)).ToList()
                    : [];
                return new MatchedCode(f.Code!.Value, f.Domain, entry, ranges, f.Confidence, f.Line);
            })
            .ToList();
}
