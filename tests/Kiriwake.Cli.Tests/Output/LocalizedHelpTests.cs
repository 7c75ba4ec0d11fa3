using Kiriwake.Cli.Output;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Text;

namespace Kiriwake.Cli.Tests.Output;

public sealed class LocalizedHelpTests
{
    public static TheoryData<string> Commands() =>
    [
        "", "diagnose", "kb", "kb learn", "kb eval", "explain", "procedure", "backups", "backups verify", "backups create",
        "device", "device recovery", "analyze", "users add", "cases export", "audit verify", "serve",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_Japanese_EveryLineFitsTheTerminalAndIsJapanese(string command)
    {
        var result = await CliRunner.RunAsync([.. Split(command), "--help", "--lang", "ja"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("使い方:", result.Out, StringComparison.Ordinal);
        Assert.Contains("オプション:", result.Out, StringComparison.Ordinal);
        foreach (var line in result.Out.Split('\n'))
        {
            Assert.True(LineBreaker.DisplayWidth(line.TrimEnd('\r')) <= 100, $"wider than the terminal: {line}");
            Assert.DoesNotContain(" / ", line, StringComparison.Ordinal); // one language, not both
        }

        Assert.DoesNotContain("Options:", result.Out, StringComparison.Ordinal);
        Assert.Contains("この説明を表示", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_English_NoJapaneseDescriptions(string command)
    {
        var result = await CliRunner.RunAsync([.. Split(command), "--help", "--lang", "en"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Options:", result.Out, StringComparison.Ordinal);
        var japanese = result.Out.Split('\n').Where(l => l.Any(c => c is >= '\u3040' and <= '\u30ff')).ToList();
        Assert.True(japanese.All(l => l.Contains("切り分け", StringComparison.Ordinal)), string.Join('\n', japanese)); // only the name
    }

    [Fact]
    public async Task Help_DiagnoseJapanese_ExamplesKeptAndValuesListed()
    {
        var result = await CliRunner.RunAsync("diagnose", "--help", "--lang", "ja");

        Assert.Contains("エラーコード (例: 4013、backup:105)", result.Out, StringComparison.Ordinal);
        Assert.Contains("--platform <ios|macos-finder|windows-apple-devices|windows-itunes>", result.Out, StringComparison.Ordinal);
        Assert.Contains("[既定: text]", result.Out.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("[既定:text]", "[既定: text]", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("--device <", result.Out, StringComparison.Ordinal); // a switch takes no value
    }

    [Theory]
    [InlineData("Error code / エラーコード", Language.Ja, "エラーコード")]
    [InlineData("Error code / エラーコード", Language.En, "Error code")]
    [InlineData("ios, windows-itunes / 使っている環境", Language.En, "ios, windows-itunes")]
    [InlineData("YAML/JSON step id / 回答", Language.En, "YAML/JSON step id")]
    [InlineData("Output format: text, markdown", Language.Ja, "Output format: text, markdown")] // one language only: as it is
    [InlineData("a / b", Language.Ja, "a / b")] // no Japanese after the slash: not a pair
    public void Pick_Pair_TheHalfAsked(string text, Language language, string expected) =>
        Assert.Equal(expected, LocalizedHelp.Pick(text, language));

    private static string[] Split(string command) => command.Length == 0 ? [] : command.Split(' ');
}
