namespace Kiriwake.Evidence.Backup;

/// <summary>Which program's default folder a root is (§1.1).</summary>
public enum BackupRootKind
{
    /// <summary>iTunes for Windows from Apple's installer: %APPDATA%\Apple Computer\MobileSync\Backup.</summary>
    ITunesWindows,

    /// <summary>iTunes from the Microsoft Store and the Apple Devices app: %USERPROFILE%\Apple\MobileSync\Backup.</summary>
    AppleDevicesWindows,

    /// <summary>Finder and iTunes for Mac: ~/Library/Application Support/MobileSync/Backup.</summary>
    MacOs,

    /// <summary>A folder given with --root (idevicebackup2 and pymobiledevice3 have no default: their DIRECTORY).</summary>
    Given,
}

public sealed record BackupRoot(string Path, BackupRootKind Kind);

/// <summary>Finds backup folders in the default roots or a given one.</summary>
public static class BackupLocations
{
    /// <summary>iMazing's archive of older versions sits beside the backups; it is not one (§1.1).</summary>
    private const string IMazingVersions = "iMazing.Versions";

    /// <summary>The default roots for this platform, from the environment given (tests pass their own).</summary>
    public static IReadOnlyList<BackupRoot> DefaultRoots(Func<string, string?> environment, string home, bool windows, bool macOs)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var roots = new List<BackupRoot>();
        if (windows)
        {
            if (environment("APPDATA") is { Length: > 0 } appData)
            {
                roots.Add(new BackupRoot(Path.Combine(appData, "Apple Computer", "MobileSync", "Backup"), BackupRootKind.ITunesWindows));
            }

            string profile = environment("USERPROFILE") is { Length: > 0 } p ? p : home;
            roots.Add(new BackupRoot(Path.Combine(profile, "Apple", "MobileSync", "Backup"), BackupRootKind.AppleDevicesWindows));
        }

        if (macOs)
        {
            roots.Add(new BackupRoot(Path.Combine(home, "Library", "Application Support", "MobileSync", "Backup"), BackupRootKind.MacOs));
        }

        return roots;
    }

    /// <summary>The default roots of the running system.</summary>
    public static IReadOnlyList<BackupRoot> DefaultRoots() => DefaultRoots(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        OperatingSystem.IsWindows(),
        OperatingSystem.IsMacOS());

    /// <summary>
    /// Backup folders in <paramref name="root"/>: the root itself when it is one, else each direct child holding
    /// backup metadata (identified later from its plists, not its name: copies are named UDID-date-time).
    /// A root that does not exist has none; one that cannot be listed throws.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The root cannot be listed.</exception>
    public static IReadOnlyList<string> FindBackups(BackupRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root.Path))
        {
            return [];
        }

        if (BackupFolder.IsCandidate(root.Path))
        {
            return [root.Path];
        }

        return Directory.EnumerateDirectories(root.Path)
            .Where(d => !string.Equals(Path.GetFileName(d), IMazingVersions, StringComparison.Ordinal))
            .Where(BackupFolder.IsCandidate)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
