namespace Kiriwake.Core.Knowledge;

/// <summary>An authored flowchart (such as the 4013 recovery flow), round-tripping to Mermaid.</summary>
public sealed record Flow(string Id, LocalizedText Title, string Direction, IReadOnlyList<FlowNode> Nodes, IReadOnlyList<FlowEdge> Edges);

public sealed record FlowNode(string Id, FlowNodeShape Shape, LocalizedText Label, string? Ref);

public sealed record FlowEdge(string From, string To, LocalizedText? Label);

public enum FlowNodeShape
{
    Process,
    Decision,
}
