using System.Text.Json;
using Kiriwake.Cli.Tests.Diagnosis;

namespace Kiriwake.Cli.Tests.Learning;

public sealed class KbLearnCommandTests : IDisposable
{
    private readonly DiagnoseKnowledge _kb = new();

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task Learn_DiagnoseReports_WritesAnOverlayThatEvalAndDiagnoseUse()
    {
        var cases = Directory.CreateDirectory(_kb.Temp("cases")).FullName;
        var glitch = await Run("diagnose", "--kb", _kb.Root, "--symptom", "restore-error-4013", "--simulate", "software-glitch", "--format", "json");
        Assert.Equal(0, glitch.ExitCode);
        for (var i = 0; i < 30; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(cases, $"glitch-{i:00}.json"), glitch.Out);
        }

        // The same reports as one JSON-lines export, in a sub-folder: read too.
        Directory.CreateDirectory(Path.Combine(cases, "export"));
        var line = JsonSerializer.Serialize(JsonDocument.Parse(glitch.Out).RootElement);
        await File.WriteAllTextAsync(Path.Combine(cases, "export", "cases.jsonl"), string.Join('\n', Enumerable.Repeat(line, 10)) + "\n");
        var outDir = _kb.Temp("learned");

        var learn = await Run("kb", "learn", "--kb", _kb.Root, "--cases", cases, "--out", outDir, "--format", "json");

        Assert.Equal(0, learn.ExitCode);
        using var json = JsonDocument.Parse(learn.Out);
        var symptom = Assert.Single(json.RootElement.GetProperty("symptoms").EnumerateArray());
        Assert.Equal("restore-error-4013", symptom.GetProperty("symptom").GetString());
        Assert.Equal(40, symptom.GetProperty("cases").GetInt32());
        var before = symptom.GetProperty("priorBefore").GetProperty("software-glitch").GetDouble();
        var after = symptom.GetProperty("priorAfter").GetProperty("software-glitch").GetDouble();
        Assert.Equal(0.35, before, 12);
        Assert.True(after > before + 0.2, $"the prior of the cause every case points to should rise: {before} → {after}");
        Assert.Equal(1, symptom.GetProperty("priorAfter").EnumerateObject().Sum(p => p.Value.GetDouble()), 5);
        Assert.True(File.Exists(Path.Combine(outDir, "priors.yaml")));

        var plain = await Run("kb", "eval", "--kb", _kb.Root, "--symptom", "restore-error-4013", "--format", "json");
        var learned = await Run("kb", "eval", "--kb", _kb.Root, "--symptom", "restore-error-4013", "--format", "json", "--learned", outDir);
        Assert.Equal(0, learned.ExitCode);
        Assert.NotEqual(
            JsonDocument.Parse(plain.Out).RootElement.GetProperty("policy").GetDouble(),
            JsonDocument.Parse(learned.Out).RootElement.GetProperty("policy").GetDouble());

        var diagnose = await Run("diagnose", "--kb", _kb.Root, "--learned", outDir, "--symptom", "restore-error-4013", "--simulate", "software-glitch", "--format", "json");
        Assert.Equal(0, diagnose.ExitCode);
        Assert.Equal("fixed", JsonDocument.Parse(diagnose.Out).RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Learn_SameCasesTwice_WritesByteIdenticalOverlays()
    {
        var cases = Directory.CreateDirectory(_kb.Temp("cases")).FullName;
        var report = await Run("diagnose", "--kb", _kb.Root, "--symptom", "restore-error-4013", "--simulate", "cable-faulty", "--format", "json");
        for (var i = 0; i < 25; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(cases, $"r{i}.json"), report.Out);
        }

        await Run("kb", "learn", "--kb", _kb.Root, "--cases", cases, "--out", _kb.Temp("one"));
        await Run("kb", "learn", "--kb", _kb.Root, "--cases", cases, "--out", _kb.Temp("two"));

        foreach (var file in new[] { "overlay.yaml", "priors.yaml", "fixes.yaml", "answers.yaml" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_kb.Temp("one"), file)), await File.ReadAllBytesAsync(Path.Combine(_kb.Temp("two"), file)));
        }
    }

    [Fact]
    public async Task Learn_GarbageCaseFile_ExitsBadInputNamingFileAndLine()
    {
        var cases = Directory.CreateDirectory(_kb.Temp("cases")).FullName;
        var bad = Path.Combine(cases, "bad.jsonl");
        await File.WriteAllTextAsync(bad, "{\"symptom\":\"restore-error-4013\",\"transcript\":[]}\n{\"symptom\": oops}\n{\"symptom\":\"restore-error-4013\",\"transcript\":[{\"id\":\"no-such-step\",\"answer\":\"fixed\"}]}\n");
        var outDir = _kb.Temp("learned");

        var result = await Run("kb", "learn", "--kb", _kb.Root, "--cases", bad, "--out", outDir, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("bad.jsonl:2: not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));

        await File.WriteAllTextAsync(bad, "{\"symptom\":\"restore-error-4013\",\"transcript\":[{\"id\":\"no-such-step\",\"answer\":\"fixed\"}]}\n");
        var unknown = await Run("kb", "learn", "--kb", _kb.Root, "--cases", bad, "--out", outDir);
        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("bad.jsonl:1: 'no-such-step' is not a step of symptom 'restore-error-4013'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learn_EscalatedCasesWithoutConfirmedCause_CountsThemAndAdvisesConfirming()
    {
        var cases = Directory.CreateDirectory(_kb.Temp("cases")).FullName;
        var file = Path.Combine(cases, "export.jsonl");
        const string Escalated = "{\"symptom\":\"restore-error-4013\",\"transcript\":[{\"id\":\"apple-support\",\"answer\":\"escalated\"}],\"outcome\":\"escalated\"";
        var lines = Enumerable.Range(0, 25).Select(i => Escalated + (i < 10 ? ",\"confirmedCause\":\"software-glitch\"}" : "}"));
        await File.WriteAllTextAsync(file, string.Join('\n', lines) + "\n");

        var few = await Run("kb", "learn", "--kb", _kb.Root, "--cases", file, "--out", _kb.Temp("few"), "--lang", "en");

        Assert.Equal(0, few.ExitCode);
        Assert.Contains("Of the 25 cases the person could not fix, 10 have a confirmed cause.", few.Out, StringComparison.Ordinal);
        Assert.Contains("Confirmed cause", few.Out, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, string.Join('\n', Enumerable.Repeat(Escalated + ",\"confirmedCause\":\"software-glitch\"}", 25)) + "\n");
        var all = await Run("kb", "learn", "--kb", _kb.Root, "--cases", file, "--out", _kb.Temp("all"), "--lang", "ja", "--format", "json");

        Assert.Equal(0, all.ExitCode);
        using var json = JsonDocument.Parse(all.Out);
        Assert.Equal(25, json.RootElement.GetProperty("notFixed").GetInt32());
        Assert.Equal(25, json.RootElement.GetProperty("notFixedConfirmed").GetInt32());
        var text = await Run("kb", "learn", "--kb", _kb.Root, "--cases", file, "--out", _kb.Temp("all"), "--lang", "ja");
        Assert.Contains("自分では直らなかったケース 25 件のうち、原因が確認されたもの 25 件。", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("確認して記録すると", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learned_BrokenOverlay_ExitsKnowledgeInvalidNamingFileAndLine()
    {
        var overlay = Directory.CreateDirectory(_kb.Temp("overlay")).FullName;
        await File.WriteAllTextAsync(Path.Combine(overlay, "overlay.yaml"), "format: kiriwake-learned/1\ncases: 5\nstrength: { prior: 5, fix: 5, answers: 50 }\nminCases: 1\n");
        await File.WriteAllTextAsync(Path.Combine(overlay, "fixes.yaml"), "- { action: \"change-cable\", cause: \"cable-faulty\", p: 1.5, was: 0.7, cases: 5 }\n");

        var result = await Run("kb", "eval", "--kb", _kb.Root, "--symptom", "restore-error-4013", "--learned", overlay);

        Assert.Equal(ExitCodes.KnowledgeInvalid, result.ExitCode);
        Assert.Contains("overlay/fixes.yaml:1: [change-cable] 'p' = 1.5 is outside [0.01, 0.99]", result.Error, StringComparison.Ordinal);
    }

    private static Task<Tests.CliResult> Run(params string[] args) => Tests.CliRunner.RunAsync(args);
}
