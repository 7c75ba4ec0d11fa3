using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake checklist [<id>]`: the documents' checklists, listed or one shown in order.</summary>
internal sealed class ChecklistCommand
{
    private readonly CliContext _context;
    private readonly Argument<string?> _id = new("id") { Description = "Checklist id (omit to list) / チェックリストのID", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public ChecklistCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("checklist", "List or show a checklist / チェックリスト") { _id, _format };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parseResult)
    {
        var knowledge = _context.LoadKnowledge(parseResult);
        var language = _context.GetLanguage(parseResult);
        var json = parseResult.GetValue(_format) == "json";
        var id = parseResult.GetValue(_id);
        if (id is null)
        {
            return List(knowledge, language, json);
        }

        if (!knowledge.Checklists.TryGetValue(id, out var checklist))
        {
            _context.Error.MarkupLine($"[red]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, UiText.NoSuchId.Get(language), id))}[/]");
            List(knowledge, language, json: false);
            return ExitCodes.NotFound;
        }

        if (json)
        {
            CliJson.Write(_context, new
            {
                id = checklist.Id,
                title = checklist.Title.Get(language),
                purpose = checklist.Purpose.Get(language),
                items = checklist.Items.Select(i => new { id = i.Id, text = i.Text.Get(language), detail = i.Detail?.Get(language), @ref = i.Ref }),
            });
            return ExitCodes.Success;
        }

        _context.Out.Write(new Rule($"[bold]{Markup.Escape(checklist.Title.Get(language))}[/]").LeftJustified());
        WrappedMarkup.WriteLine(_context.Out, $"[dim]{Markup.Escape(checklist.Purpose.Get(language))}[/]");
        ListView.Write(_context.Out, checklist.Items.Select((item, i) =>
        {
            var detail = item.Detail is null ? string.Empty : $"\n[dim]{Markup.Escape(item.Detail.Get(language))}[/]";
            return ($"[bold]{i + 1,2}.[/] [[ ]]", Markup.Escape(item.Text.Get(language)) + detail);
        }));

        return ExitCodes.Success;
    }

    private int List(KnowledgeBase knowledge, Language language, bool json)
    {
        var checklists = knowledge.Content.Checklists;
        if (json)
        {
            CliJson.Write(_context, checklists.Select(c => new { id = c.Id, title = c.Title.Get(language), items = c.Items.Count }));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("id").AddColumn(UiText.Title.Get(language)).AddColumn(new TableColumn(UiText.Items.Get(language)).RightAligned());
        foreach (var checklist in checklists)
        {
            table.AddRow(Markup.Escape(checklist.Id), Markup.Escape(checklist.Title.Get(language)), checklist.Items.Count.ToString(CultureInfo.InvariantCulture));
        }

        _context.Out.Write(table);
        return ExitCodes.Success;
    }
}
