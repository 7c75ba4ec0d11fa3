using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>Sizes, dates and verdicts as the `backups` commands print them.</summary>
internal static class BackupsFormat
{
    private static readonly string[] s_units = ["B", "KB", "MB", "GB", "TB"];

    /// <summary>Decimal units, as Finder and Windows Explorer's "size" show (1 KB = 1,000 bytes).</summary>
    public static string Bytes(long? bytes)
    {
        if (bytes is not long value)
        {
            return "—";
        }

        double scaled = value;
        int unit = 0;
        while (scaled >= 1000 && unit < s_units.Length - 1)
        {
            scaled /= 1000;
            unit++;
        }

        return unit == 0
            ? value.ToString(CultureInfo.InvariantCulture) + " B"
            : scaled.ToString(scaled < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + s_units[unit];
    }

    public static string Date(BackupDate? date, Language language) => date is null
        ? BackupsText.Unknown.Get(language)
        : date.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + " (" + BackupsText.DateSource(date.Source).Get(language) + ")";

    public static string Verdict(BackupReport report, Language language)
    {
        string name = BackupsText.VerdictName(report.Verdict).Get(language);
        return report.Phase is { } phase ? $"{name} ({BackupsText.PhaseName(phase).Get(language)})" : name;
    }

    public static string VerdictColor(BackupVerdict verdict) => verdict switch
    {
        BackupVerdict.Complete => "green",
        BackupVerdict.Inconsistent => "yellow",
        _ => "red",
    };

    public static string Yes(bool? value, Language language) => value switch
    {
        true => BackupsText.Yes.Get(language),
        false => BackupsText.No.Get(language),
        null => BackupsText.Unknown.Get(language),
    };

    public static string Example(FileExample e) =>
        e.Expected is long expected
            ? $"{e.Domain}/{e.RelativePath} ({e.FileId}): {expected.ToString(CultureInfo.InvariantCulture)} → {e.Actual?.ToString(CultureInfo.InvariantCulture)}"
            : $"{e.Domain}/{e.RelativePath} ({e.FileId})";

    /// <summary>The exit code a report maps to, by its reasons' codes and its verdict (never by message text).</summary>
    /// <summary>Says on stderr that the folder does not exist; true when it does not.</summary>
    public static bool ReportIfMissing(CliContext context, string folder, Language language)
    {
        if (Directory.Exists(folder))
        {
            return false;
        }

        context.Error.MarkupLine($"[red]{Safe.Markup(string.Format(CultureInfo.InvariantCulture, BackupsText.RootMissing.Get(language), folder))}[/]");
        return true;
    }

    public static int ExitCode(BackupReport report)
    {
        if (report.Reasons.Any(r => r.Code == BackupReasonCode.NotABackup))
        {
            return ExitCodes.NotABackup;
        }

        if (report.Reasons.Any(r => r.Code == BackupReasonCode.FolderMissing))
        {
            return ExitCodes.NotFound;
        }

        if (report.Reasons.Any(r => r.Code == BackupReasonCode.PermissionDenied))
        {
            return ExitCodes.PermissionDenied;
        }

        return report.Verdict switch
        {
            BackupVerdict.Complete => ExitCodes.Success,
            BackupVerdict.Interrupted => ExitCodes.BackupInterrupted,
            BackupVerdict.Inconsistent => ExitCodes.BackupInconsistent,
            _ => ExitCodes.BackupUnreadable,
        };
    }
}
