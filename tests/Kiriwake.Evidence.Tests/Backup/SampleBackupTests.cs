using Kiriwake.Evidence.Backup;
using Kiriwake.Tests;

namespace Kiriwake.Evidence.Tests.Backup;

/// <summary>The shared samples (none is a complete genuine backup): what the verifier says about each.</summary>
public class SampleBackupTests
{
    private static string Sample(params string[] parts) => Path.Combine([RepoPaths.Samples, .. parts]);

    [SharedFact]
    public async Task VerifyAsync_MvtSampleDeep_IsInterruptedWithMissingWrongSizeAndOrphan()
    {
        var report = await new BackupVerifier(TimeProvider.System).VerifyAsync(Sample("mvt", "ios_backup"), new VerifyOptions(Deep: true), CancellationToken.None);

        Assert.Equal(BackupVerdict.Interrupted, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.StatusMissing);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.ManifestPlistMissing);
        var files = report.Files!;
        Assert.Equal(1089, files.Files);
        Assert.Equal(2618, files.Directories);
        Assert.Equal(14, files.Symlinks);
        Assert.Equal(1079, files.Missing + files.ZeroSizeMissing);
        Assert.Equal(9, files.WrongSize);
        Assert.Equal(1, files.Present);
        Assert.Equal(1, files.Orphans);
        Assert.Equal(Path.Combine("e7", "e794f6ffcc3c222535f47684a63d5178da3c4500"), Assert.Single(files.OrphanExamples));
        Assert.Equal("iPhone9,3", report.Device!.ProductType);
        Assert.True(report.FilesChecked);
    }

    [SharedFact]
    public async Task VerifyAsync_IosBackupBrowserSampleDeep_HasPlaceholderStatusAndOneMatchingFile()
    {
        var report = await new BackupVerifier(TimeProvider.System).VerifyAsync(Sample("ios-backup-browser", "sample_backup"), new VerifyOptions(Deep: true), CancellationToken.None);

        Assert.Equal(BackupVerdict.Inconsistent, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Code == BackupReasonCode.StatusNoState);
        var files = report.Files!;
        Assert.Equal(6, files.Records);
        Assert.Equal(1, files.Files);
        Assert.Equal(1, files.Present);
        Assert.Equal(0, files.Missing);
        Assert.Equal(0, files.Orphans);
        Assert.Equal(1562, report.LogicalBytes);
    }
}
