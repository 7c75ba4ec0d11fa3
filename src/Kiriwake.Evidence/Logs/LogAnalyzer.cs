using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>
/// Finds error codes and known messages in pasted dialogs, idevicebackup2 and idevicerestore output and
/// iTunes / Apple Devices / Finder logs, and maps each to the knowledge base's symptoms and causes. A pure
/// function of the text and the knowledge base: the same input always gives the same findings.
/// </summary>
public static partial class LogAnalyzer
{
    public const int MaxExcerptLength = 200;

    // An exact known message is as strong as a tool's own error line; one matched around a name or an
    // ellipsis leaves room for a look-alike sentence, and so does a short, generic one ("iPhone Backup Failed").
    private const double ExactMessage = 0.95;
    private const double GappedMessage = 0.85;
    private const double ShortMessage = 0.8;
    private const int ShortMessageLength = 16;

    public static LogAnalysis Analyze(string text, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knowledge);
        if (text.Length == 0)
        {
            return LogAnalysis.Empty;
        }

        var index = new KnowledgeIndex(knowledge);
        if (BareCode(text, index) is { } typed)
        {
            return typed;
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var findings = new List<LogFinding>();
        for (var i = 0; i < lines.Length; i++)
        {
            List<LineFinding> found;
            try
            {
                found = LogLinePatterns.Match(lines[i]).ToList();
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // The patterns are linear; a line that still outran the timeout is skipped, never the whole log.
                continue;
            }

            foreach (var finding in found)
            {
                findings.Add(FromLine(finding, i + 1, lines[i], index));
            }
        }

        var matcher = new MessageMatcher(text);
        var located = matcher.FindAll(index.Messages.Select(m => m.Text).ToList());
        var matches = new List<(KnownMessage Message, MessageMatch At)>();
        for (var i = 0; i < located.Count; i++)
        {
            if (located[i] is { } at)
            {
                matches.Add((index.Messages[i], at));
            }
        }

        // "…could not be restored. An unknown error occurred" is inside "…An unknown error occurred (4013)": the longer, more specific wording wins.
        foreach (var (message, at) in matches.Where(m => !matches.Any(other => m.At.IsInside(other.At))))
        {
            findings.Add(FromMessage(message, at, lines[at.Line - 1], index));
        }

        // Sentences that say a known message in other words, only on lines where nothing else was found (a line
        // with a code is explained by its code).
        var exactLines = matches.SelectMany(m => Enumerable.Range(m.At.Line, m.At.EndLine - m.At.Line + 1)).ToHashSet();
        exactLines.UnionWith(findings.Select(f => f.Line));
        // Only symptoms' messages: a code is never claimed for a sentence that does not show it.
        var symptomMessages = index.Messages.Where(m => m.Code is null).ToList();
        foreach (var (line, message, confidence) in SimilarMessages.Find(lines, symptomMessages, exactLines))
        {
            findings.Add(FromMessage(message, new MessageMatch(line, line, 1, Exact: false, 0, 0), lines[line - 1], index) with { Confidence = confidence });
        }

        var merged = DropMessagesExplainedByCodes(Merge(findings));
        var formats = merged.Select(f => f.Format).Distinct().Order().ToList();
        return new LogAnalysis(merged, formats);
    }

    // A number typed on its own: "4013", "-1", "(4013)", "エラー４０１３", "error code 105".
    // Linear like every log pattern (issue 14): its runs of \s* would backtrack on a long line of spaces.
    private static readonly Regex s_bareCode = new(@"^\s*(?:(?:error|エラー)\s*(?:code|コード|番号)?\s*[:：#]?\s*)?[(]?\s*(?<code>-?\d{1,6})\s*[)]?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | LogLinePatterns.Linear, LogLinePatterns.MatchTimeout);

    // "error code (4013)" with its spaces is far shorter; anything longer is a line to analyse, not a typed code.
    private const int MaxBareCodeLength = 64;

    /// <summary>A typed code is certain; it may be listed in both domains (105 is a backup code and a restore code), and then both are findings.</summary>
    private static LogAnalysis? BareCode(string text, KnowledgeIndex index)
    {
        var trimmed = text.Normalize(NormalizationForm.FormKC).Trim();
        if (trimmed.Length > MaxBareCodeLength)
        {
            return null;
        }

        var match = s_bareCode.Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        var code = int.Parse(match.Groups["code"].Value, CultureInfo.InvariantCulture);
        var mappings = new[] { ErrorDomain.Restore, ErrorDomain.Backup }.Select(d => index.Map(d, code, domainCertain: true)).ToList();
        var known = mappings.Where(m => m.ConfidenceFactor >= 1).ToList();

        // A number no table lists: the domain whose ranges hold it (restore first), else restore with no meaning.
        var chosen = known.Count > 0 ? known : [mappings.FirstOrDefault(m => m.Meaning is not null) ?? mappings[0]];
        // An unlisted number only suggests its class (the meaning says so); it does not pick the class's symptoms.
        var findings = chosen.Select(m => new LogFinding(1, match.Groups["code"].Index + 1, [], Excerpt(text), FindingKind.ErrorCode, LogFormat.Dialog,
            m.Domain, code, trimmed, m.Meaning, known.Count > 0 ? m.Symptoms : [], known.Count > 0 ? m.Causes : [], Math.Round(m.ConfidenceFactor, 2))).ToList();
        return new LogAnalysis(findings, [LogFormat.Dialog]);
    }

    private static LogFinding FromLine(LineFinding found, int line, string lineText, KnowledgeIndex index)
    {
        if (found is { Code: { } code, Domain: { } domain })
        {
            var certain = found.Format is LogFormat.Idevicebackup2 or LogFormat.Idevicerestore;
            var mapping = index.Map(domain, code, certain);
            return new LogFinding(line, found.Column, [], Excerpt(lineText), found.Kind, found.Format, mapping.Domain, code, found.Message,
                mapping.Meaning ?? found.Meaning, mapping.Symptoms, mapping.Causes, Math.Round(found.Confidence * mapping.ConfidenceFactor, 2), found.Status);
        }

        return new LogFinding(line, found.Column, [], Excerpt(lineText), found.Kind, found.Format, found.Domain, null, found.Message,
            found.Meaning, [], [], found.Confidence, found.Status);
    }

    private static LogFinding FromMessage(KnownMessage message, MessageMatch at, string lineText, KnowledgeIndex index)
    {
        var (line, column) = (at.Line, at.Column);
        var confidence = at.End - at.Start < ShortMessageLength ? ShortMessage : at.Exact ? ExactMessage : GappedMessage;
        // A message wrapped over several lines is seen on each of them.
        IReadOnlyList<int> alsoAt = Enumerable.Range(at.Line + 1, at.EndLine - at.Line).ToList();
        if (message.Code is { } code)
        {
            var mapping = index.Map(code.Domain, code.Code, domainCertain: true);
            return new LogFinding(line, column, alsoAt, Excerpt(lineText), FindingKind.KnownMessage, LogFormat.Dialog, code.Domain, code.Code,
                message.Text, code.Meaning, mapping.Symptoms, mapping.Causes, confidence);
        }

        var symptomId = message.SymptomId!;
        return new LogFinding(line, column, alsoAt, Excerpt(lineText), FindingKind.KnownMessage, LogFormat.Dialog, null, null,
            message.Text, null, [symptomId], index.CausesOf(symptomId), confidence);
    }

    /// <summary>The same code (or the same known message) found again is one finding seen on several lines.</summary>
    private static List<LogFinding> Merge(List<LogFinding> findings)
    {
        var merged = new List<LogFinding>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings.OrderBy(f => f.Line).ThenBy(f => f.Column))
        {
            var key = Key(finding);
            if (!byKey.TryGetValue(key, out var at))
            {
                byKey[key] = merged.Count;
                merged.Add(finding);
                continue;
            }

            var first = merged[at];
            merged[at] = first with
            {
                AlsoAt = first.Line == finding.Line || first.AlsoAt.Contains(finding.Line) ? first.AlsoAt : [.. first.AlsoAt, finding.Line],
                Confidence = Math.Max(first.Confidence, finding.Confidence),
                Status = first.Status ?? finding.Status,
            };
        }

        return merged;
    }

    /// <summary>
    /// A dialog's message and its code on the same line are one observation: the code finding (which also
    /// names the cause list) stays, with the message's confidence if that is higher and the message's symptom
    /// first among the code's.
    /// </summary>
    private static List<LogFinding> DropMessagesExplainedByCodes(List<LogFinding> findings)
    {
        var result = findings.ToList();
        foreach (var message in findings.Where(f => f is { Kind: FindingKind.KnownMessage, Code: null }))
        {
            var messageLines = message.AlsoAt.Prepend(message.Line).ToList();
            var codeIndex = result.FindIndex(f => f.Code is not null && f.AlsoAt.Prepend(f.Line).Intersect(messageLines).Any()
                && f.Symptoms.Intersect(message.Symptoms, StringComparer.Ordinal).Any());
            if (codeIndex >= 0)
            {
                // The message says which of the code's symptoms this is: those come first.
                var code = result[codeIndex];
                result[codeIndex] = code with
                {
                    Confidence = Math.Max(code.Confidence, message.Confidence),
                    Symptoms = [.. message.Symptoms.Where(code.Symptoms.Contains), .. code.Symptoms.Where(s => !message.Symptoms.Contains(s))],
                };
                result.Remove(message);
            }
        }

        return result;
    }

    private static string Key(LogFinding finding) => finding switch
    {
        { CodeKey: { } code } => "code:" + code,
        { Kind: FindingKind.KnownMessage } => "symptom:" + string.Join(',', finding.Symptoms),
        _ => "line:" + finding.Kind + ":" + finding.Message,
    };

    private static string Excerpt(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length <= MaxExcerptLength ? trimmed : trimmed[..MaxExcerptLength] + "…";
    }
}
