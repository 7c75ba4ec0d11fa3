using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiriwake.Knowledge.Mermaid;

/// <summary>
/// Reads the subset of Mermaid `flowchart` the documents use: `A[text]` process nodes, `B{text}` decisions,
/// `A --> B` and `A -- label --> B` (or `A -->|label| B`) edges, with node definitions inline in edges.
/// </summary>
public static partial class MermaidFlowParser
{
    [GeneratedRegex(@"^\s*(?<id>[A-Za-z0-9_]+)\s*(?:\[(?<box>[^\]]*)\]|\{(?<diamond>[^}]*)\})?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NodePattern();

    [GeneratedRegex(@"^(?:--\s*(?<label>.+?)\s*-->|-->\s*(?:\|(?<pipe>[^|]*)\|)?)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ArrowPattern();

    /// <exception cref="FormatException">The text is not a flowchart of this subset; the message names the line.</exception>
    public static MermaidGraph Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? direction = null;
        var nodes = new List<MermaidNode>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var edges = new List<MermaidEdge>();

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith("%%", StringComparison.Ordinal))
            {
                continue;
            }

            if (direction is null)
            {
                var header = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (header.Length != 2 || header[0] is not ("flowchart" or "graph"))
                {
                    throw new FormatException($"line {Number(number)}: expected 'flowchart TD' (or LR, TB, BT, RL)");
                }

                direction = header[1];
                continue;
            }

            ParseStatement(line, number, nodes, index, edges);
        }

        if (direction is null)
        {
            throw new FormatException("the text has no 'flowchart' header");
        }

        return new MermaidGraph(direction, nodes, edges);
    }

    private static void ParseStatement(string line, int number, List<MermaidNode> nodes, Dictionary<string, int> index, List<MermaidEdge> edges)
    {
        var rest = line;
        var from = ReadNode(ref rest, number, nodes, index);
        while (rest.Length > 0)
        {
            var arrow = ArrowPattern().Match(rest);
            if (!arrow.Success)
            {
                throw new FormatException($"line {Number(number)}: expected an arrow after '{from}' but found '{rest}'");
            }

            var label = arrow.Groups["label"].Success ? arrow.Groups["label"].Value : arrow.Groups["pipe"].Success ? arrow.Groups["pipe"].Value : null;
            rest = rest[arrow.Length..];
            var to = ReadNode(ref rest, number, nodes, index);
            edges.Add(new MermaidEdge(from, to, string.IsNullOrWhiteSpace(label) ? null : label.Trim(), number));
            from = to;
        }
    }

    private static string ReadNode(ref string rest, int number, List<MermaidNode> nodes, Dictionary<string, int> index)
    {
        var match = NodePattern().Match(rest);
        if (!match.Success || match.Length == 0)
        {
            throw new FormatException($"line {Number(number)}: expected a node id at '{rest}'");
        }

        var id = match.Groups["id"].Value;
        var isDecision = match.Groups["diamond"].Success;
        string? label = match.Groups["box"].Success ? match.Groups["box"].Value : isDecision ? match.Groups["diamond"].Value : null;
        rest = rest[match.Length..];

        if (index.TryGetValue(id, out var at))
        {
            if (label is not null)
            {
                if (nodes[at].Label is not null && nodes[at].Label != label)
                {
                    throw new FormatException($"line {Number(number)}: node {id} is defined twice with different text");
                }

                nodes[at] = new MermaidNode(id, isDecision, label);
            }
        }
        else
        {
            index[id] = nodes.Count;
            nodes.Add(new MermaidNode(id, isDecision, label));
        }

        return id;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
