using System.Text.Json;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests;

/// <summary>The reference commands on the real knowledge base, with the examples of issue #2.</summary>
public sealed class RealKnowledgeCommandTests
{
    [Theory]
    [InlineData("4013", 4013, "restore-error-4013")]
    [InlineData("iPadをアップデートできませんでした。不明なエラーが発生しました (4013)。", 4013, "restore-error-4013")]
    [InlineData("-1", -1, null)]
    [InlineData("105", 105, null)]
    public async Task Explain_IssueExamples_FindTheCodeWithCausesAndSteps(string query, int code, string? symptom)
    {
        var result = await CliRunner.RunAsync("explain", query, "--kb", RepoPaths.Knowledge, "--format", "json", "--lang", "ja");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var codes = json.RootElement.GetProperty("codes").EnumerateArray().ToList();
        Assert.Contains(codes, c => c.GetProperty("code").GetInt32() == code);
        Assert.All(codes, c => Assert.NotEqual(0, c.GetProperty("causes").GetArrayLength()));
        if (symptom is not null)
        {
            Assert.Contains(json.RootElement.GetProperty("symptoms").EnumerateArray(), s => s.GetProperty("id").GetString() == symptom);
        }
    }

    [Fact]
    public async Task Explain_LastBackupMessageInEnglish_FindsTheIcloudSymptom()
    {
        var result = await CliRunner.RunAsync("explain", "The last backup could not be completed.", "--kb", RepoPaths.Knowledge, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("icloud-last-backup-incomplete", json.RootElement.GetProperty("symptoms")[0].GetProperty("id").GetString());
        Assert.InRange(json.RootElement.GetProperty("symptoms")[0].GetProperty("score").GetDouble(), 0.9, 1.0);
    }

    [Fact]
    public async Task Explain_UnknownCodeInAKnownRange_SuggestsTheClass()
    {
        var result = await CliRunner.RunAsync("explain", "3999", "--kb", RepoPaths.Knowledge, "--format", "json");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(0, json.RootElement.GetProperty("codes").GetArrayLength());
        var suggested = json.RootElement.GetProperty("unknownCodes")[0].GetProperty("suggestedClasses")[0];
        Assert.Equal("network", suggested.GetProperty("class").GetString());
        Assert.Contains("Apple's", suggested.GetProperty("meaning").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("force-restart", "iPhone12,8")]
    [InlineData("recovery", "iPhone SE (2nd generation)")]
    [InlineData("dfu", "iPhone 7")]
    [InlineData("dfu", "iPad8,1")]
    public async Task Procedure_RealModels_ShowSteps(string kind, string model)
    {
        var result = await CliRunner.RunAsync("procedure", kind, "--model", model, "--kb", RepoPaths.Knowledge, "--format", "json", "--lang", "en");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("procedures")[0].GetProperty("steps").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task Flow_4013AsMermaid_IsTheDocumentsText()
    {
        var result = await CliRunner.RunAsync("flow", "restore-4013", "--format", "mermaid", "--kb", RepoPaths.Knowledge, "--lang", "ja");

        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Knowledge, "flows", "restore-4013.mmd")).ReplaceLineEndings("\n"), result.Out);
    }

    [Theory]
    [InlineData("暗号化 パスワード")]
    [InlineData("DFU recovery")]
    public async Task Faq_Queries_FindAnswers(string query)
    {
        var result = await CliRunner.RunAsync(["faq", .. query.Split(' '), "--kb", RepoPaths.Knowledge]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }
}
