using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake backups check-password <DIR>`: does a password open this encrypted backup?</summary>
internal sealed class BackupsCheckPasswordCommand
{
    private readonly CliContext _context;
    private readonly Argument<string> _folder = new("DIR") { Description = "Backup folder / バックアップのフォルダー" };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public BackupsCheckPasswordCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("check-password", "Check whether a password opens an encrypted backup (asked for, never an argument) / パスワードの確認") { _folder, _format };
        command.SetAction(ExecuteAsync);
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var language = _context.GetLanguage(parseResult);
        bool json = parseResult.GetValue(_format) == "json";
        string folder = parseResult.GetValue(_folder)!;
        if (BackupsFormat.ReportIfMissing(_context, folder, language))
        {
            return ExitCodes.NotFound;
        }

        var outcome = await BackupsPassword.OpenAsync(_context, folder, language, cancellationToken);
        if (outcome.ExitCode is not (ExitCodes.Success or ExitCodes.WrongPassword or ExitCodes.NotEncrypted))
        {
            return outcome.ExitCode;
        }

        double seconds = Math.Round(outcome.Elapsed.TotalSeconds, 1);
        if (json)
        {
            CliJson.Write(_context, new
            {
                folder,
                encrypted = outcome.Encrypted,
                correct = outcome.Encrypted ? outcome.Keys is not null : (bool?)null,
                seconds,
            });
            return outcome.ExitCode;
        }

        string s = seconds.ToString("0.0", CultureInfo.InvariantCulture);
        string line = outcome.ExitCode switch
        {
            ExitCodes.Success => $"[green]{Safe.Markup(string.Format(CultureInfo.InvariantCulture, BackupsText.PasswordCorrect.Get(language), s))}[/]",
            ExitCodes.WrongPassword => $"[red]{Safe.Markup(string.Format(CultureInfo.InvariantCulture, BackupsText.PasswordWrong.Get(language), s))}[/]",
            _ => Safe.Markup(BackupsText.NotEncrypted.Get(language)),
        };
        _context.Out.MarkupLine(line);
        return outcome.ExitCode;
    }
}
