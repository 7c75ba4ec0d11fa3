using System.Globalization;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>A verification as text for a person and as JSON for scripts (the keys the issue fixes).</summary>
internal static class BackupsReportView
{
    public static object Json(BackupReport r, Language language, IReadOnlyList<Fact>? facts) => new
    {
        folder = r.Folder,
        verdict = r.Verdict,
        phase = r.Phase,
        encrypted = r.Encrypted,
        files = r.Files?.Files,
        missing = r.FilesChecked ? r.Files?.Missing : null,
        wrongSize = r.FilesChecked ? r.Files?.WrongSize : null,
        orphans = r.FilesChecked ? r.Files?.Orphans : null,
        logicalBytes = r.LogicalBytes,
        diskBytes = r.DiskBytes,
        filesChecked = r.FilesChecked,
        present = r.FilesChecked ? r.Files?.Present : null,
        zeroSizeMissing = r.FilesChecked ? r.Files?.ZeroSizeMissing : null,
        directories = r.Files?.Directories,
        symlinks = r.Files?.Symlinks,
        unknownFlags = r.Files?.UnknownFlags,
        unreadableRecords = r.Files?.UnreadableRecords,
        decrypted = r.Files?.Decrypted,
        decryptFailed = r.Files?.DecryptFailed,
        device = r.Device is { } d ? new { name = d.DeviceName, productType = d.ProductType, productName = d.ProductName, iosVersion = d.ProductVersion, build = d.BuildVersion, udid = d.UniqueIdentifier } : null,
        date = r.Date?.Value,
        dateSource = r.Date?.Source,
        dates = r.Dates.Select(x => new { source = x.Source, value = x.Value }),
        status = r.Status is { } s ? new { snapshotState = s.SnapshotStateName, backupState = s.BackupStateName, version = s.Version, isFullBackup = s.IsFullBackup } : null,
        reasons = r.Reasons.Select(x => new { code = x.Name, implies = x.Implies, text = BackupReasonTexts.Format(x, language), args = x.Args }),
        missingExamples = r.Files?.MissingExamples ?? [],
        wrongSizeExamples = r.Files?.WrongSizeExamples ?? [],
        orphanExamples = r.Files?.OrphanExamples ?? [],
        unknownFlagExamples = r.Files?.UnknownFlagExamples ?? [],
        unreadableExamples = r.Files?.UnreadableExamples ?? [],
        decryptFailedExamples = r.Files?.DecryptFailedExamples ?? [],
        facts = facts?.Select(f => new { key = f.Key, value = f.Value, detail = f.Detail }),
    };

    public static void Text(IAnsiConsole console, BackupReport r, Language language, IReadOnlyList<Fact>? facts)
    {
        string title = r.Device is { } d
            ? $"{d.DeviceName ?? "?"} ({d.ProductType ?? "?"}, iOS {d.ProductVersion ?? "?"})"
            : Path.GetFileName(Path.TrimEndingDirectorySeparator(r.Folder));
        console.Write(new Rule($"[bold]{Safe.Markup(title)}[/]").LeftJustified());
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, BackupsText.Folder, language, Safe.Markup(r.Folder));
        Row(grid, BackupsText.Verdict, language, $"[bold {BackupsFormat.VerdictColor(r.Verdict)}]{Safe.Markup(BackupsFormat.Verdict(r, language))}[/]");
        Row(grid, BackupsText.Date, language, Safe.Markup(BackupsFormat.Date(r.Date, language)));
        Row(grid, BackupsText.Encrypted, language, Safe.Markup(BackupsFormat.Yes(r.Encrypted, language)));
        Row(grid, BackupsText.Logical, language, Safe.Markup(BackupsFormat.Bytes(r.LogicalBytes)));
        if (r.DiskBytes is not null)
        {
            Row(grid, BackupsText.OnDisk, language, Safe.Markup(BackupsFormat.Bytes(r.DiskBytes)));
        }

        if (r.Files is { } f)
        {
            string files = Fill(BackupsText.FilesLine, language, f.Files, f.Directories, f.Symlinks);
            if (r.FilesChecked)
            {
                files += " — " + Fill(BackupsText.CheckedLine, language, f.Present, f.Missing, f.WrongSize, f.Orphans);
            }

            if (f.Decrypted + f.DecryptFailed > 0)
            {
                files += " — " + Fill(BackupsText.DecryptedLine, language, f.Decrypted, f.DecryptFailed);
            }

            Row(grid, BackupsText.Files, language, Safe.Markup(files));
        }

        console.Write(grid);
        if (r.Reasons.Count > 0)
        {
            console.MarkupLine($"[bold]{Safe.Markup(BackupsText.Reasons.Get(language))}[/]");
            foreach (var reason in r.Reasons)
            {
                string color = reason.Implies == BackupVerdict.Complete ? "dim" : BackupsFormat.VerdictColor(reason.Implies);
                console.MarkupLine($"  [{color}]•[/] {Safe.Markup(BackupReasonTexts.Format(reason, language))} [dim]({reason.Name})[/]");
            }
        }

        Examples(console, r, language);
        if (facts is { Count: > 0 })
        {
            console.MarkupLine($"[bold]{Safe.Markup(BackupsText.Facts.Get(language))}[/]");
            foreach (var fact in facts)
            {
                console.MarkupLine($"  {Safe.Markup(fact.Key)} = [bold]{Safe.Markup(fact.Value)}[/] [dim]({Safe.Markup(fact.Detail)})[/]");
            }
        }
    }

    private static void Examples(IAnsiConsole console, BackupReport r, Language language)
    {
        if (r.Files is not { } f)
        {
            return;
        }

        var lines = f.MissingExamples.Select(e => (BackupsText.MissingExample, BackupsFormat.Example(e)))
            .Concat(f.WrongSizeExamples.Select(e => (BackupsText.WrongSizeExample, BackupsFormat.Example(e))))
            .Concat(f.OrphanExamples.Select(e => (BackupsText.OrphanExample, e)))
            .Concat(f.UnknownFlagExamples.Select(e => (BackupsText.UnknownFlagExample, BackupsFormat.Example(e))))
            .Concat(f.UnreadableExamples.Select(e => (BackupsText.UnreadableExample, BackupsFormat.Example(e))))
            .Concat(f.DecryptFailedExamples.Select(e => (BackupsText.DecryptExample, BackupsFormat.Example(e))))
            .ToArray();
        if (lines.Length == 0)
        {
            return;
        }

        console.MarkupLine($"[bold]{Safe.Markup(BackupsText.Examples.Get(language))}[/]");
        foreach (var (kind, text) in lines)
        {
            console.MarkupLine($"  [dim]{Safe.Markup(kind.Get(language))}:[/] {Safe.Markup(text)}");
        }
    }

    private static void Row(Grid grid, LocalizedText label, Language language, string markup) =>
        grid.AddRow(new Markup($"[dim]{Safe.Markup(label.Get(language))}[/]"), new Markup(markup));

    private static string Fill(LocalizedText text, Language language, params long[] values) =>
        string.Format(CultureInfo.InvariantCulture, text.Get(language), values.Select(v => (object)v.ToString("N0", CultureInfo.InvariantCulture)).ToArray());
}
