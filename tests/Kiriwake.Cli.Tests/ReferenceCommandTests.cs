using System.Text.Json;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests;

/// <summary>The reference commands against a small knowledge base each test writes for itself.</summary>
public sealed class ReferenceCommandTests
{
    [Fact]
    public async Task KbLint_CleanFolder_ExitsZero()
    {
        using var kb = new MiniKnowledge();

        var result = await CliRunner.RunAsync("kb", "lint", "--kb", kb.Root, "--lang", "en");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("no problems", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbLint_BrokenFolder_PrintsEveryProblemAndFails()
    {
        using var kb = new MiniKnowledge();
        kb.Replace("causes/test.yaml", "en: \"Faulty cable\"", "en: \"\"");
        kb.Replace("actions/test.yaml", "gates: [backup-verified, owner-consent]", "gates: [owner-consent]");

        var result = await CliRunner.RunAsync("kb", "lint", "--kb", kb.Root, "--format", "json");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).ToList();
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public async Task AnyCommand_BrokenKnowledge_ExitsKnowledgeInvalidWithoutStackTrace()
    {
        using var kb = new MiniKnowledge();
        kb.Write("notes/broken.yaml", "- id: [oops");

        var result = await CliRunner.RunAsync("explain", "4013", "--kb", kb.Root);

        Assert.Equal(ExitCodes.KnowledgeInvalid, result.ExitCode);
        Assert.Contains("notes/broken.yaml:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4013")]
    [InlineData("iPadをアップデートできませんでした。不明なエラーが発生しました (4013)。")]
    [InlineData("エラー４０１３")]
    public async Task Explain_CodeOrPastedDialog_FindsTheCodeAndItsCauses(string query)
    {
        using var kb = new MiniKnowledge();

        var result = await CliRunner.RunAsync("explain", query, "--kb", kb.Root, "--format", "json", "--lang", "en");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var code = json.RootElement.GetProperty("codes")[0];
        Assert.Equal(4013, code.GetProperty("code").GetInt32());
        Assert.Equal("cable-faulty", code.GetProperty("causes")[0].GetProperty("id").GetString());
        Assert.Equal("change-cable", code.GetProperty("firstSteps")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Explain_MessageWithoutCode_FindsTheSymptom()
    {
        using var kb = new MiniKnowledge();

        var result = await CliRunner.RunAsync("explain", "An unknown error occurred", "--kb", kb.Root, "--lang", "en");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("kiriwake diagnose --symptom restore-error-4013", result.Out, StringComparison.Ordinal);
        Assert.Contains("Faulty cable", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownCode_SaysSoAndExitsNotFound()
    {
        using var kb = new MiniKnowledge();

        var result = await CliRunner.RunAsync("explain", "31337", "--kb", kb.Root, "--lang", "ja");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("エラー 31337 は知識ベースにありません。", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iPhone12,8")]
    [InlineData("iphone se (2nd generation)")]
    [InlineData("iPhone99,1")]
    public async Task Procedure_ModelByIdentifierNameOrRule_ShowsFamilySteps(string model)
    {
        using var kb = new MiniKnowledge();

        var result = await CliRunner.RunAsync("procedure", "dfu", "--model", model, "--kb", kb.Root, "--lang", "en");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains("Hold the side button (about 10 s, approximate)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Procedure_UnknownModel_ExplainsHowToFindIt()
    {
        using var kb = new MiniKnowledge();

        var result = await CliRunner.RunAsync("procedure", "dfu", "--model", "Pixel 9", "--kb", kb.Root, "--lang", "ja");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("設定 > 一般 > 情報 > 機種名", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_Mermaid_ExportsTheFlowInTheChosenLanguage()
    {
        using var kb = new MiniKnowledge();

        var japanese = await CliRunner.RunAsync("flow", "restore-4013", "--format", "mermaid", "--kb", kb.Root, "--lang", "ja");
        var english = await CliRunner.RunAsync("flow", "restore-4013", "--format", "mermaid", "--kb", kb.Root, "--lang", "en");

        Assert.Equal(File.ReadAllText(Path.Combine(kb.Root, "flows", "test.mmd")), japanese.Out);
        Assert.Contains("B -- No --> C[Change the cable]", english.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("データ", "faq-data")]
    [InlineData("erased", "faq-data")]
    public async Task Faq_QueryInEitherLanguage_FindsTheEntry(string query, string id)
    {
        using var kb = new MiniKnowledge();

        var result = await CliRunner.RunAsync("faq", query, "--kb", kb.Root, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(id, json.RootElement[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Faq_NoMatch_ExitsNotFound()
    {
        using var kb = new MiniKnowledge();

        var result = await CliRunner.RunAsync("faq", "zzz", "--kb", kb.Root);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
    }

    [Fact]
    public async Task Checklist_ShowOne_ListsItemsInOrder()
    {
        using var kb = new MiniKnowledge();

        var listed = await CliRunner.RunAsync("checklist", "--kb", kb.Root, "--lang", "en");
        var shown = await CliRunner.RunAsync("checklist", "technician-checklist", "--kb", kb.Root, "--lang", "en");
        var missing = await CliRunner.RunAsync("checklist", "nope", "--kb", kb.Root, "--lang", "en");

        Assert.Contains("technician-checklist", listed.Out, StringComparison.Ordinal);
        Assert.Contains("1. [ ] Apple cable, direct?", shown.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
    }

    [Fact]
    public void UiText_EveryText_HasJapaneseAndEnglish()
    {
        var texts = typeof(UiText).GetFields().Select(f => (f.Name, Text: (Core.Knowledge.LocalizedText)f.GetValue(null)!)).ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Text.Ja) || string.IsNullOrWhiteSpace(t.Text.En), t.Name));
    }
}
