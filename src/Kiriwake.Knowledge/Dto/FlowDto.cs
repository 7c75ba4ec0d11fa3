namespace Kiriwake.Knowledge.Dto;

internal sealed class FlowDto : Lined
{
    public string? Id { get; set; }

    public TextDto? Title { get; set; }

    public string? Mermaid { get; set; }

    public List<FlowNodeDto>? Nodes { get; set; }

    public List<FlowEdgeLabelDto>? Edges { get; set; }
}

internal sealed class FlowNodeDto : Lined
{
    public string? Id { get; set; }

    public string? En { get; set; }

    public string? Ref { get; set; }
}

internal sealed class FlowEdgeLabelDto : Lined
{
    public string? Label { get; set; }

    public string? En { get; set; }
}
