using System.CommandLine;
using System.Globalization;
using Kiriwake.Evidence.Backup;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake backups list [--root DIR]`: every backup in the default folders (or DIR), one line each.</summary>
internal sealed class BackupsListCommand
{
    private readonly CliContext _context;
    private readonly Option<string?> _root = new("--root") { Description = "Folder holding backups (e.g. idevicebackup2's DIRECTORY) instead of the default folders / 探すフォルダー", HelpName = "DIR" };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public BackupsListCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("list", "List local backups: device, model, iOS, date, sizes, encryption, verdict / バックアップの一覧") { _root, _format };
        command.SetAction(ExecuteAsync);
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var language = _context.GetLanguage(parseResult);
        bool json = parseResult.GetValue(_format) == "json";
        string? given = parseResult.GetValue(_root);
        if (given is not null && !Directory.Exists(given))
        {
            _context.Error.MarkupLine($"[red]{Safe.Markup(string.Format(CultureInfo.InvariantCulture, BackupsText.RootMissing.Get(language), given))}[/]");
            return ExitCodes.NotFound;
        }

        var roots = given is not null ? [new BackupRoot(given, BackupRootKind.Given)] : BackupLocations.DefaultRoots();
        var reports = new List<(BackupRoot Root, BackupReport Report)>();
        var verifier = new BackupVerifier(_context.Time);
        foreach (var root in roots)
        {
            IReadOnlyList<string> folders;
            try
            {
                folders = BackupLocations.FindBackups(root);
            }
            catch (UnauthorizedAccessException e)
            {
                _context.Error.MarkupLine($"[red]{Safe.Markup(BackupReasonTexts.Format(BackupReason.Of(BackupReasonCode.PermissionDenied, BackupVerdict.Unreadable, e.Message), language))}[/]");
                return ExitCodes.PermissionDenied;
            }

            foreach (string folder in folders)
            {
                reports.Add((root, await verifier.VerifyAsync(folder, new VerifyOptions(MeasureDisk: true), cancellationToken)));
            }
        }

        if (json)
        {
            CliJson.Write(_context, new
            {
                roots = roots.Select(r => new { path = r.Path, kind = r.Kind, exists = Directory.Exists(r.Path) }),
                backups = reports.Select(x => new
                {
                    folder = x.Report.Folder,
                    root = x.Root.Kind,
                    deviceName = x.Report.Device?.DeviceName ?? x.Report.Manifest?.DeviceName,
                    productType = x.Report.Device?.ProductType ?? x.Report.Manifest?.ProductType,
                    iosVersion = x.Report.Device?.ProductVersion ?? x.Report.Manifest?.ProductVersion,
                    date = x.Report.Date?.Value,
                    dateSource = x.Report.Date?.Source,
                    logicalBytes = x.Report.LogicalBytes,
                    diskBytes = x.Report.DiskBytes,
                    encrypted = x.Report.Encrypted,
                    verdict = x.Report.Verdict,
                    phase = x.Report.Phase,
                    reasons = x.Report.Reasons.Select(r => r.Name),
                }),
            });
            return ExitCodes.Success;
        }

        if (reports.Count == 0)
        {
            _context.Out.MarkupLine(Safe.Markup(roots.Count == 0 ? BackupsText.NoDefaultRoots.Get(language) : BackupsText.NoBackups.Get(language)));
            foreach (var root in roots)
            {
                _context.Out.MarkupLine($"  [dim]{Safe.Markup(root.Path)}[/]");
            }

            return ExitCodes.Success;
        }

        // Five columns with two-line cells: narrow enough that Japanese text never has to be folded mid-character.
        var table = new Table()
            .Border(TableBorder.Simple)
            .AddColumn(BackupsText.Device.Get(language))
            .AddColumn(BackupsText.Date.Get(language))
            .AddColumn(new TableColumn(BackupsText.Logical.Get(language) + " / " + BackupsText.OnDisk.Get(language)).RightAligned())
            .AddColumn(BackupsText.Encrypted.Get(language))
            .AddColumn(BackupsText.Verdict.Get(language));
        foreach (var (_, r) in reports)
        {
            string device = $"{r.Device?.DeviceName ?? r.Manifest?.DeviceName ?? "?"}\n{r.Device?.ProductType ?? r.Manifest?.ProductType ?? "?"}, iOS {r.Device?.ProductVersion ?? r.Manifest?.ProductVersion ?? "?"}";
            string date = r.Date is { } d
                ? d.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + "\n" + BackupsText.DateSource(d.Source).Get(language)
                : BackupsText.Unknown.Get(language);
            table.AddRow(
                new Markup(Safe.Markup(device) + "\n[dim]" + Safe.Markup(Path.GetFileName(Path.TrimEndingDirectorySeparator(r.Folder))) + "[/]"),
                new Markup(Safe.Markup(date)),
                new Markup(Safe.Markup(BackupsFormat.Bytes(r.LogicalBytes) + "\n" + BackupsFormat.Bytes(r.DiskBytes))),
                new Markup(Safe.Markup(BackupsFormat.Yes(r.Encrypted, language))),
                new Markup($"[{BackupsFormat.VerdictColor(r.Verdict)}]{Safe.Markup(BackupsFormat.Verdict(r, language))}[/]"));
        }

        _context.Out.Write(table);
        return ExitCodes.Success;
    }
}
