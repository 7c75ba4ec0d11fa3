using System.Reflection;
using Kiriwake.Cli.Commands;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;

namespace Kiriwake.Cli.Tests.Backups;

public class BackupsTextTests
{
    [Fact]
    public void BackupReasonTexts_EveryCode_HasJapaneseAndEnglish()
    {
        foreach (var code in Enum.GetValues<BackupReasonCode>())
        {
            var text = BackupReasonTexts.For(code);
            Assert.False(string.IsNullOrWhiteSpace(text.Ja), $"{code} ja");
            Assert.False(string.IsNullOrWhiteSpace(text.En), $"{code} en");
            Assert.NotEqual(text.Ja, text.En);
        }
    }

    [Fact]
    public void BackupsText_EveryField_HasJapaneseAndEnglish()
    {
        var fields = typeof(BackupsText).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(LocalizedText)).ToArray();

        Assert.NotEmpty(fields);
        Assert.All(fields, f =>
        {
            var text = (LocalizedText)f.GetValue(null)!;
            Assert.False(string.IsNullOrWhiteSpace(text.Ja), f.Name);
            Assert.False(string.IsNullOrWhiteSpace(text.En), f.Name);
        });
    }

    [Fact]
    public void EnumTexts_EveryValue_HasBothLanguages()
    {
        var texts = Enum.GetValues<BackupVerdict>().Select(BackupsText.VerdictName)
            .Concat(Enum.GetValues<SnapshotState>().Select(BackupsText.PhaseName))
            .Concat(Enum.GetValues<BackupDateSource>().Select(BackupsText.DateSource))
            .Concat(Enum.GetValues<SizeCategory>().Select(BackupsText.Category));

        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Ja) || string.IsNullOrWhiteSpace(t.En)));
    }

    [Theory]
    [InlineData(999, "999 B")]
    [InlineData(1500, "1.5 KB")]
    [InlineData(182028381, "182 MB")]
    [InlineData(64_000_000_000, "64 GB")]
    public void Bytes_Values_UseDecimalUnits(long bytes, string expected)
    {
        Assert.Equal(expected, BackupsFormat.Bytes(bytes));
    }
}
