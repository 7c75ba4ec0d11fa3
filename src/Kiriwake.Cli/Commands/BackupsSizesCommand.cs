using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Crypto;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake backups sizes <DIR>`: what takes the space, by kind (photos, LINE…), by app and by domain.</summary>
internal sealed class BackupsSizesCommand
{
    private const int TopCount = 10;

    private static readonly Color[] s_colors = [Color.SteelBlue, Color.Green, Color.Orange1, Color.MediumPurple, Color.Grey];

    private readonly CliContext _context;
    private readonly Argument<string> _folder = new("DIR") { Description = "Backup folder / バックアップのフォルダー" };
    private readonly Option<bool> _password = new("--password") { Description = "Ask for the password of an encrypted backup / パスワードを尋ねる" };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public BackupsSizesCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("sizes", "Size by kind, app and domain, as a bar chart / 種類・アプリ別のデータ量") { _folder, _password, _format };
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

        if (!BackupFolder.IsCandidate(folder))
        {
            _context.Error.MarkupLine($"[red]{Safe.Markup(BackupReasonTexts.For(BackupReasonCode.NotABackup).Get(language))}[/]");
            return ExitCodes.NotABackup;
        }

        BackupKeys? keys = null;
        if (parseResult.GetValue(_password))
        {
            var outcome = await BackupsPassword.OpenAsync(_context, folder, language, cancellationToken);
            if (outcome.ExitCode is not (ExitCodes.Success or ExitCodes.NotEncrypted))
            {
                return outcome.ExitCode;
            }

            keys = outcome.Keys;
        }

        var (sizes, problems) = BackupSizes.Read(folder, keys, cancellationToken);
        if (sizes is null)
        {
            foreach (var problem in problems)
            {
                _context.Error.MarkupLine($"[red]{Safe.Markup(BackupReasonTexts.Format(problem, language))}[/]");
            }

            if (problems.Any(p => p.Code == BackupReasonCode.EncryptedNeedsPassword))
            {
                _context.Error.MarkupLine(Safe.Markup(BackupsText.NeedsPassword.Get(language)));
                return ExitCodes.PasswordNeeded;
            }

            return problems.Any(p => p.Code == BackupReasonCode.PermissionDenied) ? ExitCodes.PermissionDenied : ExitCodes.BackupUnreadable;
        }

        if (json)
        {
            CliJson.Write(_context, new
            {
                folder,
                totalBytes = sizes.TotalBytes,
                totalFiles = sizes.TotalFiles,
                categories = sizes.Categories.Select(c => new { category = c.Category, name = BackupsText.Category(c.Category).Get(language), bytes = c.Bytes, files = c.Files }),
                apps = sizes.Apps.Select(a => new { bundleId = a.Name, bytes = a.Bytes, files = a.Files }),
                domains = sizes.Domains.Select(d => new { domain = d.Name, bytes = d.Bytes, files = d.Files }),
            });
            return ExitCodes.Success;
        }

        _context.Out.MarkupLine(Safe.Markup(string.Format(CultureInfo.InvariantCulture, BackupsText.SizesTotal.Get(language), BackupsFormat.Bytes(sizes.TotalBytes), sizes.TotalFiles.ToString("N0", CultureInfo.InvariantCulture))));
        Chart(BackupsText.SizesTitle, language, sizes.Categories.Select(c => (BackupsText.Category(c.Category).Get(language), c.Bytes)));
        Chart(BackupsText.AppsTitle, language, sizes.Apps.Take(TopCount).Select(a => (a.Name, a.Bytes)));
        Chart(BackupsText.DomainsTitle, language, sizes.Domains.Take(TopCount).Select(d => (d.Name, d.Bytes)));
        _context.Out.MarkupLine($"[dim]{Safe.Markup(BackupsText.SizesHint.Get(language))}[/]");
        return ExitCodes.Success;
    }

    /// <summary>A bar chart in megabytes, each label carrying the size in readable units.</summary>
    private void Chart(LocalizedText title, Language language, IEnumerable<(string Label, long Bytes)> items)
    {
        var chart = new BarChart().Label($"[bold]{Safe.Markup(title.Get(language))}[/]").LeftAlignLabel().Width(90).HideValues();
        int i = 0;
        foreach (var (label, bytes) in items)
        {
            chart.AddItem(Safe.Markup($"{label}  {BackupsFormat.Bytes(bytes)}"), bytes / 1e6, s_colors[i++ % s_colors.Length]);
        }

        if (i > 0)
        {
            _context.Out.Write(chart);
            _context.Out.WriteLine();
        }
    }
}
