using System.Text;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Knowledge.Mermaid;

/// <summary>
/// Writes a flow back to Mermaid in either language, defining each node where it first appears in an edge —
/// the documents' own style, so the Japanese export of an imported flow reproduces its text.
/// </summary>
public static class MermaidFlowWriter
{
    public static string Write(Flow flow, Language language)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var nodes = flow.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        builder.Append("flowchart ").Append(flow.Direction).Append('\n');

        foreach (var edge in flow.Edges)
        {
            builder.Append(Node(edge.From));
            builder.Append(edge.Label is null ? " --> " : $" -- {Escape(edge.Label.Get(language))} --> ");
            builder.Append(Node(edge.To)).Append('\n');
        }

        foreach (var node in flow.Nodes.Where(n => !defined.Contains(n.Id)))
        {
            builder.Append(Node(node.Id)).Append('\n');
        }

        return builder.ToString();

        string Node(string id)
        {
            if (!defined.Add(id) || !nodes.TryGetValue(id, out var node))
            {
                return id;
            }

            var label = Escape(node.Label.Get(language));
            return node.Shape == FlowNodeShape.Decision ? $"{id}{{{label}}}" : $"{id}[{label}]";
        }
    }

    // Brackets and braces would end a label early, so they are written as parentheses.
    private static string Escape(string text) =>
        text.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal)
            .Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal);
}
