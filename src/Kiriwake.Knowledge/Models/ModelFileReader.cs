using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiriwake.Knowledge.Models;

/// <summary>
/// Reads a standalone troubleshooting model (DESIGN.md "The troubleshooting model format") from YAML or JSON
/// (JSON is YAML). Every problem — syntax, unknown key, wrong type, and the model rules of
/// <see cref="ModelValidator"/> — is reported at once, with the line where it applies.
/// </summary>
public static class ModelFileReader
{
    private static readonly string[] s_topKeys = ["id", "causes", "actions", "questions", "escalation", "authoredOrder"];
    private static readonly string[] s_actionKeys = ["id", "cost", "repairCost", "fixes", "risk", "gates"];
    private static readonly string[] s_questionKeys = ["id", "cost", "answers", "fact"];

    /// <exception cref="TroubleshootingModelException">The file is not a valid model; the message lists every problem.</exception>
    /// <exception cref="IOException">A folder, a special file, a link loop, or too large.</exception>
    public static TroubleshootingModel Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(UntrustedFile.ReadAllText(path, MaxFileBytes), Path.GetFileName(path));
    }

    /// <summary>A model file describes at most a few dozen steps; a bigger one (or a link to /dev/zero) is refused.</summary>
    public const long MaxFileBytes = 4L * 1024 * 1024;

    public static TroubleshootingModel Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var log = new List<string>();
        if (NestingGuard.TooDeepAt(text) is { } deep)
        {
            throw new TroubleshootingModelException([$"{source}:{deep}: {NestingGuard.Message}"]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new TroubleshootingModelException([$"{source}:{ex.Start.Line}: {ex.Message}"]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new TroubleshootingModelException([$"{source}: a model file holds one mapping (id, causes, actions, ...)"]);
        }

        var r = new Reader(source, log);
        r.CheckKeys(root, s_topKeys, "the model");
        var id = r.String(root, "id", required: false) ?? Path.GetFileNameWithoutExtension(source);
        var causes = r.Sequence(root, "causes", required: true).Select(n => r.Cause(n)).ToArray();
        var actions = r.Sequence(root, "actions", required: false).Select(n => r.Action(n, s_actionKeys)).ToArray();
        var questions = r.Sequence(root, "questions", required: false).Select(n => r.Question(n, s_questionKeys)).ToArray();
        var (escalation, partial) = r.Escalation(root, causes);
        if (partial is not null)
        {
            actions = [.. actions, partial];
        }

        var order = r.Node(root, "authoredOrder") is { } o ? r.Strings(o, "authoredOrder") : null;
        var model = new TroubleshootingModel(id, causes, actions, questions, escalation, order);
        log.AddRange(ModelValidator.Validate(model).Select(p => $"{source}: {p}"));

        return log.Count > 0 ? throw new TroubleshootingModelException(log) : model;
    }

    private sealed class Reader(string source, List<string> log)
    {
        public ModelCause Cause(YamlNode node)
        {
            var map = Map(node, "a cause");
            CheckKeys(map, ["id", "prior"], "a cause");
            return new ModelCause(String(map, "id", true) ?? "", Number(map, "prior", true) ?? 0);
        }

        public ModelAction Action(YamlNode node, string[] keys)
        {
            var map = Map(node, "an action");
            CheckKeys(map, keys, "an action");
            var risk = Node(map, "risk") is { } r ? Enum<Risk>(r, "risk") : Risk.None;
            var gates = Node(map, "gates") is { } g ? Strings(g, "gates").Select(s => Enum<Gate>(g, s)).ToArray() : [];
            return new ModelAction(
                String(map, "id", true) ?? "",
                Number(map, "cost", true) ?? 0,
                Number(map, "repairCost", false) ?? 0,
                Probabilities(Node(map, "fixes")),
                risk,
                gates);
        }

        public ModelQuestion Question(YamlNode node, string[] keys)
        {
            var map = Map(node, "a question");
            CheckKeys(map, keys, "a question");
            var answers = new List<ModelAnswer>();
            if (Node(map, "answers") is YamlMappingNode answerMap)
            {
                foreach (var (key, value) in answerMap.Children)
                {
                    answers.Add(new ModelAnswer(Scalar(key), Probabilities(value)));
                }
            }
            else
            {
                Problem(map, "a question needs 'answers': a mapping answer → { cause: P(answer | cause) }");
            }

            string? factKey = null;
            Dictionary<string, string>? factAnswers = null;
            if (Node(map, "fact") is YamlMappingNode fact)
            {
                factKey = String(fact, "key", true);
                factAnswers = (Node(fact, "answers") as YamlMappingNode)?.Children
                    .ToDictionary(kv => Scalar(kv.Key), kv => Scalar(kv.Value), StringComparer.Ordinal);
            }

            return new ModelQuestion(String(map, "id", true) ?? "", Number(map, "cost", true) ?? 0, answers, factKey, factAnswers);
        }

        /// <summary>The escalation; one that covers only some causes is scored as a step that resolves those
        /// causes (as the flattening of the knowledge base does), not as the service call.</summary>
        public (ModelEscalation? Service, ModelAction? Partial) Escalation(YamlMappingNode root, ModelCause[] causes)
        {
            if (Node(root, "escalation") is not { } node)
            {
                return (null, null);
            }

            var map = Map(node, "the escalation");
            CheckKeys(map, ["id", "cost", "covers"], "the escalation");
            var id = String(map, "id", false) ?? "escalation";
            var cost = Number(map, "cost", true) ?? 0;
            var covers = Node(map, "covers") is { } c ? Strings(c, "covers") : [];
            if (covers.Length == 0 || causes.All(k => covers.Contains(k.Id, StringComparer.Ordinal)))
            {
                return (new ModelEscalation(id, cost), null);
            }

            var fixes = covers.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => 1.0, StringComparer.Ordinal);
            return (null, new ModelAction(id, cost, 0, fixes, Risk.None, [], IsEscalation: true));
        }

        public IReadOnlyDictionary<string, double> Probabilities(YamlNode? node)
        {
            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            if (node is null)
            {
                return result;
            }

            if (node is not YamlMappingNode map)
            {
                Problem(node, "expected a mapping cause → probability");
                return result;
            }

            foreach (var (key, value) in map.Children)
            {
                if (ParseNumber(value) is { } p)
                {
                    result[Scalar(key)] = p;
                }
                else
                {
                    Problem(value, $"'{Scalar(value)}' is not a number");
                }
            }

            return result;
        }

        public IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key, bool required)
        {
            switch (Node(map, key))
            {
                case YamlSequenceNode seq:
                    return seq.Children;
                case null when !required:
                    return [];
                case null:
                    Problem(map, $"'{key}' is missing");
                    return [];
                case var other:
                    Problem(other, $"'{key}' must be a list");
                    return [];
            }
        }

        public string[] Strings(YamlNode node, string what)
        {
            if (node is YamlSequenceNode seq)
            {
                return seq.Children.Select(Scalar).ToArray();
            }

            Problem(node, $"'{what}' must be a list");
            return [];
        }

        public YamlNode? Node(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public string? String(YamlMappingNode map, string key, bool required)
        {
            var node = Node(map, key);
            if (node is null && required)
            {
                Problem(map, $"'{key}' is missing");
            }

            return node is null ? null : Scalar(node);
        }

        public void CheckKeys(YamlMappingNode map, string[] allowed, string what)
        {
            foreach (var key in map.Children.Keys)
            {
                if (!allowed.Contains(Scalar(key), StringComparer.Ordinal))
                {
                    Problem(key, $"unknown key '{Scalar(key)}' in {what} (allowed: {string.Join(", ", allowed)})");
                }
            }
        }

        private double? Number(YamlMappingNode map, string key, bool required)
        {
            var node = Node(map, key);
            if (node is null)
            {
                if (required)
                {
                    Problem(map, $"'{key}' is missing");
                }

                return null;
            }

            var value = ParseNumber(node);
            if (value is null)
            {
                Problem(node, $"'{key}' must be a number, not '{Scalar(node)}'");
            }

            return value;
        }

        private T Enum<T>(YamlNode node, string text)
            where T : struct, Enum
        {
            var shown = node is YamlScalarNode ? Scalar(node) : text;
            var name = shown.Replace("-", "", StringComparison.Ordinal);
            if (System.Enum.TryParse<T>(name, ignoreCase: true, out var value) && !int.TryParse(name, out _))
            {
                return value;
            }

            Problem(node, $"'{shown}' is not one of: {string.Join(", ", System.Enum.GetNames<T>().Select(Kebab))}");
            return default;
        }

        private YamlMappingNode Map(YamlNode node, string what)
        {
            if (node is YamlMappingNode map)
            {
                return map;
            }

            Problem(node, $"{what} must be a mapping");
            return new YamlMappingNode();
        }

        private static double? ParseNumber(YamlNode node) =>
            node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

        private string Scalar(YamlNode node)
        {
            if (node is YamlScalarNode { Value: { } v })
            {
                return v;
            }

            Problem(node, "expected a single value");
            return "";
        }

        private static string Kebab(string name) =>
            string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

        private void Problem(YamlNode node, string message) =>
            log.Add($"{source}:{node.Start.Line.ToString(CultureInfo.InvariantCulture)}: {message}");
    }
}
