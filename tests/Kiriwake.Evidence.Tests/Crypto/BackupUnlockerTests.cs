using System.Text;
using Kiriwake.Evidence.Crypto;
using Kiriwake.Evidence.Tests.Fixtures;

namespace Kiriwake.Evidence.Tests.Crypto;

public sealed class BackupUnlockerTests
{
    [Fact]
    public async Task UnlockAsync_RightPassword_UnlocksWithKeys()
    {
        using var temp = new TempFolder();
        var folder = BackupFixture.Create(temp.Path, new BackupSpec(Files: 3, Encrypted: true));
        var (locked, ended) = BackupUnlocker.Prepare(folder);

        var result = await BackupUnlocker.UnlockAsync(locked!, Encoding.UTF8.GetBytes("kiriwake-test"), null, CancellationToken.None);

        Assert.Null(ended);
        Assert.Equal(UnlockStatus.Unlocked, result.Status);
        Assert.NotNull(result.Keys);
        Assert.True(result.Encrypted);
    }

    [Fact]
    public async Task UnlockAsync_WrongPassword_SaysSoAndZeroesThePassword()
    {
        using var temp = new TempFolder();
        var folder = BackupFixture.Create(temp.Path, new BackupSpec(Files: 3, Encrypted: true));
        var (locked, _) = BackupUnlocker.Prepare(folder);
        var password = Encoding.UTF8.GetBytes("wrong");

        var result = await BackupUnlocker.UnlockAsync(locked!, password, null, CancellationToken.None);

        Assert.Equal(UnlockStatus.WrongPassword, result.Status);
        Assert.Null(result.Keys);
        Assert.All(password, b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task UnlockAsync_NoPassword_AsksForOne()
    {
        using var temp = new TempFolder();
        var (locked, _) = BackupUnlocker.Prepare(BackupFixture.Create(temp.Path, new BackupSpec(Files: 3, Encrypted: true)));

        Assert.Equal(UnlockStatus.NoPassword, (await BackupUnlocker.UnlockAsync(locked!, null, null, CancellationToken.None)).Status);
    }

    [Fact]
    public void Prepare_UnencryptedBackup_EndsNotEncrypted()
    {
        using var temp = new TempFolder();
        var (locked, ended) = BackupUnlocker.Prepare(BackupFixture.Create(temp.Path, new BackupSpec(Files: 3)));

        Assert.Null(locked);
        Assert.Equal(UnlockStatus.NotEncrypted, ended!.Status);
    }

    [Fact]
    public void Prepare_FolderWithoutManifest_EndsNotABackup()
    {
        using var temp = new TempFolder();

        var (_, ended) = BackupUnlocker.Prepare(temp.Path);

        Assert.Equal(UnlockStatus.NotABackup, ended!.Status);
    }
}
