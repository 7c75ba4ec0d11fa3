using System.Globalization;
using Kiriwake.Core.Facts;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// Turns a verification into facts for the engine, so the diagnosis does not ask what the backup already shows.
/// A fact is produced only when the evidence settles it; otherwise the engine still asks.
/// </summary>
public static class BackupFacts
{
    /// <summary>A verified backup must be this recent (data changed since is not in it).</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(7);

    /// <summary>Below this much free space the destination is full for any backup.</summary>
    public const long MinimumFreeBytes = 1L << 30;

    /// <param name="report">The verification.</param>
    /// <param name="time">"Now".</param>
    /// <param name="freeBytes">Free space on the disk holding the backup, if known.</param>
    public static IReadOnlyList<Fact> From(BackupReport report, TimeProvider time, long? freeBytes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(time);
        // A folder that is not a backup says nothing about the device's backups.
        if (report.Reasons.Any(r => r.Code is BackupReasonCode.NotABackup or BackupReasonCode.FolderMissing))
        {
            return [];
        }

        var source = new FactSource(FactSourceKind.Backup, report.Folder);
        var facts = new List<Fact>();
        var now = time.GetUtcNow();
        string reasons = string.Join(", ", report.Reasons.Where(r => r.Implies != BackupVerdict.Complete).Select(r => r.Name));

        switch (report.Verdict)
        {
            case BackupVerdict.Complete when report.FilesChecked && report.Date is { } date && now - date.Value <= RecentWindow:
                facts.Add(new Fact(FactKeys.BackupVerified, "true", source, $"complete, every file checked, dated {Iso(date.Value)} ({date.Source})"));
                break;
            case BackupVerdict.Complete when report.FilesChecked && report.Date is { } date:
                facts.Add(new Fact(FactKeys.BackupVerified, "false", source, $"complete but dated {Iso(date.Value)} ({date.Source}), older than {RecentWindow.TotalDays} days"));
                break;
            case BackupVerdict.Complete:
                break; // Not deep-checked, or undated: not settled either way.
            default:
                facts.Add(new Fact(FactKeys.BackupVerified, "false", source, $"{report.Verdict.ToString().ToLowerInvariant()}: {reasons}"));
                break;
        }

        if (report.Verdict == BackupVerdict.Interrupted)
        {
            facts.Add(new Fact(FactKeys.BackupLastIncomplete, "true", source, $"interrupted in phase {report.Phase?.ToString().ToLowerInvariant() ?? "unknown"}: {reasons}"));
        }
        else if (report.Verdict == BackupVerdict.Complete)
        {
            facts.Add(new Fact(FactKeys.BackupLastIncomplete, "false", source, "the last backup finished"));
        }

        if (freeBytes is long free)
        {
            if (free < MinimumFreeBytes)
            {
                facts.Add(new Fact(FactKeys.BackupDestinationFull, "true", source, $"{N(free)} bytes free, under {N(MinimumFreeBytes)}"));
            }
            else if (report.LogicalBytes is long need && free >= need)
            {
                facts.Add(new Fact(FactKeys.BackupDestinationFull, "false", source, $"{N(free)} bytes free; the backup holds {N(need)}"));
            }
        }

        if (report.Encrypted is bool encrypted)
        {
            facts.Add(new Fact(FactKeys.BackupEncrypted, encrypted ? "true" : "false", source, "Manifest.plist IsEncrypted"));
        }

        return facts;
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
