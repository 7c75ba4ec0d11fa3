using System.Text.Json;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Diagnosis;

public sealed class EvalCommandTests
{
    private static string ModelFile(string name) => Path.Combine(RepoPaths.Root, "tests", "Kiriwake.Cli.Tests", "TestData", "models", name);

    [Theory]
    [InlineData("t0.yaml", 12.0, 12.0, 13.0, "a2")]
    [InlineData("t2.yaml", 27.875, 27.875, 29.3325, "reboot")]
    [InlineData("t4.yaml", 10.19, 10.19, 12.0, "q")]
    public void KbEval_WorkedExampleModel_PrintsExactCosts(string file, double policy, double optimal, double authored, string first)
    {
        var result = CliRunner.Run("kb", "eval", "--model", ModelFile(file), "--format", "json");

        Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(policy, json.RootElement.GetProperty("policy").GetDouble(), 1e-9);
        Assert.Equal(optimal, json.RootElement.GetProperty("optimal").GetDouble(), 1e-9);
        Assert.Equal(authored, json.RootElement.GetProperty("authored").GetDouble(), 1e-9);
        Assert.Equal(first, json.RootElement.GetProperty("firstStep").GetString());
    }

    [Fact]
    public void KbEval_ModelWithoutAuthoredOrder_AuthoredIsNull()
    {
        var path = Path.Combine(Path.GetTempPath(), "kiriwake-eval-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{ "id": "j", "causes": [ { "id": "k", "prior": 1 } ], "actions": [ { "id": "a", "cost": 2, "fixes": { "k": 1 } } ] }""");
        try
        {
            var result = CliRunner.Run("kb", "eval", "--model", path, "--format", "json");

            Assert.True(ExitCodes.Success == result.Exit, $"exit {result.Exit}: {result.Err}");
            using var json = JsonDocument.Parse(result.Out);
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("authored").ValueKind);
            Assert.Equal(2.0, json.RootElement.GetProperty("policy").GetDouble(), 1e-12);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void KbEval_BrokenModel_ListsEveryProblemWithLineAndExitsBadInput()
    {
        var result = CliRunner.Run("kb", "eval", "--model", ModelFile("broken.yaml"));

        Assert.True(ExitCodes.BadInput == result.Exit, $"exit {result.Exit}: {result.Err}");
        var err = result.Err.ReplaceLineEndings(" ");
        Assert.Contains("broken.yaml:7: unknown key 'colour'", err, StringComparison.Ordinal);
        Assert.Contains("priors sum to 0.9", err, StringComparison.Ordinal);
        Assert.Contains("'a1' is used twice", err, StringComparison.Ordinal);
        Assert.Contains("unknown cause 'nope'", err, StringComparison.Ordinal);
        Assert.Contains("unknown step 'missing'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void KbEval_SymptomAndAll_ScoreTheKnowledgeBase()
    {
        using var kb = new DiagnoseKnowledge();

        var one = CliRunner.Run("kb", "eval", "--kb", kb.Root, "--symptom", "restore-error-4013", "--format", "json");
        var all = CliRunner.Run("kb", "eval", "--kb", kb.Root, "--all", "--format", "json");

        Assert.True(ExitCodes.Success == one.Exit, $"exit {one.Exit}: {one.Err}");
        Assert.True(ExitCodes.Success == all.Exit, $"exit {all.Exit}: {all.Err}");
        using var a = JsonDocument.Parse(one.Out);
        using var b = JsonDocument.Parse(all.Out);
        Assert.Equal("restore-error-4013", b.RootElement[0].GetProperty("symptom").GetString());
        var policy = a.RootElement.GetProperty("policy").GetDouble();
        Assert.Equal(policy, b.RootElement[0].GetProperty("policy").GetDouble());
        Assert.Equal(policy, a.RootElement.GetProperty("optimal").GetDouble(), 1e-9);
        Assert.True(a.RootElement.GetProperty("authored").GetDouble() > policy);
    }

    [Fact]
    public void KbEval_UnknownSymptom_ExitsNotFound()
    {
        using var kb = new DiagnoseKnowledge();

        Assert.Equal(ExitCodes.NotFound, CliRunner.Run("kb", "eval", "--kb", kb.Root, "--symptom", "nope").Exit);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("kb", "eval", "--kb", kb.Root).Exit);
    }
}
