using Kiriwake.Core.Facts;
using Kiriwake.Evidence.Gathering;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.Gathering;

public sealed class EvidenceGathererTests
{
    [Fact]
    public async Task GatherAsync_PastedDialog_GivesTheErrorCodeFactAndReportsProgress()
    {
        var stages = new List<EvidenceStage>();
        var gatherer = new EvidenceGatherer(TestKnowledge.Create(), TimeProvider.System);

        var evidence = await gatherer.GatherAsync(new EvidenceRequest("An unknown error occurred (4013).", "--text", false, null, null),
            new InlineProgress(p => stages.Add(p.Stage)), CancellationToken.None);

        Assert.Contains(evidence.Facts, f => f.Key == FactKeys.ErrorCode && f.Value == "restore:4013");
        Assert.NotNull(evidence.TextStart);
        Assert.Equal([EvidenceStage.ReadingText], stages);
    }

    [Fact]
    public async Task GatherAsync_DeviceWithoutTools_RecordsNoFactFromTheDevice()
    {
        using var empty = new TempFolder();
        var stages = new List<EvidenceStage>();
        var gatherer = new EvidenceGatherer(TestKnowledge.Create(), TimeProvider.System);

        var evidence = await gatherer.GatherAsync(new EvidenceRequest(null, "--text", true, empty.Path, null),
            new InlineProgress(p => stages.Add(p.Stage)), CancellationToken.None);

        Assert.Empty(evidence.Facts);
        Assert.False(EvidenceGatherer.DeviceReadable(evidence.Device!));
        Assert.Equal([EvidenceStage.ReadingDevice, EvidenceStage.DeviceNotRead], stages);
    }

    [Fact]
    public async Task GatherAsync_CompleteBackup_GivesTheBackupFacts()
    {
        using var temp = new TempFolder();
        var folder = BackupFixture.Create(temp.Path, new BackupSpec(Files: 4));
        var gatherer = new EvidenceGatherer(TestKnowledge.Create(), TimeProvider.System);

        var evidence = await gatherer.GatherAsync(new EvidenceRequest(null, "--text", false, null, folder), null, CancellationToken.None);

        Assert.NotNull(evidence.Backup);
        Assert.Contains(evidence.Facts, f => f.Key == FactKeys.BackupLastIncomplete);
    }

    private sealed class InlineProgress(Action<EvidenceProgress> report) : IProgress<EvidenceProgress>
    {
        public void Report(EvidenceProgress value) => report(value);
    }
}
