using System.CommandLine;
using Kiriwake.Core.Facts;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Crypto;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake backups verify <DIR> [--deep] [--password]`: is this backup complete? With the facts it gives the engine.</summary>
internal sealed class BackupsVerifyCommand
{
    private readonly CliContext _context;
    private readonly Argument<string> _folder = new("DIR") { Description = "Backup folder (the one holding Manifest.db) / バックアップのフォルダー" };
    private readonly Option<bool> _deep = new("--deep") { Description = "Check every file of the file list on disk / 全ファイルを確認" };
    private readonly Option<bool> _password = new("--password") { Description = "Ask for the password of an encrypted backup (prompt or one line of stdin) / パスワードを尋ねる" };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public BackupsVerifyCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("verify", "Verify one backup: complete, interrupted, inconsistent or unreadable / バックアップの検証") { _folder, _deep, _password, _format };
        command.SetAction(ExecuteAsync);
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var language = _context.GetLanguage(parseResult);
        bool json = parseResult.GetValue(_format) == "json";
        bool deep = parseResult.GetValue(_deep);
        string folder = parseResult.GetValue(_folder)!;
        BackupKeys? keys = null;
        if (parseResult.GetValue(_password) && Directory.Exists(folder) && BackupFolder.IsCandidate(folder))
        {
            var outcome = await BackupsPassword.OpenAsync(_context, folder, language, cancellationToken);
            if (outcome.ExitCode == ExitCodes.WrongPassword)
            {
                _context.Error.MarkupLine($"[red]{Safe.Markup(string.Format(System.Globalization.CultureInfo.InvariantCulture, BackupsText.PasswordWrong.Get(language), Math.Round(outcome.Elapsed.TotalSeconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))}[/]");
                return outcome.ExitCode;
            }

            if (outcome.ExitCode is not (ExitCodes.Success or ExitCodes.NotEncrypted))
            {
                return outcome.ExitCode;
            }

            keys = outcome.Keys;
        }

        var verifier = new BackupVerifier(_context.Time);
        var report = await RunAsync(verifier, folder, deep, keys, language, cancellationToken);
        var facts = BackupFacts.From(report, _context.Time, FreeBytes(folder));
        if (json)
        {
            CliJson.Write(_context, BackupsReportView.Json(report, language, facts));
        }
        else
        {
            BackupsReportView.Text(_context.Out, report, language, facts);
            if (report.Reasons.Any(r => r.Code == BackupReasonCode.EncryptedNeedsPassword))
            {
                _context.Out.MarkupLine($"[dim]{Safe.Markup(BackupsText.NeedsPassword.Get(language))}[/]");
            }
        }

        return BackupsFormat.ExitCode(report);
    }

    private async Task<BackupReport> RunAsync(BackupVerifier verifier, string folder, bool deep, BackupKeys? keys, Core.Knowledge.Language language, CancellationToken cancellationToken)
    {
        if (!deep || !_context.Error.Profile.Capabilities.Interactive)
        {
            return await verifier.VerifyAsync(folder, new VerifyOptions(Deep: deep, Keys: keys), cancellationToken);
        }

        BackupReport? report = null;
        await _context.Error.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask(Safe.Markup(BackupsText.Checking.Get(language)), maxValue: 1);
            var reporter = new Progress<DeepCheckProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            });
            report = await verifier.VerifyAsync(folder, new VerifyOptions(Deep: true, Keys: keys, Progress: reporter), cancellationToken);
            task.Value = task.MaxValue;
        });
        return report!;
    }

    /// <summary>Free space on the disk holding the backup; null when it cannot be known.</summary>
    internal static long? FreeBytes(string folder) => Evidence.Gathering.FreeSpace.Of(folder);
}
