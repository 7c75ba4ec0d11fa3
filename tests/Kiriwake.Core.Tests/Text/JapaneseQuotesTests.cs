using Kiriwake.Core.Text;

namespace Kiriwake.Core.Tests.Text;

public sealed class JapaneseQuotesTests
{
    [Theory]
    [InlineData("「前回のバックアップが完了しなかった」と表示される", "『前回のバックアップが完了しなかった』と表示される")]
    [InlineData("「このコンピュータを信頼」を許可する", "『このコンピュータを信頼』を許可する")]
    [InlineData("パソコンの空き容量を確保", "パソコンの空き容量を確保")]
    [InlineData("", "")]
    public void Nested_TitleWithItsOwnQuotes_UsesDoubleBracketsInside(string title, string expected)
    {
        Assert.Equal(expected, JapaneseQuotes.Nested(title));
    }
}
