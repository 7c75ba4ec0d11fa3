using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>Where a diagnosis starts from a text: the most likely symptom, the others in order, and the facts the text established.</summary>
/// <param name="SymptomId">The symptom to diagnose, or null when nothing in the text points at one.</param>
public sealed record DiagnosisStart(string? SymptomId, IReadOnlyList<RankedSymptom> Candidates, IReadOnlyList<Fact> Facts);

/// <summary>A symptom with its weight (the summed confidence of the lines pointing at it) and the first line that did.</summary>
public sealed record RankedSymptom(string SymptomId, double Weight, int FirstLine);

/// <summary>Turns findings into the start of a diagnosis (<c>kiriwake diagnose --text/--log</c>).</summary>
public static class LogDiagnosis
{
    // Later symptoms of a code's list are alternatives; each step down counts a little less.
    private const double RankDecay = 0.9;

    /// <param name="origin">Where the text came from, for the facts' source: a file name, or "text".</param>
    public static DiagnosisStart Start(LogAnalysis analysis, string origin)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(origin);
        var candidates = Rank(analysis.Findings);
        var facts = Facts(analysis.Findings, origin);
        return new DiagnosisStart(candidates.FirstOrDefault()?.SymptomId, candidates, facts);
    }

    private static List<RankedSymptom> Rank(IReadOnlyList<LogFinding> findings)
    {
        // Findings that share a line are one observation (a dialog's message and its code; a code repeated in the
        // tool's closing line is already one finding): per observation a symptom counts once, at its best weight.
        // Separate observations add up.
        var observations = new List<(HashSet<int> Lines, Dictionary<string, double> Weights)>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (finding.Kind == FindingKind.KnownMessage)
            {
                named.UnionWith(finding.Symptoms);
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
            .Select(g => new RankedSymptom(g.Key, Math.Round(g.Sum(x => x.Weight), 3), g.Min(x => x.FirstLine)))
            .OrderByDescending(s => s.Weight)
            // On equal weight, a symptom whose own on-screen message is in the text is more specific than the
            // symptom list of a code, which names every place the code can appear.
            .ThenByDescending(s => named.Contains(s.SymptomId))
            .ThenBy(s => s.FirstLine)
            .ThenBy(s => s.SymptomId, StringComparer.Ordinal)
            .ToList();
    }

    private static List<Fact> Facts(IReadOnlyList<LogFinding> findings, string origin)
    {
        var facts = new List<Fact>();
        var source = new FactSource(FactSourceKind.Log, origin);
        var code = findings.Where(f => f.CodeKey is not null)
            .OrderByDescending(f => f.Confidence)
            .ThenBy(f => f.Line)
            .FirstOrDefault();
        if (code is not null)
        {
            facts.Add(new Fact(FactKeys.ErrorCode, code.CodeKey!, source, Where(code)));
        }

        // The last state line wins: a log may hold several runs, the latest is the one that matters.
        var encryption = findings.Where(f => f.Status is ToolLineStatus.BackupEncrypted or ToolLineStatus.BackupUnencrypted).MaxBy(f => f.Line);
        if (encryption is not null)
        {
            facts.Add(new Fact(FactKeys.DeviceBackupEncryption, encryption.Status == ToolLineStatus.BackupEncrypted ? "true" : "false", source, Where(encryption)));
        }

        var outcome = findings.Where(f => f.Status is ToolLineStatus.BackupSucceeded or ToolLineStatus.BackupFailed or ToolLineStatus.BackupAborted)
            .MaxBy(f => Math.Max(f.Line, f.AlsoAt.Count == 0 ? 0 : f.AlsoAt.Max()));
        if (outcome is not null)
        {
            facts.Add(new Fact(FactKeys.BackupLastIncomplete, outcome.Status == ToolLineStatus.BackupSucceeded ? "false" : "true", source, Where(outcome)));
        }

        return facts;
    }

    private static string Where(LogFinding finding) =>
        "line " + finding.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + finding.Excerpt;

    /// <summary>Convenience: analyze and start in one call.</summary>
    public static DiagnosisStart FromText(string text, KnowledgeBase knowledge, string origin) =>
        Start(LogAnalyzer.Analyze(text, knowledge), origin);
}
