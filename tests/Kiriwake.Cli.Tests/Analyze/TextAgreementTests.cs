using System.Text.Json;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Analyze;

/// <summary>explain, analyze and diagnose --text read a pasted text through one matcher and give the same answer (issue 8).</summary>
public sealed class TextAgreementTests
{
    private const string RestoreDialog = "iPhoneを復元できませんでした。不明なエラーが発生しました（4013）。";
    private const string FinderDiskFull = "The iPhone could not be backed up because not enough free space is available on this computer.";

    [Theory]
    [InlineData(RestoreDialog, "restore-error-4013", "cable-faulty")]
    [InlineData(FinderDiskFull, "computer-backup-disk-full", "pc-storage-full")]
    [InlineData("このコンピュータに十分な空き領域がないため、iPhoneをバックアップできませんでした。", "computer-backup-disk-full", "pc-storage-full")]
    public async Task ExplainAnalyzeDiagnose_PastedText_SameFirstSymptom(string text, string symptom, string cause)
    {
        var explain = await CliRunner.RunAsync("explain", text, "--kb", RepoPaths.Knowledge, "--format", "json");
        var analyze = await CliRunner.RunWithInputAsync(text, "analyze", "-", "--kb", RepoPaths.Knowledge, "--format", "json");
        var diagnose = await CliRunner.RunAsync("diagnose", "--text", text, "--simulate", cause, "--kb", RepoPaths.Knowledge, "--format", "json");

        Assert.Equal(ExitCodes.Success, explain.ExitCode);
        Assert.Equal(ExitCodes.Success, analyze.ExitCode);
        Assert.Equal(ExitCodes.Success, diagnose.ExitCode);
        using var explainJson = JsonDocument.Parse(explain.Out);
        using var analyzeJson = JsonDocument.Parse(analyze.Out);
        using var diagnoseJson = JsonDocument.Parse(diagnose.Out);
        Assert.Equal(symptom, explainJson.RootElement.GetProperty("symptoms")[0].GetProperty("id").GetString());
        Assert.Equal(symptom, analyzeJson.RootElement.GetProperty("diagnosis").GetProperty("symptom").GetString());
        Assert.Equal(symptom, diagnoseJson.RootElement.GetProperty("symptom").GetString());
    }

    [Fact]
    public async Task Explain_JapaneseRestoreDialog_OneBlockFor4013AndNoOtherNumber()
    {
        var result = await CliRunner.RunAsync("explain", RestoreDialog, "--kb", RepoPaths.Knowledge, "--lang", "ja");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var blocks = result.Out.Split('\n').Where(l => l.StartsWith("──", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("── エラー 4013 ", Assert.Single(blocks), StringComparison.Ordinal);
        Assert.DoesNotContain("restore-error-4013", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_JapaneseRestoreDialog_JsonListsOnlyCode4013()
    {
        var result = await CliRunner.RunAsync("explain", RestoreDialog, "--kb", RepoPaths.Knowledge, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var codes = json.RootElement.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("code").GetInt32()).ToList();
        Assert.Equal([4013], codes);
        Assert.Equal(0, json.RootElement.GetProperty("unknownCodes").GetArrayLength());
    }

    [Theory]
    [InlineData(RestoreDialog, "restore")]
    [InlineData("iPadをアップデートできませんでした。不明なエラーが発生しました (4013)。", "update")]
    public async Task Diagnose_DialogWords_AnswerRestoreOrUpdate(string dialog, string operation)
    {
        var result = await CliRunner.RunAsync("diagnose", "--text", dialog, "--simulate", "device-storage-full", "--kb", RepoPaths.Knowledge, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(operation, json.RootElement.GetProperty("facts").GetProperty("log.operation").GetString());
        var asked = json.RootElement.GetProperty("transcript").EnumerateArray()
            .Where(s => s.GetProperty("id").GetString() == "q-restore-or-update").ToList();
        Assert.All(asked, s => Assert.Equal((operation, "fact"), (s.GetProperty("answer").GetString(), s.GetProperty("source").GetString())));
    }

    [Fact]
    public async Task Analyze_RestoreDialog_FactsInWordsWithoutKeys()
    {
        var result = await CliRunner.RunWithInputAsync(RestoreDialog, "analyze", "-", "--kb", RepoPaths.Knowledge, "--lang", "ja");

        Assert.Contains("エラーコード: 4013", result.Out, StringComparison.Ordinal);
        Assert.Contains("エラーが出た作業: 復元", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("log.error-code", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("restore-error-4013", result.Out, StringComparison.Ordinal);
    }
}
