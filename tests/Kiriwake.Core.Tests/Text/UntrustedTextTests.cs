using Kiriwake.Core.Text;

namespace Kiriwake.Core.Tests.Text;

/// <summary>Issue 14, item 6: text from a backup, a log or an answer never reaches a terminal as control codes.</summary>
public sealed class UntrustedTextTests
{
    [Fact]
    public void Line_OscTitleSequence_IsShownAsVisibleEscapes()
    {
        var shown = UntrustedText.Line("Evil\u001b]0;PWNED\u0007iPhone");

        Assert.Equal("Evil\\x1B]0;PWNED\\x07iPhone", shown);
        Assert.DoesNotContain(shown, c => c < 0x20);
    }

    [Theory]
    [InlineData("\u009b31m", "\\x9B31m")]
    [InlineData("a\u007fb", "a\\x7Fb")]
    [InlineData("abc\u202Etxt.exe", "abc\\u202Etxt.exe")]
    [InlineData("x\u2066y\u2069", "x\\u2066y\\u2069")]
    [InlineData("one\ntwo\r", "one\\x0Atwo\\x0D")]
    public void Line_C1DelBidiAndLineBreaks_AreEscaped(string input, string expected) =>
        Assert.Equal(expected, UntrustedText.Line(input));

    [Fact]
    public void Block_KeepsLinesAndTabsButEscapesTheRest() =>
        Assert.Equal("a\tb\nc\\x1B[2Jd\ne", UntrustedText.Block("a\tb\r\nc\u001b[2Jd\ne"));

    [Fact]
    public void Line_OrdinaryJapaneseAndEmoji_Unchanged() =>
        Assert.Same("太郎のiPhone 📱", UntrustedText.Line("太郎のiPhone 📱"));

    [Fact]
    public void Shorten_HundredMegabyteAnswer_KeepsTheStartAndSaysHowMuchWasLeftOut()
    {
        var huge = new string('y', 100 * 1024 * 1024);

        var shown = UntrustedText.Shorten(huge, 200);

        Assert.True(shown.Length < 220, shown.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("…(+104857400)", shown, StringComparison.Ordinal);
    }
}
