using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Mermaid;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake flow [<id>] [--format text|json|mermaid]`: the documents' flowcharts, as text or Mermaid.</summary>
internal sealed class FlowCommand
{
    private readonly CliContext _context;
    private readonly Argument<string?> _id = new("id") { Description = "Flow id (omit to list) / フローのID", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json", "mermaid");

    public FlowCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("flow", "List, show or export a flowchart as Mermaid / フローチャートの表示とMermaid出力") { _id, _format };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parseResult)
    {
        var knowledge = _context.LoadKnowledge(parseResult);
        var language = _context.GetLanguage(parseResult);
        var format = parseResult.GetValue(_format);
        var id = parseResult.GetValue(_id);
        if (id is null)
        {
            if (format == "json")
            {
                CliJson.Write(_context, knowledge.Content.Flows.Select(f => new { id = f.Id, title = f.Title.Get(language), nodes = f.Nodes.Count }));
            }
            else
            {
                foreach (var listed in knowledge.Content.Flows)
                {
                    _context.Out.MarkupLine($"{Markup.Escape(listed.Id)}  {Markup.Escape(listed.Title.Get(language))}");
                }
            }

            return ExitCodes.Success;
        }

        if (!knowledge.Flows.TryGetValue(id, out var flow))
        {
            _context.Error.MarkupLine($"[red]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, UiText.NoSuchId.Get(language), id))}[/]");
            return ExitCodes.NotFound;
        }

        switch (format)
        {
            case "mermaid":
                _context.OutWriter.Write(MermaidFlowWriter.Write(flow, language));
                break;
            case "json":
                CliJson.Write(_context, new
                {
                    id = flow.Id,
                    title = flow.Title.Get(language),
                    direction = flow.Direction,
                    nodes = flow.Nodes.Select(n => new { id = n.Id, shape = n.Shape, label = n.Label.Get(language), @ref = n.Ref }),
                    edges = flow.Edges.Select(e => new { from = e.From, to = e.To, label = e.Label?.Get(language) }),
                });
                break;
            default:
                RenderText(knowledge, flow, language);
                break;
        }

        return ExitCodes.Success;
    }

    /// <summary>Each node once, in the order of the flow, with where each branch leads.</summary>
    private void RenderText(KnowledgeBase knowledge, Flow flow, Language language)
    {
        var labels = flow.Nodes.ToDictionary(n => n.Id, n => n.Label.Get(language), StringComparer.Ordinal);
        _context.Out.Write(new Rule($"[bold]{Markup.Escape(flow.Title.Get(language))}[/]").LeftJustified());
        foreach (var node in flow.Nodes)
        {
            var marker = node.Shape == FlowNodeShape.Decision ? "◇" : "□";
            var step = node.Ref is not null && knowledge.StepTitle(node.Ref) is { } title ? $" [dim]→ {Markup.Escape(title.Get(language))} ({Markup.Escape(node.Ref)})[/]" : string.Empty;
            _context.Out.MarkupLine($"{marker} [bold]{Markup.Escape(node.Id)}[/] {Markup.Escape(node.Label.Get(language))}{step}");
            foreach (var edge in flow.Edges.Where(e => e.From == node.Id))
            {
                var label = edge.Label is null ? string.Empty : $"[[{Markup.Escape(edge.Label.Get(language))}]] ";
                _context.Out.MarkupLine($"    └─ {label}→ {Markup.Escape(edge.To)} {Markup.Escape(labels.GetValueOrDefault(edge.To, string.Empty))}");
            }
        }
    }
}
