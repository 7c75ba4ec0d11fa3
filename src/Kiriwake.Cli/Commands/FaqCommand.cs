using System.CommandLine;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake faq [<query>]`: both documents' FAQ, searched in either language.</summary>
internal sealed class FaqCommand
{
    private readonly CliContext _context;
    private readonly Argument<string[]> _query = new("query") { Description = "Words to search for (omit to list all) / 検索語", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public FaqCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("faq", "Search the FAQ of both documents / よくある質問を検索") { _query, _format };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parseResult)
    {
        var knowledge = _context.LoadKnowledge(parseResult);
        var language = _context.GetLanguage(parseResult);
        var query = string.Join(' ', parseResult.GetValue(_query) ?? []);
        var hits = FaqSearch.Search(knowledge.Content.Faq, query);
        if (parseResult.GetValue(_format) == "json")
        {
            CliJson.Write(_context, hits.Select(h => new { id = h.Entry.Id, document = h.Entry.Document, score = h.Score, question = h.Entry.Question.Get(language), answer = h.Entry.Answer.Get(language) }));
        }
        else
        {
            foreach (var hit in hits)
            {
                ListView.Write(_context.Out, [("[bold]Q.[/]", $"[bold]{Markup.Escape(hit.Entry.Question.Get(language))}[/]"), ("A.", Markup.Escape(hit.Entry.Answer.Get(language)))], indent: 0);
                _context.Out.WriteLine();
            }

            if (hits.Count == 0)
            {
                _context.Out.MarkupLine($"[yellow]{Markup.Escape(UiText.NoFaqMatch.Get(language))}[/]");
            }
        }

        return hits.Count > 0 ? ExitCodes.Success : ExitCodes.NotFound;
    }
}
