using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Logs;

namespace Kiriwake.Evidence.Tests.Logs;

public sealed class LogMeaningsTests
{
    [Fact]
    public void Meanings_EveryText_JapaneseAndEnglish()
    {
        var texts = typeof(LogMeanings).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => (LocalizedText)f.GetValue(null)!)
            .Concat(new[] { -3, -4, -5, -6, -8, -1 }.Select(LogMeanings.MobileBackup2))
            .Concat(new[] { "Unable to discover device mode", "Unable to get SHSH blobs for this device", "Device did not reconnect in recovery mode", "Unable to restore device" }.Select(LogMeanings.RestoreFailure))
            .Concat(new[] { "Normal", "Recovery", "DFU", "Port DFU", "Restore" }.Select(LogMeanings.DeviceMode))
            .ToList();

        Assert.True(texts.Count >= 20);
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Ja));
            Assert.False(string.IsNullOrWhiteSpace(t.En));
            Assert.NotEqual(t.Ja, t.En);
        });
    }

    [Theory]
    [InlineData("Disk Failure", 6)]
    [InlineData("Fail", 14)]
    [InlineData("Failed to mount filesystems.", 27)]
    [InlineData("Failed to load SEP Firmware.", 50)]
    [InlineData("Failed to recover FDR data.", 53)]
    [InlineData("X-Gold Baseband Update Failed. Defective Unit?", 1015)]
    public void RestoreStatusCode_ReferenceStatusLines_ItunesNumbers(string status, int code) =>
        Assert.Equal(code, LogMeanings.RestoreStatusCode(status));

    [Fact]
    public void RestoreStatusCode_ProgressLine_Null() => Assert.Null(LogMeanings.RestoreStatusCode("Verifying restore"));
}
