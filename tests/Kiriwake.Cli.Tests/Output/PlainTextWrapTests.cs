using Kiriwake.Cli.Output;
using Kiriwake.Core.Text;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Output;

public sealed class PlainTextWrapTests
{
    [Fact]
    public void Wrap_JapaneseBullet_ContinuationUnderTheTextAndNoLineStartsWithAComma()
    {
        var text = "知っておくこと\n  • 予防: iCloudとパソコンの「二重バックアップ」：普段はiCloudで自動バックアップ、機種変更前・大きな更新前はPCでも保存します。";

        var lines = PlainTextWrap.Wrap(text, 40).Split('\n');

        Assert.Equal("知っておくこと", lines[0]);
        Assert.StartsWith("  • 予防", lines[1], StringComparison.Ordinal);
        Assert.True(lines.Length > 3);
        Assert.All(lines.Skip(2), l => Assert.StartsWith("    ", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(LineBreaker.DisplayWidth(l) <= 40, l));
        Assert.All(lines, l => Assert.False(l.TrimStart().StartsWith('、'), l));
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
            string.Concat(lines).Replace(" ", "", StringComparison.Ordinal)); // nothing lost
    }

    [Theory]
    [InlineData("  1. とても長い手順の名前がここに入りますがこれは折り返されるべき長さの文です", "     ")]
    [InlineData("  [ ] 中断していた復元またはアップデートが最後まで完了し、エラーが再発しない。", "      ")]
    public void Wrap_NumberedOrCheckbox_HangsUnderTheText(string line, string hang)
    {
        var lines = PlainTextWrap.Wrap(line, 30).Split('\n');

        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(hang, l, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrap_ShortLines_Unchanged()
    {
        const string text = "結果\n  • 解決: ケーブルを替える\n\n";

        Assert.Equal(text, PlainTextWrap.Wrap(text, 80));
    }

    [Fact]
    public async Task Diagnose_TextReportJapanese_EveryLineFitsTheTerminal()
    {
        var result = await CliRunner.RunAsync("diagnose", "--error", "4013", "--lang", "ja", "--simulate", "cable-faulty", "--kb", RepoPaths.Knowledge);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("予防", result.Out, StringComparison.Ordinal);
        Assert.All(result.Out.Split('\n'), l => Assert.True(LineBreaker.DisplayWidth(l) <= 100, l));
    }
}
