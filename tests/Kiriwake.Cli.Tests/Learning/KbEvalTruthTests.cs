using System.Text.Json;
using Kiriwake.Cli.Tests.Diagnosis;

namespace Kiriwake.Cli.Tests.Learning;

/// <summary>`kb eval --truth DIR`: the engine as it believes, scored under a true world written in the overlay's format.</summary>
public sealed class KbEvalTruthTests : IDisposable
{
    private const string Symptom = "restore-error-4013";
    private readonly DiagnoseKnowledge _kb = new();

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task EvalTruth_TheKnowledgeBasesOwnValues_EqualsThePlainScore()
    {
        var truth = await World("same", cable: 0.6, glitch: 0.35, hardware: 0.05);

        var json = await Eval("--truth", truth);

        var root = json.RootElement;
        var t = root.GetProperty("truth");
        Assert.Equal(root.GetProperty("policy").GetDouble(), t.GetProperty("engine").GetDouble(), 9);
        Assert.Equal(root.GetProperty("policy").GetDouble(), t.GetProperty("engineOnTruth").GetDouble(), 9);
        Assert.Equal(root.GetProperty("optimal").GetDouble(), t.GetProperty("optimal").GetDouble(), 9);
        Assert.Equal(root.GetProperty("firstStep").GetString(), t.GetProperty("firstStepOnTruth").GetString());
    }

    [Fact]
    public async Task EvalTruth_AWorldTheKnowledgeBaseGetsWrong_ShowsTheEngineAboveTheTruthsOptimum()
    {
        // The knowledge base says the cable is the most common cause; in this world it is a software glitch.
        var truth = await World("glitch", cable: 0.05, glitch: 0.9, hardware: 0.05);

        var t = (await Eval("--truth", truth)).RootElement.GetProperty("truth");

        var engine = t.GetProperty("engine").GetDouble();
        var onTruth = t.GetProperty("engineOnTruth").GetDouble();
        var optimal = t.GetProperty("optimal").GetDouble();
        Assert.True(engine > onTruth, $"the engine planned on the wrong priors ({engine}) should cost more than the one planned on the truth ({onTruth})");
        Assert.True(onTruth >= optimal - 1e-9, $"nothing beats the optimum: {onTruth} < {optimal}");
        Assert.Equal((engine - optimal) / optimal, t.GetProperty("gapToOptimal").GetDouble(), 9);

        // Planned on the truth itself (the truth laid over as the learned overlay), the engine is the engine on the truth.
        var learned = (await Eval("--truth", truth, "--learned", truth)).RootElement.GetProperty("truth");
        Assert.Equal(onTruth, learned.GetProperty("engine").GetDouble(), 9);
    }

    [Fact]
    public async Task EvalTruth_Text_NamesTheThreePoliciesInJapanese()
    {
        var truth = await World("glitch", cable: 0.05, glitch: 0.9, hardware: 0.05);

        var result = await Run("kb", "eval", "--kb", _kb.Root, "--symptom", Symptom, "--truth", truth, "--lang", "ja");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("真の確率のもとで", result.Out, StringComparison.Ordinal);
        Assert.Contains("エンジン(いまの知識で計画)", result.Out, StringComparison.Ordinal);
        Assert.Contains("エンジン(真の確率で計画)", result.Out, StringComparison.Ordinal);
        Assert.Contains("真の最適", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalTruth_WithAModelFile_IsAUsageError()
    {
        var truth = await World("same", cable: 0.6, glitch: 0.35, hardware: 0.05);

        var result = await Run("kb", "eval", "--model", _kb.Temp("model.yaml"), "--truth", truth, "--lang", "en");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--truth goes with --symptom or --all", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalTruth_BrokenTruth_ExitsKnowledgeInvalidNamingFileAndLine()
    {
        var truth = await World("broken", cable: 0.6, glitch: 0.35, hardware: 0.05);
        await File.WriteAllTextAsync(Path.Combine(truth, "fixes.yaml"), "- { action: \"change-cable\", cause: \"cable-faulty\", p: 1.5, was: 0.7, cases: 0 }\n");

        var result = await Run("kb", "eval", "--kb", _kb.Root, "--symptom", Symptom, "--truth", truth);

        Assert.Equal(ExitCodes.KnowledgeInvalid, result.ExitCode);
        Assert.Contains("broken/fixes.yaml:1: [change-cable] 'p' = 1.5 is not a probability (0 to 1)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalTruth_ProbabilitiesOutsideTheLearningBounds_AreAWorldNotALearnedOverlay()
    {
        // A true world may have a cause rarer than 1 % and a fix that always works; a learned overlay may not.
        var truth = await World("rare", cable: 0.6, glitch: 0.396, hardware: 0.004);
        await File.WriteAllTextAsync(Path.Combine(truth, "fixes.yaml"), "- { action: \"change-cable\", cause: \"cable-faulty\", p: 1, was: 0.7, cases: 0 }\n");

        var t = (await Eval("--truth", truth)).RootElement.GetProperty("truth");
        Assert.True(t.GetProperty("engineOnTruth").GetDouble() >= t.GetProperty("optimal").GetDouble() - 1e-9);

        var asLearned = await Run("kb", "eval", "--kb", _kb.Root, "--symptom", Symptom, "--learned", truth);
        Assert.Equal(ExitCodes.KnowledgeInvalid, asLearned.ExitCode);
        Assert.Contains("rare/priors.yaml", asLearned.Error, StringComparison.Ordinal);
        Assert.Contains("is outside [0.01, 0.99]", asLearned.Error, StringComparison.Ordinal);
    }

    /// <summary>A true world in the overlay's format: the symptom's prior as given, everything else the knowledge base's.</summary>
    private async Task<string> World(string name, double cable, double glitch, double hardware)
    {
        var folder = Directory.CreateDirectory(_kb.Temp(name)).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "overlay.yaml"), "format: kiriwake-learned/1\ncases: 0\nstrength: { prior: 0, fix: 0, answers: 0 }\nminCases: 0\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "priors.yaml"), FormattableString.Invariant($"""
            - symptom: "{Symptom}"
              cases: 0
              causes:
                - {"{"} cause: "cable-faulty", p: {cable}, was: 0.6 {"}"}
                - {"{"} cause: "software-glitch", p: {glitch}, was: 0.35 {"}"}
                - {"{"} cause: "device-hardware-fault", p: {hardware}, was: 0.05 {"}"}
            """));
        return folder;
    }

    private async Task<JsonDocument> Eval(params string[] extra)
    {
        var result = await Run(["kb", "eval", "--kb", _kb.Root, "--symptom", Symptom, "--format", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out);
    }

    private static Task<Tests.CliResult> Run(params string[] args) => Tests.CliRunner.RunAsync(args);
}
