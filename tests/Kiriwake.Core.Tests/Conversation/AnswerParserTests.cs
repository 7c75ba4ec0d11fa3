using Kiriwake.Core.Conversation;

namespace Kiriwake.Core.Tests.Conversation;

public sealed class AnswerParserTests
{
    private static readonly AnswerChoice[] s_yesNo = [new("yes", "はい"), new("no", "いいえ")];
    private static readonly AnswerChoice[] s_action = [new("fixed", "直った"), new("not-fixed", "直らない"), new("skipped", "できなかった・やらない")];
    private static readonly AnswerChoice[] s_gate = [new("backup-verified", "はい、確認済みのバックアップがある"), new("accept-loss", "バックアップはないが、データが消えてもよい"), new("no", "いいえ(データを消す手順は行わない)")];
    private static readonly AnswerChoice[] s_dfu = [new("detected", "はい、DFUで認識された"), new("not-detected", "いいえ、DFUに入らない / 認識されない")];

    [Theory]
    [InlineData("はい", "yes")]
    [InlineData("いいえ", "no")]
    [InlineData("Ｙｅｓ", "yes")]
    [InlineData("YES", "yes")]
    [InlineData("y", "yes")]
    [InlineData("Ｎ", "no")]
    [InlineData("1", "yes")]
    [InlineData("２", "no")]
    [InlineData(" はい。 ", "yes")]
    public void Parse_YesNoQuestion_TakesWhatAPersonTypes(string input, string expected) =>
        Assert.Equal(expected, AnswerParser.Parse(input, s_yesNo)?.Value);

    [Theory]
    [InlineData("直った", "fixed")]
    [InlineData("直らない", "not-fixed")]
    [InlineData("はい", "fixed")]
    [InlineData("いいえ", "not-fixed")]
    [InlineData("３", "skipped")]
    [InlineData("できなかった", "skipped")]
    [InlineData("not-fixed", "not-fixed")]
    public void Parse_Action_TakesLabelsNumbersAndYesNo(string input, string expected) =>
        Assert.Equal(expected, AnswerParser.Parse(input, s_action)?.Value);

    [Theory]
    [InlineData("はい", "backup-verified")]
    [InlineData("いいえ", "no")]
    [InlineData("2", "accept-loss")]
    [InlineData("バックアップはないが、データが消えてもよい", "accept-loss")]
    public void Parse_GateChoices_NeverNeedAnEnglishId(string input, string expected) =>
        Assert.Equal(expected, AnswerParser.Parse(input, s_gate)?.Value);

    [Theory]
    [InlineData("はい", "detected")]
    [InlineData("いいえ", "not-detected")]
    public void Parse_LabelsStartingWithYesOrNo_PickTheMatchingAnswer(string input, string expected) =>
        Assert.Equal(expected, AnswerParser.Parse(input, s_dfu)?.Value);

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("は")]
    public void Parse_NotAChoice_ReturnsNull(string input) => Assert.Null(AnswerParser.Parse(input, s_action));
}
