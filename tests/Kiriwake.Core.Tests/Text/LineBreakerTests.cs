using Kiriwake.Core.Text;

namespace Kiriwake.Core.Tests.Text;

public sealed class LineBreakerTests
{
    private const string Dialog = "iPhoneを復元できませんでした。不明なエラーが発生しました（4013）。ケーブルを純正品に替えて、もう一度お試しください。";

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(17)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(40)]
    public void WrapText_JapaneseAtAnyWidth_KeepsTheKinsokuRules(int width)
    {
        var lines = LineBreaker.WrapText(Dialog, width);

        Assert.Equal(Dialog, string.Concat(lines));
        Assert.All(lines, l => Assert.InRange(LineBreaker.DisplayWidth(l), 1, width));
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], LineBreaker.NoLineStart));
        Assert.All(lines.SkipLast(1), l => Assert.DoesNotContain(l[^1], LineBreaker.NoLineEnd));
        Assert.Contains(lines, l => l.Contains("ケーブル", StringComparison.Ordinal));
    }

    [Fact]
    public void WrapText_PeriodAtTheEdge_PushesTheLastCharacterDown()
    {
        // 「した」 fills the line exactly; 。 may not start the next one, so 「た。」 goes down together.
        var lines = LineBreaker.WrapText("発生しました。次へ", 12);

        Assert.Equal(["発生しまし", "た。次へ"], lines);
    }

    [Fact]
    public void WrapText_OpeningBracketAtTheEdge_MovesToTheNextLine()
    {
        var lines = LineBreaker.WrapText("設定を開く「一般」", 10);

        Assert.Equal(["設定を開く", "「一般」"], lines);
    }

    [Fact]
    public void WrapText_KatakanaWord_NeverSplit()
    {
        var lines = LineBreaker.WrapText("あいうアップデート", 14);

        Assert.Equal(["あいう", "アップデート"], lines);
    }

    [Fact]
    public void WrapText_AsciiWords_BreakOnlyAtSpaces()
    {
        var lines = LineBreaker.WrapText("Connect the iPhone with an Apple cable (4013)", 16);

        Assert.Equal(["Connect the", "iPhone with an", "Apple cable", "(4013)"], lines);
    }

    [Fact]
    public void WrapText_ListNumber_StaysWithItsText()
    {
        var lines = LineBreaker.WrapText("1. 再起動 2. 更新 3. ケーブル交換", 14);

        Assert.DoesNotContain(lines, l => l.TrimEnd().EndsWith("3.", StringComparison.Ordinal) || l.Trim() == "3.");
        Assert.Contains(lines, l => l.StartsWith("3. ケー", StringComparison.Ordinal));
    }

    [Fact]
    public void WrapText_WordLongerThanALine_IsCut()
    {
        var lines = LineBreaker.WrapText("https://support.apple.com/ja-jp/HT201444", 12);

        Assert.All(lines, l => Assert.True(LineBreaker.DisplayWidth(l) <= 12));
        Assert.Equal("https://support.apple.com/ja-jp/HT201444", string.Concat(lines));
    }

    [Fact]
    public void WrapText_Newlines_AlwaysBreak() =>
        Assert.Equal(["一行目", "", "三行目"], LineBreaker.WrapText("一行目\n\n三行目", 40));

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("復元", 4)]
    [InlineData("ｱｲ", 2)]
    [InlineData("（4013）", 8)]
    public void DisplayWidth_Text_CountsWideCharactersTwice(string text, int width) =>
        Assert.Equal(width, LineBreaker.DisplayWidth(text));
}
