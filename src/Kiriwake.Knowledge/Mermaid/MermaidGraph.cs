namespace Kiriwake.Knowledge.Mermaid;

/// <summary>A Mermaid flowchart as written: direction, node labels in order of first definition, edges in order.</summary>
public sealed record MermaidGraph(string Direction, IReadOnlyList<MermaidNode> Nodes, IReadOnlyList<MermaidEdge> Edges);

/// <summary>A node; <see cref="Label"/> is null when the text never defines it (an edge to an unknown node).</summary>
public sealed record MermaidNode(string Id, bool IsDecision, string? Label);

public sealed record MermaidEdge(string From, string To, string? Label, int Line);
