using Kiriwake.Evidence.Crypto;

namespace Kiriwake.Evidence.Backup;

/// <summary>What a group of files is, for the size chart.</summary>
public enum SizeCategory
{
    Photos,
    Messages,
    Line,
    Apps,
    System,
}

public sealed record SizeGroup(string Name, long Bytes, long Files);

/// <summary>Logical sizes of a backup by category, by app and by domain, largest first.</summary>
public sealed record BackupSizes(
    long TotalBytes,
    long TotalFiles,
    IReadOnlyList<(SizeCategory Category, long Bytes, long Files)> Categories,
    IReadOnlyList<SizeGroup> Apps,
    IReadOnlyList<SizeGroup> Domains)
{
    /// <summary>LINE keeps its data in these bundle and group identifiers.</summary>
    private const string LineBundle = "jp.naver.line";

    /// <summary>Reads a backup's file list and sums it; null with the reasons when the list cannot be read.</summary>
    public static (BackupSizes? Sizes, IReadOnlyList<BackupReason> Problems) Read(string folder, BackupKeys? keys, CancellationToken cancellationToken = default)
    {
        var reasons = new List<BackupReason>();
        ManifestProperties? manifest = null;
        string manifestPath = Path.Combine(folder, BackupFolder.ManifestPlist);
        try
        {
            if (File.Exists(manifestPath) && new FileInfo(manifestPath).Length > 0)
            {
                manifest = ManifestProperties.From(Plist.PlistReader.ReadFile(manifestPath) as Plist.PlistDict
                    ?? throw new Plist.PlistFormatException("The top-level value is not a dictionary."));
            }

            using var source = ManifestSource.Open(folder, manifest, keys, reasons, cancellationToken);
            return source is null ? (null, reasons) : (Compute(source.Entries(wantKeys: false)), reasons);
        }
        catch (Plist.PlistFormatException e)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.ManifestPlistMalformed, BackupVerdict.Unreadable, e.Message));
        }
        catch (ManifestFormatException e)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.ManifestDbDamaged, BackupVerdict.Unreadable, e.Message));
        }
        catch (UnauthorizedAccessException e)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.PermissionDenied, BackupVerdict.Unreadable, e.Message));
        }
        catch (IOException e)
        {
            reasons.Add(BackupReason.Of(BackupReasonCode.FolderUnreadable, BackupVerdict.Unreadable, folder, e.Message));
        }

        return (null, reasons);
    }

    /// <summary>Sums the regular files (flags 1) of a manifest.</summary>
    public static BackupSizes Compute(IEnumerable<ManifestEntry> entries)
    {
        var domains = new Dictionary<string, (long Bytes, long Files)>(StringComparer.Ordinal);
        var categories = new Dictionary<SizeCategory, (long Bytes, long Files)>();
        long total = 0, files = 0;
        foreach (var e in entries)
        {
            if (e.Flags != ManifestFlags.File || e.Size < 0)
            {
                continue;
            }

            total += e.Size;
            files++;
            Add(domains, e.Domain, e.Size);
            Add(categories, Categorize(e), e.Size);
        }

        var apps = GroupApps(domains);
        return new BackupSizes(
            total,
            files,
            categories.OrderByDescending(c => c.Value.Bytes).Select(c => (c.Key, c.Value.Bytes, c.Value.Files)).ToArray(),
            apps,
            domains.OrderByDescending(d => d.Value.Bytes).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => new SizeGroup(d.Key, d.Value.Bytes, d.Value.Files)).ToArray());
    }

    private static SizeCategory Categorize(ManifestEntry e)
    {
        string? app = AppOf(e.Domain);
        if (app is not null)
        {
            return app.StartsWith(LineBundle, StringComparison.Ordinal) ? SizeCategory.Line : SizeCategory.Apps;
        }

        if (e.Domain == "CameraRollDomain"
            || (e.Domain == "MediaDomain" && (e.RelativePath.StartsWith("Media/DCIM", StringComparison.Ordinal) || e.RelativePath.StartsWith("Media/PhotoData", StringComparison.Ordinal))))
        {
            return SizeCategory.Photos;
        }

        return e.RelativePath.StartsWith("Library/SMS", StringComparison.Ordinal) ? SizeCategory.Messages : SizeCategory.System;
    }

    /// <summary>The bundle (or group) identifier of an app domain, null for system domains.</summary>
    private static string? AppOf(string domain)
    {
        foreach (string prefix in (ReadOnlySpan<string>)["AppDomainGroup-group.", "AppDomainGroup-", "AppDomainPlugin-", "AppDomain-"])
        {
            if (domain.StartsWith(prefix, StringComparison.Ordinal))
            {
                return domain[prefix.Length..];
            }
        }

        return null;
    }

    /// <summary>Groups app, group and plugin domains under the app whose bundle id is their longest prefix.</summary>
    private static SizeGroup[] GroupApps(Dictionary<string, (long Bytes, long Files)> domains)
    {
        var bundles = domains.Keys.Where(d => d.StartsWith("AppDomain-", StringComparison.Ordinal)).Select(d => d["AppDomain-".Length..]).ToHashSet(StringComparer.Ordinal);
        var apps = new Dictionary<string, (long Bytes, long Files)>(StringComparer.Ordinal);
        foreach (var (domain, size) in domains)
        {
            if (AppOf(domain) is not { } id)
            {
                continue;
            }

            string owner = bundles.Where(b => id == b || id.StartsWith(b + ".", StringComparison.Ordinal)).MaxBy(b => b.Length) ?? id;
            var current = apps.GetValueOrDefault(owner);
            apps[owner] = (current.Bytes + size.Bytes, current.Files + size.Files);
        }

        return apps.OrderByDescending(a => a.Value.Bytes).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => new SizeGroup(a.Key, a.Value.Bytes, a.Value.Files)).ToArray();
    }

    private static void Add<TKey>(Dictionary<TKey, (long Bytes, long Files)> map, TKey key, long bytes)
        where TKey : notnull
    {
        var current = map.GetValueOrDefault(key);
        map[key] = (current.Bytes + bytes, current.Files + 1);
    }
}
