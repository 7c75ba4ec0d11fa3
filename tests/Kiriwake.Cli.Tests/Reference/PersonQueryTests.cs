using System.Text.Json;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Reference;

/// <summary>The reference commands with what a person types, on the real knowledge base (issue 8).</summary>
public sealed class PersonQueryTests
{
    [Theory]
    [InlineData("forgot password", "faq-encrypted-password-forgotten")]
    [InlineData("DFU vs recovery", "faq-dfu-vs-recovery")]
    [InlineData("icloud full", "faq-delete-photos-enough")]
    [InlineData("lose data", "faq-does-restore-erase")]
    [InlineData("パスワード 忘れた", "faq-encrypted-password-forgotten")]
    [InlineData("DFU リカバリー 違い", "faq-dfu-vs-recovery")]
    [InlineData("iCloud 容量 足りない", "faq-delete-photos-enough")]
    [InlineData("データが消える", "faq-does-restore-erase")]
    public async Task Faq_NaturalQuery_FindsTheEntryFirst(string query, string id)
    {
        var result = await CliRunner.RunAsync(["faq", .. query.Split(' '), "--kb", RepoPaths.Knowledge, "--format", "json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(id, json.RootElement[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("iPhone SE（第2世代）", "iphone-no-home")]
    [InlineData("ｉＰｈｏｎｅ ＳＥ（第２世代）", "iphone-no-home")]
    [InlineData("iPhone SE (2nd generation)", "iphone-no-home")]
    [InlineData("iPhone 8", "iphone-no-home")]
    [InlineData("iPhone 7 Plus", "iphone-7")]
    [InlineData("iPhone SE（第1世代）", "iphone-home")]
    [InlineData("iPad（第9世代）", "ipad-home")]
    [InlineData("iPad Pro 12.9インチ（第3世代）", "ipad-no-home")]
    public async Task Procedure_ModelNameFromSettings_ShowsThatFamilysSteps(string model, string family)
    {
        var result = await CliRunner.RunAsync("procedure", "recovery", "--model", model, "--kb", RepoPaths.Knowledge, "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var procedure = Assert.Single(json.RootElement.GetProperty("procedures").EnumerateArray());
        Assert.Equal(family.Replace("-", string.Empty, StringComparison.Ordinal), procedure.GetProperty("family").GetString()!.Replace("-", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Procedure_AmbiguousName_ListsCandidatesAndExitsNotFound()
    {
        var result = await CliRunner.RunAsync("procedure", "dfu", "--model", "iPad Pro", "--kb", RepoPaths.Knowledge, "--lang", "ja");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("iPad Pro 12.9-inch (3rd generation)", result.Out, StringComparison.Ordinal);
        Assert.Contains("iPad Pro 9.7-inch", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("iPad8,", result.Out, StringComparison.Ordinal);
    }
}
