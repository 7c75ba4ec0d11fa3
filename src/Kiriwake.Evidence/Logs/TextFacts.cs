using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kiriwake.Core.Facts;

namespace Kiriwake.Evidence.Logs;

/// <summary>The facts a text establishes: the most certain error code, restore or update, backup encryption and outcome.</summary>
internal static partial class TextFacts
{
    [GeneratedRegex(@"復元|\brestor(?:e|ed|ing)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RestoreWords();

    [GeneratedRegex(@"アップデート|\bupdat(?:e|ed|ing)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UpdateWords();

    public static List<Fact> From(string text, IReadOnlyList<LogFinding> findings, string origin)
    {
        var facts = new List<Fact>();
        var source = new FactSource(FactSourceKind.Log, origin);
        var code = findings.Where(f => f.CodeKey is not null)
            .OrderByDescending(f => f.Confidence)
            .ThenBy(f => f.Line)
            .FirstOrDefault();
        if (code is not null)
        {
            facts.Add(new Fact(FactKeys.ErrorCode, code.CodeKey!, source, Where(code)));
        }

        if (Operation(text, findings) is { } operation)
        {
            facts.Add(operation with { Source = source });
        }

        // The last state line wins: a log may hold several runs, the latest is the one that matters.
        var encryption = findings.Where(f => f.Status is ToolLineStatus.BackupEncrypted or ToolLineStatus.BackupUnencrypted).MaxBy(f => f.Line);
        if (encryption is not null)
        {
            facts.Add(new Fact(FactKeys.DeviceBackupEncryption, encryption.Status == ToolLineStatus.BackupEncrypted ? "true" : "false", source, Where(encryption)));
        }

        var outcome = findings.Where(f => f.Status is ToolLineStatus.BackupSucceeded or ToolLineStatus.BackupFailed or ToolLineStatus.BackupAborted)
            .MaxBy(f => Math.Max(f.Line, f.AlsoAt.Count == 0 ? 0 : f.AlsoAt.Max()));
        if (outcome is not null)
        {
            facts.Add(new Fact(FactKeys.BackupLastIncomplete, outcome.Status == ToolLineStatus.BackupSucceeded ? "false" : "true", source, Where(outcome)));
        }

        return facts;
    }

    /// <summary>
    /// A failure dialog says what was being done: 「…を復元できませんでした」 / "could not be restored" or
    /// 「…をアップデートできませんでした」 / "could not be updated". Only the lines with a finding are read, and
    /// only when they name one of the two (「復元・アップデート中」 names both and decides nothing).
    /// </summary>
    private static Fact? Operation(string text, IReadOnlyList<LogFinding> findings)
    {
        var lines = text.Split('\n');
        var read = findings
            .Where(f => f.Kind is FindingKind.ErrorCode or FindingKind.KnownMessage && f.Domain is not Core.Knowledge.ErrorDomain.Backup)
            .SelectMany(f => f.AlsoAt.Prepend(f.Line))
            .Distinct()
            .Order()
            .Where(l => l >= 1 && l <= lines.Length)
            .Select(l => (Line: l, Text: lines[l - 1].Normalize(NormalizationForm.FormKC)))
            .ToList();
        var restore = read.FirstOrDefault(l => RestoreWords().IsMatch(l.Text));
        var update = read.FirstOrDefault(l => UpdateWords().IsMatch(l.Text));
        if ((restore.Text is null) == (update.Text is null))
        {
            return null;
        }

        var (value, at) = restore.Text is not null ? (FactValues.Restore, restore) : (FactValues.Update, update);
        return new Fact(FactKeys.Operation, value, new FactSource(FactSourceKind.Log, string.Empty), "line " + at.Line.ToString(CultureInfo.InvariantCulture) + ": " + Excerpt(at.Text));
    }

    private static string Where(LogFinding finding) =>
        "line " + finding.Line.ToString(CultureInfo.InvariantCulture) + ": " + finding.Excerpt;

    private static string Excerpt(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length <= LogAnalyzer.MaxExcerptLength ? trimmed : trimmed[..LogAnalyzer.MaxExcerptLength] + "…";
    }

    /// <summary>The values of <see cref="FactKeys.Operation"/>.</summary>
    public static class FactValues
    {
        public const string Restore = "restore";
        public const string Update = "update";
    }
}
