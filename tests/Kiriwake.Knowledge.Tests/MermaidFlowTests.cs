using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Mermaid;

namespace Kiriwake.Knowledge.Tests;

public sealed class MermaidFlowTests
{
    private const string Sample = """
        flowchart TD
        A[開始] --> B{確認済みか}
        B -- いいえ --> C[再試行]
        B -->|はい| D[成功]
        C --> D
        """;

    [Fact]
    public void Parse_DocumentStyle_ReadsNodesEdgesAndLabels()
    {
        var graph = MermaidFlowParser.Parse(Sample);

        Assert.Equal("TD", graph.Direction);
        Assert.Equal(["A", "B", "C", "D"], graph.Nodes.Select(n => n.Id));
        Assert.True(graph.Nodes[1].IsDecision);
        Assert.Equal("確認済みか", graph.Nodes[1].Label);
        Assert.Equal([("A", "B", null), ("B", "C", "いいえ"), ("B", "D", "はい"), ("C", "D", null)], graph.Edges.Select(e => (e.From, e.To, e.Label)));
    }

    [Fact]
    public void Parse_EdgeToUndefinedNode_LeavesItWithoutLabel()
    {
        var graph = MermaidFlowParser.Parse("flowchart TD\nA[x] --> Z");

        Assert.Null(graph.Nodes.Single(n => n.Id == "Z").Label);
    }

    [Theory]
    [InlineData("A --> B")]
    [InlineData("flowchart TD\nA[x] ==> B")]
    [InlineData("flowchart TD\nA[x] --> B{y}\nA[z]")]
    public void Parse_NotTheSubset_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => MermaidFlowParser.Parse(text));
    }

    [Fact]
    public void Write_Japanese_ReproducesTheDocumentStyle()
    {
        var graph = MermaidFlowParser.Parse(Sample);
        var flow = new Flow(
            "f",
            new LocalizedText("フロー", "Flow"),
            graph.Direction,
            graph.Nodes.Select(n => new FlowNode(n.Id, n.IsDecision ? FlowNodeShape.Decision : FlowNodeShape.Process, new LocalizedText(n.Label!, "en " + n.Id), null)).ToList(),
            graph.Edges.Select(e => new FlowEdge(e.From, e.To, e.Label is null ? null : new LocalizedText(e.Label, e.Label == "はい" ? "Yes" : "No"))).ToList());

        var japanese = MermaidFlowWriter.Write(flow, Language.Ja);
        var english = MermaidFlowWriter.Write(flow, Language.En);

        Assert.Equal(Sample.Replace("-->|はい| D", "-- はい --> D", StringComparison.Ordinal) + "\n", japanese);
        Assert.Equal(graph.Edges.Count, MermaidFlowParser.Parse(english).Edges.Count);
        Assert.Contains("B -- Yes --> D[en D]", english, StringComparison.Ordinal);
    }
}
