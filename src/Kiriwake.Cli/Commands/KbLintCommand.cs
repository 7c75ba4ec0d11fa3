using System.CommandLine;
using Kiriwake.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake kb lint [--kb DIR]`: every problem of the knowledge folder, with file, line and id.</summary>
internal sealed class KbLintCommand
{
    private readonly CliContext _context;
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public KbLintCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("lint", "Validate the knowledge folder and print every problem / 知識フォルダーを検査") { _format };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parseResult)
    {
        var directory = _context.GetKnowledgeDirectory(parseResult);
        var problems = KnowledgeLoader.Lint(directory);
        var language = _context.GetLanguage(parseResult);
        if (parseResult.GetValue(_format) == "json")
        {
            CliJson.Write(_context, new { directory, problems = problems.Select(p => new { file = p.File, line = p.Line, id = p.Id, message = p.Message }) });
        }
        else if (problems.Count == 0)
        {
            _context.Out.MarkupLine($"[green]{Markup.Escape(UiText.LintClean.Get(language))}[/] {Markup.Escape(directory)}");
        }
        else
        {
            foreach (var problem in problems)
            {
                _context.OutWriter.WriteLine(problem.ToString());
            }

            _context.Error.MarkupLine($"[red]{Markup.Escape(string.Format(System.Globalization.CultureInfo.InvariantCulture, UiText.LintProblems.Get(language), problems.Count))}[/]");
        }

        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
