using Spectre.Console;

namespace Kiriwake.Cli.Tests.Output;

public sealed class WrappedMarkupTests
{
    [Fact]
    public void Lines_StyleAcrossABreak_ClosedAndReopened()
    {
        var lines = WrappedMarkup.Lines("[bold]あいうえおかきくけこ[/]", 10);

        Assert.Equal(["[bold]あいうえお[/]", "[bold]かきくけこ[/]"], lines);
    }

    [Fact]
    public void Lines_EscapedBrackets_StayEscapedAndCountOnce()
    {
        var lines = WrappedMarkup.Lines("[[4013]] ok", 20);

        Assert.Equal("[[4013]] ok", Assert.Single(lines));
        Assert.Equal("[4013] ok", WrappedMarkup.Plain(lines[0]));
    }

    [Fact]
    public void Write_JapaneseList_NoLineStartsWithClosingMarks()
    {
        using var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, color: false);
        console.Profile.Width = 30;

        ListView.Write(console, [("1.", Markup.Escape("iPhoneを復元できませんでした。不明なエラーが発生しました（4013）。アップデートを選びます。"))]);

        var lines = writer.ToString().Split('\n').Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count >= 3);
        Assert.All(lines, l => Assert.True(l.StartsWith("  1. ", StringComparison.Ordinal) || l.StartsWith("     ", StringComparison.Ordinal), l));
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l.TrimStart()[0], "。、）」ー"));
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
        Assert.Contains(lines, l => l.Contains("アップデート", StringComparison.Ordinal));
    }
}
