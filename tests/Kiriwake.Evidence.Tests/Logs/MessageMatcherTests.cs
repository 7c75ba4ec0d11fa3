using Kiriwake.Evidence.Logs;

namespace Kiriwake.Evidence.Tests.Logs;

public sealed class MessageMatcherTests
{
    [Theory]
    [InlineData("iTunes could not back up the iPhone \"Name\" because the iPhone disconnected.", "iTunes could not back up the iPhone “Taro’s iPhone” because the iPhone disconnected.")]
    [InlineData("…because the iPhone disconnected.", "iTunes could not back up the iPhone \"X\" because the iPhone disconnected")]
    [InlineData("不明なエラーが発生しました (4013)。", "不明なエラーが発生しました（４０１３）")]
    [InlineData("Not Enough Storage", "NOT ENOUGH   STORAGE")]
    [InlineData("iTunes could not back up the iPhone because the iPhone disconnected.", "iTunes could not back up the iPhone \"Hanako's iPhone\" because the iPhone disconnected.")]
    [InlineData("iPhoneがコンピュータから取り外されたため、iPhoneをバックアップできませんでした。", "iPhoneがコンピュータから取り外されたため、iPhone\"花子\"をバックアップできませんでした。")]
    public void Find_PastedVariant_Found(string message, string text) =>
        Assert.NotNull(new MessageMatcher(text).Find(message));

    [Theory]
    [InlineData("iTunes could not back up the iPhone \"Name\" because the iPhone disconnected.", "iTunes could not back up the iPhone because the backup session failed.")]
    [InlineData("…", "anything at all")]
    [InlineData("Not Enough Storage", "Enough storage")]
    public void Find_DifferentOrEmptyMessage_NotFound(string message, string text) =>
        Assert.Null(new MessageMatcher(text).Find(message));

    [Fact]
    public void Find_SecondLine_LineAndColumnOfFirstCharacter()
    {
        var at = new MessageMatcher("first line\n  Not Enough Storage here").Find("Not Enough Storage");

        Assert.Equal((2, 3, true), (at!.Line, at.Column, at.Exact));
    }

    [Fact]
    public void FindAll_ManyMessages_SameAnswersAsOneByOne()
    {
        var text = "x \"a\" could not be restored. An unknown error occurred (4013).\nNot Enough Storage\nNot Enough Storage again";
        string[] messages =
        [
            "could not be restored. An unknown error occurred (4013)",
            "could not be restored. An unknown error occurred",
            "Not Enough Storage",
            "An unknown error occurred (9)",
            "…",
            "storage again",
        ];
        var matcher = new MessageMatcher(text);

        var all = matcher.FindAll(messages);

        Assert.Equal(messages.Select(matcher.Find), all);
        Assert.Equal([true, true, true, false, false, true], all.Select(m => m is not null));
    }
}
