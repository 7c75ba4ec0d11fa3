using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Tests.Fixtures;

namespace Kiriwake.Evidence.Tests.Backup;

public sealed class BackupLocationsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void DefaultRoots_Windows_AreITunesAndAppleDevicesFolders()
    {
        var env = new Dictionary<string, string> { ["APPDATA"] = "C:/Users/taro/AppData/Roaming", ["USERPROFILE"] = "C:/Users/taro" };

        var roots = BackupLocations.DefaultRoots(k => env.GetValueOrDefault(k), "C:/Users/taro", windows: true, macOs: false);

        Assert.Equal(
            [
                new BackupRoot(Path.Combine("C:/Users/taro/AppData/Roaming", "Apple Computer", "MobileSync", "Backup"), BackupRootKind.ITunesWindows),
                new BackupRoot(Path.Combine("C:/Users/taro", "Apple", "MobileSync", "Backup"), BackupRootKind.AppleDevicesWindows),
            ],
            roots);
    }

    [Fact]
    public void DefaultRoots_MacOs_IsMobileSyncInApplicationSupport()
    {
        var roots = BackupLocations.DefaultRoots(_ => null, "/Users/taro", windows: false, macOs: true);

        Assert.Equal(Path.Combine("/Users/taro", "Library", "Application Support", "MobileSync", "Backup"), Assert.Single(roots).Path);
    }

    [Fact]
    public void DefaultRoots_Linux_HasNone()
    {
        Assert.Empty(BackupLocations.DefaultRoots(_ => null, "/home/taro", windows: false, macOs: false));
    }

    [Fact]
    public void FindBackups_IdevicebackupStyleRoot_FindsUdidFoldersAndSkipsOthers()
    {
        string a = BackupFixture.Create(_temp.Path, new BackupSpec(Seed: 3));
        string archived = Path.Combine(_temp.Path, Path.GetFileName(a) + "-20261120-213000");
        Directory.CreateDirectory(archived);
        File.Copy(Path.Combine(a, "Info.plist"), Path.Combine(archived, "Info.plist"));
        Directory.CreateDirectory(Path.Combine(_temp.Path, "iMazing.Versions"));
        File.WriteAllText(Path.Combine(_temp.Path, "iMazing.Versions", "Manifest.plist"), "x");
        Directory.CreateDirectory(Path.Combine(_temp.Path, "Music"));

        var found = BackupLocations.FindBackups(new BackupRoot(_temp.Path, BackupRootKind.Given));

        Assert.Equal([a, archived], found);
    }

    [Fact]
    public void FindBackups_RootIsItselfABackup_ReturnsIt()
    {
        string a = BackupFixture.Create(_temp.Path, new BackupSpec());

        Assert.Equal([a], BackupLocations.FindBackups(new BackupRoot(a, BackupRootKind.Given)));
    }

    [Fact]
    public void FindBackups_MissingRoot_ReturnsNone()
    {
        Assert.Empty(BackupLocations.FindBackups(new BackupRoot(Path.Combine(_temp.Path, "none"), BackupRootKind.MacOs)));
    }
}
