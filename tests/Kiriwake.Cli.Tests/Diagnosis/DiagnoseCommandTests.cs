using System.Text.Json;

namespace Kiriwake.Cli.Tests.Diagnosis;

public sealed class DiagnoseCommandTests
{
    private const string Symptom = "restore-error-4013";

    [Fact]
    public void Diagnose_ScriptedAnswers_ReachesTheFixAndPrintsTheTranscriptAsJson()
    {
        using var kb = new DiagnoseKnowledge();
        var answers = Write(kb, "answers.yaml", "q-cable: \"no\"\nq-connected: \"yes\"\nchange-cable: not-fixed\nforce-restart: fixed\n");

        var result = CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers, "--format", "json", "--lang", "en");

        Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("fixed", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("force-restart", json.RootElement.GetProperty("resolvedBy").GetString());
        var steps = json.RootElement.GetProperty("transcript").EnumerateArray().ToArray();
        Assert.Equal("force-restart", steps[^1].GetProperty("id").GetString());
        Assert.Equal("action", steps[^1].GetProperty("kind").GetString());
        Assert.Equal("low", steps[^1].GetProperty("risk").GetString());
        Assert.Equal("fixed", steps[^1].GetProperty("answer").GetString());
        Assert.All(steps, s => Assert.Contains(s.GetProperty("kind").GetString(), new[] { "question", "action", "escalation" }));
        Assert.Contains("4013 does not recur", json.RootElement.GetProperty("acceptance")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_AnswersFileLacksAStep_PrintsThatStepAndExitsNeedsAnswer()
    {
        using var kb = new DiagnoseKnowledge();
        var answers = Write(kb, "empty.json", "{}");

        var result = CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers, "--format", "json");

        Assert.True(ExitCodes.NeedsAnswer == result.Exit, $"exit {result.Exit}: {result.Err}");
        using var json = JsonDocument.Parse(result.Out);
        var step = json.RootElement.GetProperty("needsAnswer");
        Assert.Equal("q-cable", step.GetProperty("id").GetString());
        Assert.Equal(["yes", "no"], step.GetProperty("accepts").EnumerateArray().Select(a => a.GetString()!).ToArray());
    }

    [Fact]
    public void Diagnose_SaveThenResume_KeepsEveryAnswerAndFinishes()
    {
        using var kb = new DiagnoseKnowledge();
        var session = kb.Temp("session.json");
        var first = Write(kb, "first.yaml", "q-cable: \"no\"\n");
        var rest = Write(kb, "rest.yaml", "q-connected: \"yes\"\nchange-cable: not-fixed\nforce-restart: not-fixed\n");

        var paused = CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", first, "--save", session);
        var resumed = CliRunner.Run("diagnose", "--kb", kb.Root, "--resume", session, "--answers", rest, "--format", "json");

        Assert.True(ExitCodes.NeedsAnswer == paused.Exit, $"exit {paused.Exit}: {paused.Err}");
        Assert.True(ExitCodes.Success == resumed.Exit, $"exit {resumed.Exit}: {resumed.Err}");
        using var json = JsonDocument.Parse(resumed.Out);
        var ids = json.RootElement.GetProperty("transcript").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray();
        Assert.Equal("q-cable", ids[0]);
        Assert.Equal("escalated", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("apple-support", ids[^1]);
        Assert.DoesNotContain("dfu-restore", ids);
        var held = json.RootElement.GetProperty("heldBack")[0];
        Assert.Equal("dfu-restore", held.GetProperty("actionId").GetString());
        Assert.Equal("backup-verified", held.GetProperty("missingGates")[0].GetString());
    }

    [Fact]
    public void Diagnose_InteractiveUndo_TakesBackTheLastAnswer()
    {
        using var kb = new DiagnoseKnowledge();

        var result = CliRunner.RunWithInput("yes\nundo\nno\nmaybe\nnot-fixed\nquit\n", "diagnose", "--kb", kb.Root, "--symptom", Symptom, "--format", "json", "--lang", "en");

        Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
        Assert.Contains("The last answer was taken back.", result.Err, StringComparison.Ordinal);
        Assert.Contains("\"maybe\" is not one of the answers", result.Err, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        var steps = json.RootElement.GetProperty("transcript").EnumerateArray().ToArray();
        Assert.Equal(("q-cable", "no"), (steps[0].GetProperty("id").GetString(), steps[0].GetProperty("answer").GetString()));
        Assert.Equal(("change-cable", "not-fixed"), (steps[1].GetProperty("id").GetString(), steps[1].GetProperty("answer").GetString()));
        Assert.Equal("in-progress", json.RootElement.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("cable-faulty")]
    [InlineData("software-glitch")]
    [InlineData("device-hardware-fault")]
    public void Diagnose_SimulateEveryCause_NeverProposesTheDataLossStepWithoutABackup(string cause)
    {
        using var kb = new DiagnoseKnowledge();

        var result = CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--simulate", cause, "--format", "json");

        Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
        using var json = JsonDocument.Parse(result.Out);
        Assert.DoesNotContain(json.RootElement.GetProperty("transcript").EnumerateArray(), s => s.GetProperty("risk").GetString() == "data-loss");
    }

    [Fact]
    public void Diagnose_VerifiedBackupFact_AllowsTheRestoreForAGlitchTheRestartMissed()
    {
        using var kb = new DiagnoseKnowledge();
        var answers = Write(kb, "glitch.yaml", "q-cable: \"yes\"\nq-connected: \"yes\"\nchange-cable: not-fixed\nforce-restart: not-fixed\nq-device-owner: own\ndfu-restore: fixed\n");

        var result = CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers, "--fact", "backup.verified=true", "--format", "json");

        Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("dfu-restore", json.RootElement.GetProperty("resolvedBy").GetString());
        var ids = json.RootElement.GetProperty("transcript").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.True(ids.IndexOf("q-device-owner") is >= 0 and var owner && owner < ids.IndexOf("dfu-restore"), string.Join(", ", ids));
        Assert.True(ids.IndexOf("force-restart") < ids.IndexOf("dfu-restore") && ids.IndexOf("change-cable") < ids.IndexOf("dfu-restore"), string.Join(", ", ids));
    }

    [Fact]
    public void Diagnose_BeforeEscalating_AsksForTheBackupAndAcceptingLossOpensTheGate()
    {
        using var kb = new DiagnoseKnowledge();
        var answers = Write(kb, "gate.yaml", "q-cable: \"yes\"\nq-connected: \"yes\"\nchange-cable: not-fixed\nforce-restart: not-fixed\nbackup-verified: accept-loss\nq-device-owner: own\ndfu-restore: fixed\n");

        var result = CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers, "--format", "json", "--lang", "en");

        Assert.True(result.Exit == ExitCodes.Success, result.Err);
        Assert.Contains("Is there a verified backup?", result.Err, StringComparison.Ordinal);
        Assert.Contains("Whose device is this?", result.Err, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("dfu-restore", json.RootElement.GetProperty("resolvedBy").GetString());
        Assert.Equal("true", json.RootElement.GetProperty("facts").GetProperty("case.data-loss-accepted").GetString());
    }

    [Fact]
    public void Diagnose_InteractiveNoBackup_EscalatesWithoutTheRestore()
    {
        using var kb = new DiagnoseKnowledge();

        var result = CliRunner.RunWithInput("yes\n3\nnot-fixed\nnot-fixed\nno\n", "diagnose", "--kb", kb.Root, "--symptom", Symptom, "--format", "json", "--lang", "en");

        Assert.True(result.Exit == ExitCodes.Success, result.Err);
        using var json = JsonDocument.Parse(result.Out);
        Assert.True("escalated" == json.RootElement.GetProperty("outcome").GetString(), result.Err);
        Assert.Equal("false", json.RootElement.GetProperty("facts").GetProperty("backup.verified").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("transcript").EnumerateArray(), s => s.GetProperty("id").GetString() == "dfu-restore");
        // Once the erase is declined, whether the owner consents to it is not asked.
        Assert.DoesNotContain("Has the owner consented?", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_FixedByTheCable_ListsOnlyTheAcceptanceCriteriaOfThatOutcome()
    {
        using var kb = new DiagnoseKnowledge();
        var answers = Write(kb, "cable.yaml", "change-cable: fixed\n");

        var result = CliRunner.Run("diagnose", "--kb", Kiriwake.Tests.RepoPaths.Knowledge, "--symptom", Symptom, "--answers", answers, "--format", "json", "--lang", "en");

        Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("change-cable", json.RootElement.GetProperty("resolvedBy").GetString());
        var acceptance = json.RootElement.GetProperty("acceptance").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.Contains(acceptance, a => a.Contains("runs to the end", StringComparison.Ordinal));
        // Nothing was restored in DFU mode, nothing erased, no security software turned off.
        Assert.DoesNotContain(acceptance, a => a.Contains("DFU", StringComparison.Ordinal));
        Assert.DoesNotContain(acceptance, a => a.Contains("Restoring from the backup", StringComparison.Ordinal));
        Assert.DoesNotContain(acceptance, a => a.Contains("Security software", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnose_FixedOnTheRealKnowledge_EndsTheReportWithThePreventionNotes()
    {
        using var kb = new DiagnoseKnowledge();
        var fixedAnswers = Write(kb, "cable.yaml", "change-cable: fixed\n");
        var noAnswers = Write(kb, "none.yaml", "{}");

        var fixedRun = CliRunner.Run("diagnose", "--kb", Kiriwake.Tests.RepoPaths.Knowledge, "--symptom", Symptom, "--answers", fixedAnswers, "--lang", "en");
        var pausedRun = CliRunner.Run("diagnose", "--kb", Kiriwake.Tests.RepoPaths.Knowledge, "--symptom", Symptom, "--answers", noAnswers, "--lang", "en");

        Assert.True(ExitCodes.Success == fixedRun.Exit, $"exit {fixedRun.Exit}: {fixedRun.Err}");
        var notes = fixedRun.Out[fixedRun.Out.IndexOf("Good to know", StringComparison.Ordinal)..];
        Assert.Contains("Prevention", notes, StringComparison.Ordinal);
        // A note tied to steps (the encrypted backup's password) is not shown after a session without those steps.
        Assert.DoesNotContain("password", notes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Good to know", pausedRun.Out + pausedRun.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_SomeoneElsesDeviceWithoutConsent_NeverProposesTheRestore()
    {
        using var kb = new DiagnoseKnowledge();
        var answers = Write(kb, "other.yaml", "q-cable: \"yes\"\nq-connected: \"yes\"\nchange-cable: not-fixed\nforce-restart: not-fixed\nbackup-verified: accept-loss\nq-device-owner: someone-else\nowner-consent: \"no\"\n");

        var result = CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers, "--format", "json", "--lang", "en");

        Assert.True(result.Exit == ExitCodes.Success, $"exit {result.Exit}: {result.Err}");
        Assert.Contains("Has the owner consented?", result.Err, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("escalated", json.RootElement.GetProperty("outcome").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("transcript").EnumerateArray(), s => s.GetProperty("id").GetString() == "dfu-restore");
        var held = json.RootElement.GetProperty("heldBack")[0];
        Assert.Equal("dfu-restore", held.GetProperty("actionId").GetString());
        Assert.Equal(["owner-consent"], held.GetProperty("missingGates").EnumerateArray().Select(g => g.GetString()!).ToArray());
    }

    [Fact]
    public void Diagnose_FactAnswersItsQuestion_WithoutAsking()
    {
        using var kb = new DiagnoseKnowledge();
        var answers = Write(kb, "a.yaml", "q-cable: \"no\"\nchange-cable: fixed\n");

        var result = CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers, "--fact", "device.connected=false", "--format", "json");

        Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
        using var json = JsonDocument.Parse(result.Out);
        var connected = json.RootElement.GetProperty("transcript").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "q-connected");
        Assert.Equal("fact", connected.GetProperty("source").GetString());
        Assert.Equal("no", connected.GetProperty("answer").GetString());
    }

    [Theory]
    [InlineData("--error", "4013")]
    [InlineData("--error", "restore:4013")]
    [InlineData("--text", "iTunes: An unknown error occurred (4013).")]
    public void Diagnose_ErrorCodeOrPastedText_FindsTheSymptom(string option, string value)
    {
        using var kb = new DiagnoseKnowledge();
        var answers = Write(kb, "a.yaml", "q-cable: \"no\"\nchange-cable: fixed\n");

        var result = CliRunner.Run("diagnose", "--kb", kb.Root, option, value, "--answers", answers, "--format", "json");

        Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(Symptom, json.RootElement.GetProperty("symptom").GetString());
    }

    [Fact]
    public void Diagnose_ChooseFromList_AndMarkdownReport()
    {
        using var kb = new DiagnoseKnowledge();

        var result = CliRunner.RunWithInput("1\nno\nfixed\n", "diagnose", "--kb", kb.Root, "--format", "markdown", "--lang", "ja");

        Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
        Assert.Contains("どの症状ですか?番号で選んでください", result.Err, StringComparison.Ordinal);
        Assert.StartsWith("# 診断レポート: エラー4013", result.Out, StringComparison.Ordinal);
        Assert.Contains("- [ ] 4013が再発しない", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_WrongAnswerInFile_ExitsBadInputAndKeepsTheLog()
    {
        using var kb = new DiagnoseKnowledge();
        var session = kb.Temp("s.json");
        var answers = Write(kb, "bad.yaml", "q-cable: perhaps\n");

        var result = CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers, "--save", session);

        Assert.True(ExitCodes.BadInput == result.Exit, $"exit {result.Exit}: {result.Err}");
        Assert.Contains("perhaps", result.Err, StringComparison.Ordinal);
        Assert.True(File.Exists(session));
        Assert.DoesNotContain("perhaps", File.ReadAllText(session), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_CorruptSessionFile_ExitsBadInput()
    {
        using var kb = new DiagnoseKnowledge();
        var session = Write(kb, "corrupt.json", "{ \"format\": \"something-else\" }");

        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("diagnose", "--kb", kb.Root, "--resume", session).Exit);
    }

    private static string Write(DiagnoseKnowledge kb, string name, string text)
    {
        var path = kb.Temp(name);
        File.WriteAllText(path, text);
        return path;
    }
}
