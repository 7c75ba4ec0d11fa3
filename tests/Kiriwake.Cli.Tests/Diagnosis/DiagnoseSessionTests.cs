using System.Text.Json;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>Ending at any prompt (Ctrl+C, Ctrl+D), the sessions list, a bare --resume, and text that matches nothing.</summary>
public sealed class DiagnoseSessionTests : IDisposable
{
    private const string Symptom = "restore-error-4013";
    private readonly DiagnoseKnowledge _kb = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("kiriwake-sessions-").FullName;

    public void Dispose()
    {
        _kb.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Diagnose_CtrlCWhileWaitingForAnAnswer_SavesTheSessionAndExits130()
    {
        using var reader = new WaitingReader("yes");
        using var cts = new CancellationTokenSource();
        var run = Tests.CliRunner.RunInAsync(new CliRun("", _folder, Cancellation: cts.Token) { Reader = reader },
            "diagnose", "--kb", _kb.Root, "--symptom", Symptom, "--lang", "en");
        Assert.True(reader.Waiting.Wait(TimeSpan.FromSeconds(30)), "the command never asked a second time");

        await cts.CancelAsync();
        var result = await run;

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("Ctrl+C received. The answers so far are saved.", result.Error, StringComparison.Ordinal);
        var saved = Directory.GetFiles(_folder, "session-*.json").Single();
        Assert.Contains("\"answer\": \"yes\"", File.ReadAllText(saved), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_BareResume_ContinuesTheLatestUnfinishedSessionWithARecap()
    {
        await Tests.CliRunner.RunInAsync(new CliRun("2\n", _folder), "diagnose", "--kb", _kb.Root, "--symptom", Symptom, "--lang", "ja");

        var resumed = await Tests.CliRunner.RunInAsync(new CliRun("中断\n", _folder), "diagnose", "--kb", _kb.Root, "--resume", "--lang", "ja", "--format", "json");

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.Error);
        Assert.Contains("前回の続きです。これまでの回答:", resumed.Error, StringComparison.Ordinal);
        Assert.Contains("→ いいえ", resumed.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(resumed.Out);
        Assert.Equal("no", json.RootElement.GetProperty("transcript")[0].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Diagnose_BareResumeWithNothingUnfinished_SaysSoAndExitsNotFound()
    {
        var result = await Tests.CliRunner.RunInAsync(new CliRun("", _folder), "diagnose", "--kb", _kb.Root, "--resume", "--lang", "en");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("There is no unfinished session to resume.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_Sessions_ListsThemNewestFirstWithTheirState()
    {
        await Tests.CliRunner.RunInAsync(new CliRun("1\n", _folder), "diagnose", "--kb", _kb.Root, "--symptom", Symptom, "--lang", "ja");

        var list = await Tests.CliRunner.RunInAsync(new CliRun("", _folder), "diagnose", "--kb", _kb.Root, "--sessions", "--lang", "ja");

        Assert.Equal(ExitCodes.Success, list.ExitCode);
        Assert.Contains("保存された診断 (新しい順):", list.Out, StringComparison.Ordinal);
        Assert.Contains("(中断中, 回答 1 件)", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Symptom, list.Out.Replace(_folder, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_TextMatchingNothing_FallsBackToTheSymptomList()
    {
        var result = await Tests.CliRunner.RunInAsync(new CliRun("1\n中断\n", _folder), "diagnose", "--kb", _kb.Root, "--text", "まったく関係のない文章です", "--lang", "ja");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains("貼り付けた文から症状を特定できませんでした。一覧から選んでください。", result.Error, StringComparison.Ordinal);
        Assert.Contains("手順 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_DeviceWithoutTools_DoesNotClaimToHaveReadTheDevice()
    {
        var empty = Directory.CreateTempSubdirectory("kiriwake-no-tools-").FullName;
        try
        {
            var result = await Tests.CliRunner.RunInAsync(new CliRun("中断\n", _folder), "diagnose", "--kb", _kb.Root, "--symptom", Symptom, "--device", "--tools", empty, "--lang", "ja", "--format", "json");

            Assert.DoesNotContain("件の情報を読み取りました", result.Error, StringComparison.Ordinal);
            Assert.Contains("接続中の端末は読み取れませんでした", result.Error, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(result.Out);
            Assert.Empty(json.RootElement.GetProperty("facts").EnumerateObject());
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Diagnose_UndoAfterTheGateAnswer_AsksTheGateAgainAndForgetsTheBackup()
    {
        var result = await Tests.CliRunner.RunInAsync(new CliRun("はい\n3\n直らない\n直らない\nはい\n戻る\nいいえ\n", _folder),
            "diagnose", "--kb", _kb.Root, "--symptom", Symptom, "--lang", "ja", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Equal(2, result.Error.Split("確認済みのバックアップはありますか?").Length - 1);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("false", json.RootElement.GetProperty("facts").GetProperty("backup.verified").GetString());
        Assert.Equal("escalated", json.RootElement.GetProperty("outcome").GetString());
    }

    /// <summary>Gives its lines, then blocks as a terminal does until the test is over.</summary>
    private sealed class WaitingReader(params string[] lines) : TextReader
    {
        private readonly Queue<string> _lines = new(lines);
        private readonly ManualResetEventSlim _released = new();

        public ManualResetEventSlim Waiting { get; } = new();

        public override string? ReadLine()
        {
            if (_lines.TryDequeue(out var line))
            {
                return line;
            }

            Waiting.Set();
            _released.Wait(TimeSpan.FromSeconds(60));
            return null;
        }

        protected override void Dispose(bool disposing)
        {
            _released.Set();
            if (disposing)
            {
                Waiting.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
