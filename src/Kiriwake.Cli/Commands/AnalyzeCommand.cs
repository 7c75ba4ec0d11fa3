using System.CommandLine;
using Kiriwake.Evidence.Logs;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake analyze FILE|- [--format text|json]`: error codes and known messages in a pasted dialog, in
/// idevicebackup2 / idevicerestore output or in an iTunes / Apple Devices / Finder log, each with its line and
/// the symptoms and causes it points to. Exit 0 when something was found, 4 when nothing was.
/// </summary>
internal sealed class AnalyzeCommand
{
    private readonly CliContext _context;
    private readonly Argument<string> _file = new("file") { Description = "Text or log file, or - for standard input / ファイル (- で標準入力)" };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public AnalyzeCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("analyze", "Find error codes and known messages in a text or log / テキストやログからエラーを探す") { _file, _format };
        command.SetAction(ExecuteAsync);
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var knowledge = _context.LoadKnowledge(parseResult);
        var language = _context.GetLanguage(parseResult);
        var file = parseResult.GetValue(_file)!;
        var text = await TextInput.ReadAsync(file, _context.Input, cancellationToken);
        if (text is null)
        {
            _context.Error.MarkupLine("[red]" + Safe.Markup(string.Format(System.Globalization.CultureInfo.InvariantCulture, DeviceUiText.TooLarge.Get(language), TextInput.MaxMegabytes)) + "[/]");
            return ExitCodes.BadInput;
        }

        var origin = file == "-" ? "stdin" : Path.GetFileName(file);
        var match = TextMatcher.Match(text, knowledge, origin);
        var analysis = match.Analysis;
        var start = LogDiagnosis.Start(match);
        if (parseResult.GetValue(_format) == "json")
        {
            CliJson.Write(_context, AnalyzeJson.From(origin, analysis, start, knowledge, language));
        }
        else
        {
            new AnalyzeRenderer(_context.Out, knowledge, language).Render(analysis, start, file);
        }

        return analysis.Findings.Count > 0 ? ExitCodes.Success : ExitCodes.NotFound;
    }
}
