using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiriwake.Knowledge.Overlay;

/// <summary>
/// Reads a learned overlay folder (written by `kiriwake kb learn`, format in docs/learning.md) and lays it over a
/// loaded knowledge base. Validated like the rest of the knowledge: every problem at once, with file and line —
/// syntax, unknown keys (gates, risks and costs are refused: they are never learned), probabilities outside
/// [0.01, 0.99], distributions that do not sum to 1, and ids the knowledge base does not have.
/// </summary>
public static class LearnedOverlayReader
{
    public const string OverlayFile = "overlay.yaml";
    public const string PriorsFile = "priors.yaml";
    public const string FixesFile = "fixes.yaml";
    public const string AnswersFile = "answers.yaml";

    /// <summary>How far a written distribution may be from summing to 1 (values are written with 6 decimals).</summary>
    public const double SumTolerance = 1e-3;

    public const double Floor = 0.01;

    private static readonly string[] s_topKeys = ["format", "cases", "confirmedCases", "notFixed", "notFixedConfirmed", "strength", "minCases", "iterations", "sweeps", "firstStepChanges"];
    private static readonly string[] s_neverLearned = ["gates", "gate", "risk", "cost", "repairCost", "costMinutes"];

    /// <summary>The knowledge base with the overlay of <paramref name="directory"/> applied.</summary>
    /// <exception cref="KnowledgeLoadException">The overlay has problems; the exception lists all of them.</exception>
    /// <exception cref="DirectoryNotFoundException">There is no such folder.</exception>
    public static KnowledgeBase Apply(KnowledgeBase kb, string directory)
    {
        ArgumentNullException.ThrowIfNull(kb);
        return OverlayApplier.Apply(kb, Read(kb, directory));
    }

    /// <summary>
    /// The knowledge base with a true world of <paramref name="directory"/> applied (`kiriwake kb eval --truth`): the
    /// overlay's format, but any probability in [0, 1] — a world is not learned, so the learning bounds do not apply.
    /// </summary>
    /// <exception cref="KnowledgeLoadException">The world has problems; the exception lists all of them.</exception>
    /// <exception cref="DirectoryNotFoundException">There is no such folder.</exception>
    public static KnowledgeBase ApplyTruth(KnowledgeBase kb, string directory)
    {
        ArgumentNullException.ThrowIfNull(kb);
        return OverlayApplier.Apply(kb, Read(kb, directory, floor: 0));
    }

    /// <summary>Reads and checks the overlay against <paramref name="kb"/>.</summary>
    /// <param name="floor">Every probability must lie in [floor, 1 − floor]: <see cref="Floor"/> for a learned overlay.</param>
    public static LearnedOverlay Read(KnowledgeBase kb, string directory, double floor = Floor)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No learned overlay folder: {directory} / 学習結果のフォルダーがありません: {directory}");
        }

        var problems = new List<KnowledgeProblem>();
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var summaryPath = Path.Combine(directory, OverlayFile);
        if (!File.Exists(summaryPath))
        {
            throw new KnowledgeLoadException([new KnowledgeProblem($"{name}/{OverlayFile}", 1, null, "missing: this is not a learned overlay folder (kiriwake kb learn writes one)")]);
        }

        var summary = ReadSummary(Load(directory, name, OverlayFile, problems), problems);
        var priors = ReadPriors(kb, Load(directory, name, PriorsFile, problems), problems, floor);
        var fixes = ReadFixes(kb, Load(directory, name, FixesFile, problems), problems, floor);
        var answers = ReadAnswers(kb, Load(directory, name, AnswersFile, problems), problems, floor);
        if (problems.Count > 0)
        {
            throw new KnowledgeLoadException(problems);
        }

        return new LearnedOverlay(summary.Summary, priors, fixes, answers, summary.Changes);
    }

    private static Doc? Load(string directory, string name, string file, List<KnowledgeProblem> problems)
    {
        var path = Path.Combine(directory, file);
        var relative = $"{name}/{file}";
        if (!File.Exists(path))
        {
            return file == OverlayFile ? null : new Doc(relative, null);
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            return new Doc(relative, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
        }
        catch (YamlException ex)
        {
            problems.Add(new KnowledgeProblem(relative, checked((int)ex.Start.Line), null, "YAML: " + ex.Message));
            return null;
        }
    }

    private static (OverlaySummary Summary, IReadOnlyList<FirstStepChange> Changes) ReadSummary(Doc? doc, List<KnowledgeProblem> problems)
    {
        var empty = new OverlaySummary(0, 0, 0, 0, 0, 0, 0);
        if (doc?.Root is not YamlMappingNode root)
        {
            if (doc is not null)
            {
                problems.Add(new KnowledgeProblem(doc.File, 1, null, "expected a mapping (format, cases, strength, ...)"));
            }

            return (empty, []);
        }

        var r = new NodeReader(doc.File, problems);
        r.Keys(root, s_topKeys, null);
        var format = r.Text(root, "format", null);
        if (format is not null && format != OverlaySummary.FormatName)
        {
            problems.Add(new KnowledgeProblem(doc.File, r.LineOf(root, "format"), null, $"format '{format}' is not '{OverlaySummary.FormatName}'"));
        }

        var strength = r.Child(root, "strength") as YamlMappingNode;
        var changes = new List<FirstStepChange>();
        if (r.Child(root, "firstStepChanges") is YamlSequenceNode list)
        {
            foreach (var item in list.Children.OfType<YamlMappingNode>())
            {
                changes.Add(new FirstStepChange(r.Text(item, "symptom", null) ?? "", r.OptionalText(item, "before"), r.OptionalText(item, "after")));
            }
        }

        var summary = new OverlaySummary(
            (int)(r.Number(root, "cases", null) ?? 0),
            (int)(r.Number(root, "confirmedCases", null, required: false) ?? 0),
            strength is null ? 0 : r.Number(strength, "prior", null) ?? 0,
            strength is null ? 0 : r.Number(strength, "fix", null) ?? 0,
            strength is null ? 0 : r.Number(strength, "answers", null) ?? 0,
            (int)(r.Number(root, "minCases", null) ?? 0),
            (int)(r.Number(root, "iterations", null, required: false) ?? 0),
            (int)(r.Number(root, "notFixed", null, required: false) ?? 0),
            (int)(r.Number(root, "notFixedConfirmed", null, required: false) ?? 0),
            (int)(r.Number(root, "sweeps", null, required: false) ?? 0));
        return (summary, changes);
    }

    private static List<LearnedPrior> ReadPriors(KnowledgeBase kb, Doc? doc, List<KnowledgeProblem> problems, double floor)
    {
        var result = new List<LearnedPrior>();
        foreach (var (r, entry) in Entries(doc, problems, floor))
        {
            var id = r.Text(entry, "symptom", null);
            r.Keys(entry, ["symptom", "cases", "causes"], id);
            var cases = (int)(r.Number(entry, "cases", id) ?? 0);
            var values = new List<LearnedValue>();
            if (r.Child(entry, "causes") is YamlSequenceNode list)
            {
                foreach (var c in list.Children)
                {
                    if (r.Value(c, "cause", id) is { } v)
                    {
                        values.Add(v);
                    }
                }
            }
            else
            {
                r.Problem(entry, id, "causes: expected a list of { cause, p, was }");
            }

            if (id is null)
            {
                continue;
            }

            if (!kb.Symptoms.TryGetValue(id, out var symptom))
            {
                r.Problem(entry, id, "unknown symptom");
                continue;
            }

            var known = symptom.Prior.Select(p => p.CauseId).ToHashSet(StringComparer.Ordinal);
            foreach (var v in values.Where(v => !known.Contains(v.Id)))
            {
                r.Problem(entry, id, $"'{v.Id}' is not a cause of this symptom");
            }

            foreach (var missing in known.Where(k => values.All(v => v.Id != k)).Order(StringComparer.Ordinal))
            {
                r.Problem(entry, id, $"cause '{missing}' is missing: a learned prior names every cause of the symptom");
            }

            r.SumsToOne(entry, id, values.Select(v => v.P), "the prior");
            result.Add(new LearnedPrior(id, cases, values));
        }

        return result;
    }

    private static List<LearnedFix> ReadFixes(KnowledgeBase kb, Doc? doc, List<KnowledgeProblem> problems, double floor)
    {
        var result = new List<LearnedFix>();
        foreach (var (r, entry) in Entries(doc, problems, floor))
        {
            var action = r.Text(entry, "action", null);
            r.Keys(entry, ["action", "cause", "p", "was", "cases", "weight"], action);
            var cause = r.Text(entry, "cause", action);
            var p = r.Probability(entry, "p", action);
            var was = r.Number(entry, "was", action) ?? 0;
            var cases = (int)(r.Number(entry, "cases", action) ?? 0);
            var weight = r.Number(entry, "weight", action, required: false) ?? 0;
            if (action is null || cause is null || p is null)
            {
                continue;
            }

            if (!kb.Actions.TryGetValue(action, out var a))
            {
                r.Problem(entry, action, "unknown action");
            }
            else if (!a.Fixes.Any(f => f.CauseId == cause && f.P > 0))
            {
                r.Problem(entry, action, $"the action has no chance to fix cause '{cause}' in the knowledge base; what an action addresses is not learned");
            }
            else
            {
                result.Add(new LearnedFix(action, cause, p.Value, was, cases, weight));
            }
        }

        return result;
    }

    private static List<LearnedAnswers> ReadAnswers(KnowledgeBase kb, Doc? doc, List<KnowledgeProblem> problems, double floor)
    {
        var result = new List<LearnedAnswers>();
        foreach (var (r, entry) in Entries(doc, problems, floor))
        {
            var question = r.Text(entry, "question", null);
            r.Keys(entry, ["question", "cause", "cases", "weight", "answers"], question);
            var cause = r.Text(entry, "cause", question);
            var cases = (int)(r.Number(entry, "cases", question) ?? 0);
            var weight = r.Number(entry, "weight", question, required: false) ?? 0;
            var values = new List<LearnedValue>();
            if (r.Child(entry, "answers") is YamlSequenceNode list)
            {
                foreach (var a in list.Children)
                {
                    if (r.Value(a, "answer", question) is { } v)
                    {
                        values.Add(v);
                    }
                }
            }
            else
            {
                r.Problem(entry, question, "answers: expected a list of { answer, p, was }");
            }

            if (question is null || cause is null)
            {
                continue;
            }

            if (!kb.Questions.TryGetValue(question, out var q))
            {
                r.Problem(entry, question, "unknown question");
                continue;
            }

            if (!kb.Causes.ContainsKey(cause))
            {
                r.Problem(entry, question, $"unknown cause '{cause}'");
                continue;
            }

            var known = q.Answers.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            if (!known.SetEquals(values.Select(v => v.Id)))
            {
                r.Problem(entry, question, $"a learned row names exactly the question's answers: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
                continue;
            }

            r.SumsToOne(entry, question, values.Select(v => v.P), $"the answers for cause '{cause}'");
            result.Add(new LearnedAnswers(question, cause, cases, weight, values));
        }

        return result;
    }

    private static IEnumerable<(NodeReader Reader, YamlMappingNode Entry)> Entries(Doc? doc, List<KnowledgeProblem> problems, double floor)
    {
        if (doc?.Root is null || doc.Root is YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        var r = new NodeReader(doc.File, problems, floor);
        if (doc.Root is not YamlSequenceNode list)
        {
            problems.Add(new KnowledgeProblem(doc.File, checked((int)doc.Root.Start.Line), null, "expected a list of entries"));
            yield break;
        }

        foreach (var item in list.Children)
        {
            if (item is YamlMappingNode map)
            {
                yield return (r, map);
            }
            else
            {
                problems.Add(new KnowledgeProblem(doc.File, checked((int)item.Start.Line), null, "expected an entry (key: value)"));
            }
        }
    }

    private sealed record Doc(string File, YamlNode? Root);

    /// <summary>Reads values from mapping nodes, adding a located problem for each one that is missing or wrong.</summary>
    private sealed class NodeReader(string file, List<KnowledgeProblem> problems, double floor = Floor)
    {
        public void Problem(YamlNode node, string? id, string message) =>
            problems.Add(new KnowledgeProblem(file, checked((int)node.Start.Line), id, message));

        public int LineOf(YamlMappingNode map, string key) =>
            Child(map, key) is { } n ? checked((int)n.Start.Line) : checked((int)map.Start.Line);

        public YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public void Keys(YamlMappingNode map, string[] allowed, string? id)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (s_neverLearned.Contains(name, StringComparer.Ordinal))
                {
                    Problem(key, id, $"'{name}' cannot be learned: gates, risks and costs come only from the knowledge base");
                }
                else if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    Problem(key, id, $"unknown key '{name}' (expected {string.Join(", ", allowed)})");
                }
            }
        }

        public string? Text(YamlMappingNode map, string key, string? id)
        {
            switch (Child(map, key))
            {
                case YamlScalarNode { Value: { Length: > 0 } v }:
                    return v;
                case null:
                    Problem(map, id, $"missing '{key}'");
                    return null;
                case var other:
                    Problem(other, id, $"'{key}' must be a single value");
                    return null;
            }
        }

        public string? OptionalText(YamlMappingNode map, string key) =>
            Child(map, key) is YamlScalarNode { Value: { Length: > 0 } v, Style: var style } && !(v == "null" && style == ScalarStyle.Plain) ? v : null;

        public double? Number(YamlMappingNode map, string key, string? id, bool required = true)
        {
            switch (Child(map, key))
            {
                case YamlScalarNode { Value: { } v } node:
                    if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) && x >= 0)
                    {
                        return x;
                    }

                    Problem(node, id, $"'{key}' must be a number ≥ 0, not '{v}'");
                    return null;
                case null when !required:
                    return null;
                case null:
                    Problem(map, id, $"missing '{key}'");
                    return null;
                case var other:
                    Problem(other, id, $"'{key}' must be a number");
                    return null;
            }
        }

        /// <summary>A learned probability: inside [0.01, 0.99] (a true world: inside [0, 1]).</summary>
        public double? Probability(YamlMappingNode map, string key, string? id)
        {
            var p = Number(map, key, id);
            if (p is { } x && (x < floor - 1e-9 || x > 1 - floor + 1e-9))
            {
                Problem(Child(map, key)!, id, floor >= Floor
                    ? $"'{key}' = {x.ToString(CultureInfo.InvariantCulture)} is outside [0.01, 0.99], the bounds of every learned probability"
                    : $"'{key}' = {x.ToString(CultureInfo.InvariantCulture)} is not a probability (0 to 1)");
                return null;
            }

            return p;
        }

        public LearnedValue? Value(YamlNode node, string idKey, string? id)
        {
            if (node is not YamlMappingNode map)
            {
                Problem(node, id, $"expected {{ {idKey}, p, was }}");
                return null;
            }

            Keys(map, [idKey, "p", "was"], id);
            var name = Text(map, idKey, id);
            var p = Probability(map, "p", id);
            var was = Number(map, "was", id) ?? 0;
            return name is null || p is null ? null : new LearnedValue(name, p.Value, was);
        }

        public void SumsToOne(YamlMappingNode entry, string? id, IEnumerable<double> values, string what)
        {
            var sum = values.Sum();
            if (Math.Abs(sum - 1) > SumTolerance)
            {
                Problem(entry, id, $"{what} sums to {sum.ToString("0.######", CultureInfo.InvariantCulture)}, not 1");
            }
        }
    }
}
