using System.Text.Json;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Analyze;

/// <summary>`kiriwake analyze` on the captured texts, against the real knowledge base.</summary>
public sealed class AnalyzeCommandTests
{
    [Theory]
    [InlineData("dialog-ja-restore-4013.txt", 4013, 1, "restore-error-4013")]
    [InlineData("dialog-en-restore-4013.txt", 4013, 1, "restore-error-4013")]
    [InlineData("idevicebackup2-105-disk-full.txt", 105, 10, "computer-backup-disk-full")]
    [InlineData("idevicerestore-master-status-fail.txt", 27, 5, "restore-error-hardware")]
    [InlineData("itunes-log-3194.txt", 3194, 5, "restore-error-software")]
    public async Task Analyze_FileJson_FindingKeysAndDiagnosisSymptom(string file, int code, int line, string symptom)
    {
        var result = await CliRunner.RunAsync("analyze", Path.Combine(TestPaths.Logs, file), "--kb", RepoPaths.Knowledge, "--format", "json", "--lang", "en");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray()
            .First(f => f.GetProperty("code").ValueKind == JsonValueKind.Number && f.GetProperty("code").GetInt32() == code);
        Assert.Equal(line, finding.GetProperty("line").GetInt32());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
        Assert.NotEqual(0, finding.GetProperty("symptoms").GetArrayLength());
        Assert.NotEqual(0, finding.GetProperty("causes").GetArrayLength());
        Assert.Equal(symptom, json.RootElement.GetProperty("diagnosis").GetProperty("symptom").GetString());
    }

    [Fact]
    public async Task Analyze_StandardInputJapanese_FindingWithLineAndCauses()
    {
        var result = await CliRunner.RunWithInputAsync("メモ\niPadをアップデートできませんでした。不明なエラーが発生しました (4013)。\n", "analyze", "-", "--kb", RepoPaths.Knowledge, "--lang", "ja");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("エラー 4013", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 行目", result.Out, StringComparison.Ordinal);
        Assert.Contains("考えられる原因", result.Out, StringComparison.Ordinal);
        Assert.Contains("kiriwake diagnose --text", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_NothingFound_NotFoundExit()
    {
        var result = await CliRunner.RunAsync("analyze", Path.Combine(TestPaths.Logs, "unrelated-text.txt"), "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("No error code or known message was found.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MissingFile_NotFoundExit()
    {
        var result = await CliRunner.RunAsync("analyze", Path.Combine(TestPaths.Logs, "no-such-file.txt"), "--kb", RepoPaths.Knowledge);

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
    }

    [Fact]
    public async Task Analyze_MarkupInText_PrintedLiterally()
    {
        var result = await CliRunner.RunWithInputAsync("[bold]An unknown error occurred (4013).[/]", "analyze", "-", "--kb", RepoPaths.Knowledge, "--lang", "en");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("[bold]An unknown error occurred (4013).[/]", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_Utf16LogWithBom_Read()
    {
        var path = Path.Combine(Path.GetTempPath(), "kiriwake-utf16-" + Guid.NewGuid().ToString("N") + ".log");
        await File.WriteAllTextAsync(path, File.ReadAllText(Path.Combine(TestPaths.Logs, "itunes-log-4013.txt")), System.Text.Encoding.Unicode);
        try
        {
            var result = await CliRunner.RunAsync("analyze", path, "--kb", RepoPaths.Knowledge, "--format", "json");

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            Assert.Contains("\"code\": 4013", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
