using System.Text.Json;

namespace Kiriwake.Learning.Cases;

/// <summary>
/// Reads closed cases from the text of one file: a `diagnose --format json` report (one JSON object, or an array
/// of them), or JSON lines (one case per line: a report, or a helpdesk export record). Read tolerantly by the JSON,
/// not by a type: the symptom (`symptom` or `symptomId`), the `transcript` (or `steps`) of `{id, answer}` entries,
/// the `outcome` and `resolvedBy`, and a technician's `confirmedCause` (or `cause`); a record may wrap the report
/// as `report`. Every problem is reported with the file and line.
/// </summary>
public static class CaseFileParser
{
    private static readonly JsonDocumentOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };
    private static readonly string[] s_symptomKeys = ["symptom", "symptomId"];
    private static readonly string[] s_transcriptKeys = ["transcript", "steps"];
    private static readonly string[] s_stepIdKeys = ["id", "stepId", "step"];
    private static readonly string[] s_causeKeys = ["confirmedCause", "cause"];

    /// <exception cref="CaseFormatException">The text holds no case, is not JSON, or a case lacks what learning needs.</exception>
    public static IReadOnlyList<ClosedCase> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CaseFormatException([$"{source}:1: no case in this file (it is empty)"]);
        }

        var problems = new List<string>();
        var cases = new List<ClosedCase>();
        var isLines = source.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        if (!isLines)
        {
            try
            {
                using var doc = JsonDocument.Parse(text, s_options);
                var map = JsonLineMap.Build(text, 1);
                switch (doc.RootElement.ValueKind)
                {
                    case JsonValueKind.Object:
                        ReadCase(doc.RootElement, "$", map, source, cases, problems);
                        break;
                    case JsonValueKind.Array:
                        var i = 0;
                        foreach (var e in doc.RootElement.EnumerateArray())
                        {
                            ReadCase(e, $"$[{i++}]", map, source, cases, problems);
                        }

                        break;
                    default:
                        problems.Add($"{source}:1: expected a case report (a JSON object) or a list of them");
                        break;
                }

                return Finish(cases, problems, source);
            }
            catch (JsonException ex) when (!LooksLikeLines(text))
            {
                throw new CaseFormatException([$"{source}:{(ex.LineNumber ?? 0) + 1}: not valid JSON: {Short(ex)}"]);
            }
            catch (JsonException)
            {
                // Several objects, one per line: JSON lines without the extension.
            }
        }

        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line, s_options);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{source}:{n + 1}: expected one case (a JSON object) on this line");
                    continue;
                }

                ReadCase(doc.RootElement, "$", JsonLineMap.Build(line, n + 1), source, cases, problems);
            }
            catch (JsonException ex)
            {
                problems.Add($"{source}:{n + 1}: not valid JSON: {Short(ex)}");
            }
        }

        return Finish(cases, problems, source);
    }

    private static IReadOnlyList<ClosedCase> Finish(List<ClosedCase> cases, List<string> problems, string source)
    {
        if (problems.Count > 0)
        {
            throw new CaseFormatException(problems);
        }

        if (cases.Count == 0)
        {
            throw new CaseFormatException([$"{source}:1: no case in this file"]);
        }

        return cases;
    }

    private static void ReadCase(JsonElement element, string path, JsonLineMap map, string source, List<ClosedCase> cases, List<string> problems)
    {
        var line = map.LineOf(path);
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{source}:{line}: expected a case (a JSON object)");
            return;
        }

        // A helpdesk record may wrap the report: { "report": {...}, "confirmedCause": ... }.
        var body = element;
        var bodyPath = path;
        if (element.TryGetProperty("report", out var report) && report.ValueKind == JsonValueKind.Object)
        {
            body = report;
            bodyPath = path + ".report";
        }

        var before = problems.Count;
        var symptom = String(body, bodyPath, s_symptomKeys, required: true, map, source, problems);
        var confirmed = ConfirmedCause(element, path, map, source, problems) ?? (bodyPath != path ? ConfirmedCause(body, bodyPath, map, source, problems) : null);
        var outcome = String(body, bodyPath, ["outcome"], required: false, map, source, problems) ?? String(element, path, ["outcome"], required: false, map, source, problems);
        var resolvedBy = String(body, bodyPath, ["resolvedBy"], required: false, map, source, problems);

        var steps = new List<CaseStep>();
        var (transcript, transcriptPath) = Property(body, bodyPath, s_transcriptKeys);
        if (transcript is not { } list)
        {
            problems.Add($"{source}:{map.LineOf(bodyPath)}: the case has no transcript (a list of {{id, answer}} steps)");
        }
        else if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{source}:{map.LineOf(transcriptPath)}: the transcript must be a list of {{id, answer}} steps");
        }
        else
        {
            var i = 0;
            foreach (var step in list.EnumerateArray())
            {
                var stepPath = $"{transcriptPath}[{i++}]";
                if (step.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{source}:{map.LineOf(stepPath)}: a step must be an object with an id and an answer");
                    continue;
                }

                var id = String(step, stepPath, s_stepIdKeys, required: true, map, source, problems);
                var answer = String(step, stepPath, ["answer"], required: true, map, source, problems);
                if (id is not null && answer is not null)
                {
                    steps.Add(new CaseStep(id, answer));
                }
            }
        }

        // A report whose transcript ends before the step that fixed it (an export that keeps the outcome apart).
        if (string.Equals(outcome, "fixed", StringComparison.Ordinal) && resolvedBy is not null && !steps.Any(s => s.StepId == resolvedBy))
        {
            steps.Add(new CaseStep(resolvedBy, "fixed"));
        }

        if (problems.Count == before && symptom is not null)
        {
            cases.Add(new ClosedCase(source, line, symptom, steps, confirmed, outcome));
        }
    }

    private static string? ConfirmedCause(JsonElement element, string path, JsonLineMap map, string source, List<string> problems)
    {
        var (value, valuePath) = Property(element, path, s_causeKeys);
        return value switch
        {
            null => null,
            { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } v => Text(v.GetString(), valuePath, map, source, problems),
            { ValueKind: JsonValueKind.Object } v when v.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => Text(id.GetString(), valuePath, map, source, problems),
            _ => Bad(problems, $"{source}:{map.LineOf(valuePath)}: the confirmed cause must be a cause id (text)"),
        };
    }

    private static string? String(JsonElement element, string path, string[] keys, bool required, JsonLineMap map, string source, List<string> problems)
    {
        var (value, valuePath) = Property(element, path, keys);
        return value switch
        {
            null or { ValueKind: JsonValueKind.Null } when required => Bad(problems, $"{source}:{map.LineOf(path)}: missing \"{keys[0]}\""),
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } v => Text(v.GetString(), valuePath, map, source, problems),
            _ => Bad(problems, $"{source}:{map.LineOf(valuePath)}: \"{valuePath[(valuePath.LastIndexOf('.') + 1)..]}\" must be text"),
        };
    }

    /// <summary>
    /// An id, answer or outcome as the knowledge base writes them: every id there is lower-case kebab-case, so
    /// "Not_Fixed", "not fixed" and "NOT-FIXED" are read as not-fixed (files written by other tools or by hand).
    /// </summary>
    private static string? Text(string? value, string path, JsonLineMap map, string source, List<string> problems) =>
        string.IsNullOrWhiteSpace(value) ? Bad(problems, $"{source}:{map.LineOf(path)}: \"{path[(path.LastIndexOf('.') + 1)..]}\" is empty")
            : string.Join('-', value.Trim().ToLowerInvariant().Split([' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static (JsonElement? Value, string Path) Property(JsonElement element, string path, string[] keys)
    {
        foreach (var key in keys)
        {
            if (element.TryGetProperty(key, out var value))
            {
                return (value, path + "." + key);
            }
        }

        return (null, path);
    }

    private static string? Bad(List<string> problems, string problem)
    {
        problems.Add(problem);
        return null;
    }

    /// <summary>More than one line, each starting an object: JSON lines.</summary>
    private static bool LooksLikeLines(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return lines.Length > 1 && lines.All(l => l.StartsWith('{') && l.EndsWith('}'));
    }

    private static string Short(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
