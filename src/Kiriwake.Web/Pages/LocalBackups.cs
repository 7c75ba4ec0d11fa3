using Kiriwake.Evidence.Backup;
using Kiriwake.Web.Hosting;

namespace Kiriwake.Web.Pages;

/// <summary>The backup folders on this computer (the verifier's default roots, or the configured folder).</summary>
public static class LocalBackups
{
    public static IReadOnlyList<string> Find(KiriwakeWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var roots = options.BackupsDirectory is { } given ? [new BackupRoot(given, BackupRootKind.Given)] : BackupLocations.DefaultRoots();
        var found = new List<string>();
        foreach (var root in roots)
        {
            try
            {
                found.AddRange(BackupLocations.FindBackups(root));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A root that cannot be read holds no backup we can check.
            }
        }

        return found;
    }

    /// <summary>The folder with this name among the found ones (a posted name never becomes an arbitrary path).</summary>
    public static string? ByName(KiriwakeWebOptions options, string? name) =>
        string.IsNullOrEmpty(name) ? null : Find(options).FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.Ordinal));
}
