using Kiriwake.Knowledge.Overlay;
using Kiriwake.Tests;

namespace Kiriwake.Knowledge.Tests.Overlay;

public sealed class LearnedOverlayReaderTests : IDisposable
{
    private const string Summary = """
        format: kiriwake-learned/1
        cases: 120
        confirmedCases: 4
        strength:
          prior: 5
          fix: 5
          answers: 50
        minCases: 20
        iterations: 31
        firstStepChanges:
          - symptom: "restore-error-4013"
            before: "change-cable"
            after: "q-cable"
        """;

    private const string Priors = """
        - symptom: "restore-error-4013"
          cases: 120
          causes:
            - { cause: "cable-faulty", p: 0.6, was: 0.95 }
            - { cause: "device-hardware-fault", p: 0.4, was: 0.05 }
        """;

    private const string Fixes = """
        - { action: "change-cable", cause: "cable-faulty", p: 0.45, was: 0.7, cases: 110, weight: 70.2 }
        """;

    private const string Answers = """
        - question: "q-cable"
          cause: "device-hardware-fault"
          cases: 60
          weight: 20
          answers:
            - { answer: "no", p: 0.3, was: 0.2 }
            - { answer: "yes", p: 0.7, was: 0.8 }
        """;

    private readonly MiniKnowledge _kb = new();
    private readonly string _overlay = Path.Combine(Path.GetTempPath(), "kiriwake-learned-" + Guid.NewGuid().ToString("N"));

    public LearnedOverlayReaderTests()
    {
        Directory.CreateDirectory(_overlay);
        Write("overlay.yaml", Summary);
        Write("priors.yaml", Priors);
        Write("fixes.yaml", Fixes);
        Write("answers.yaml", Answers);
    }

    public void Dispose()
    {
        _kb.Dispose();
        Directory.Delete(_overlay, recursive: true);
    }

    [Fact]
    public void Apply_ValidOverlay_ReplacesOnlyTheLearnedProbabilities()
    {
        var kb = KnowledgeLoader.Load(_kb.Root);

        var learned = LearnedOverlayReader.Apply(kb, _overlay);

        Assert.Equal(0.4, learned.Symptoms["restore-error-4013"].Prior.Single(p => p.CauseId == "device-hardware-fault").P, 12);
        Assert.Equal(0.45, learned.Actions["change-cable"].Fixes.Single().P, 12);
        Assert.Equal(0.7, learned.Questions["q-cable"].Answers.Single(a => a.Id == "yes").P("device-hardware-fault"), 12);
        Assert.Equal(0.2, learned.Questions["q-cable"].Answers.Single(a => a.Id == "yes").P("cable-faulty"), 12);
        Assert.Equal(kb.Actions["dfu-restore"], learned.Actions["dfu-restore"]);
        Assert.Equal(kb.Actions["change-cable"].Gates, learned.Actions["change-cable"].Gates);
        var read = LearnedOverlayReader.Read(kb, _overlay);
        Assert.Equal(120, read.Summary.Cases);
        Assert.Equal("q-cable", Assert.Single(read.FirstStepChanges).After);
    }

    [Theory]
    [InlineData("fixes.yaml", "p: 0.45", "p: 0.999", "fixes.yaml:1: [change-cable] 'p' = 0.999 is outside [0.01, 0.99]")]
    [InlineData("fixes.yaml", "cases: 110,", "cases: 110, gates: [backup-verified],", "fixes.yaml:1: [change-cable] 'gates' cannot be learned: gates, risks and costs come only from the knowledge base")]
    [InlineData("fixes.yaml", "cause: \"cable-faulty\", p: 0.45", "cause: \"device-hardware-fault\", p: 0.45", "fixes.yaml:1: [change-cable] the action has no chance to fix cause 'device-hardware-fault'")]
    [InlineData("priors.yaml", "p: 0.4, was", "p: 0.2, was", "priors.yaml:1: [restore-error-4013] the prior sums to 0.8, not 1")]
    [InlineData("priors.yaml", "symptom: \"restore-error-4013\"", "symptom: \"no-such-symptom\"", "priors.yaml:1: [no-such-symptom] unknown symptom")]
    [InlineData("answers.yaml", "answer: \"no\", p: 0.3", "answer: \"maybe\", p: 0.3", "answers.yaml:1: [q-cable] a learned row names exactly the question's answers: no, yes")]
    [InlineData("answers.yaml", "cases: 60", "cases: sixty", "answers.yaml:3: [q-cable] 'cases' must be a number ≥ 0, not 'sixty'")]
    [InlineData("overlay.yaml", "format: kiriwake-learned/1", "format: something-else", "overlay.yaml:1: format 'something-else' is not 'kiriwake-learned/1'")]
    [InlineData("fixes.yaml", "- { action", "- { action: [", "fixes.yaml:1: YAML:")]
    public void Read_OneProblem_ReportsItWithFileAndLine(string file, string oldText, string newText, string expected)
    {
        var path = Path.Combine(_overlay, file);
        File.WriteAllText(path, File.ReadAllText(path).Replace(oldText, newText, StringComparison.Ordinal));
        var kb = KnowledgeLoader.Load(_kb.Root);

        var ex = Assert.Throws<KnowledgeLoadException>(() => LearnedOverlayReader.Apply(kb, _overlay));

        var name = Path.GetFileName(_overlay);
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith(name + "/" + expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_FolderWithoutOverlayFile_SaysItIsNotAnOverlay()
    {
        File.Delete(Path.Combine(_overlay, "overlay.yaml"));

        var ex = Assert.Throws<KnowledgeLoadException>(() => LearnedOverlayReader.Read(KnowledgeLoader.Load(_kb.Root), _overlay));

        Assert.Contains("not a learned overlay folder", ex.Message, StringComparison.Ordinal);
    }

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_overlay, file), text);
}
