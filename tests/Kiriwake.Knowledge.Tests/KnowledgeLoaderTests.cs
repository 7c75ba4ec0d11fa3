using Kiriwake.Core.Knowledge;

using Kiriwake.Tests;

namespace Kiriwake.Knowledge.Tests;

public sealed class KnowledgeLoaderTests
{
    [Fact]
    public void Load_ValidFolder_ReturnsEveryKind()
    {
        using var kb = new MiniKnowledge();

        var knowledge = KnowledgeLoader.Load(kb.Root);

        Assert.Equal(2, knowledge.Causes.Count);
        Assert.Equal(Risk.DataLoss, knowledge.Actions["dfu-restore"].Risk);
        Assert.Equal(0.95, knowledge.Symptoms["restore-error-4013"].Prior[0].P);
        Assert.Equal("rare", knowledge.Symptoms["restore-error-4013"].Prior[1].Citation.Word);
        Assert.Equal(ButtonFamily.IphoneNoHome, knowledge.Models["iphone12,8"].Family);
        Assert.Single(knowledge.CodesFor("restore-error-4013"));
        Assert.Equal(4, knowledge.Flows["restore-4013"].Nodes.Count);
        Assert.Equal(4, knowledge.Content.Coverage[0].Line);
    }

    [Theory]
    [InlineData("symptoms/test.yaml", "p: 0.95, word: assumed", "p: 0.9, word: assumed", "symptoms/test.yaml:1: [restore-error-4013] prior sums to 0.95, not 1")]
    [InlineData("causes/test.yaml", "en: \"Faulty cable\"", "en: \"\"", "causes/test.yaml:3: [cable-faulty] title: the English text (en) is missing")]
    [InlineData("actions/test.yaml", "gates: [backup-verified, owner-consent]", "gates: [owner-consent]", "actions/test.yaml:11: [dfu-restore] a data-loss step must require the backup-verified gate")]
    [InlineData("actions/test.yaml", "p: 0.7, word: most-common", "p: 1.7, word: most-common", "actions/test.yaml:10: [change-cable] fixes 'cable-faulty': probability 1.7 is outside [0, 1]")]
    [InlineData("actions/test.yaml", "p: 0.05, word: rare", "p: 0.5, word: rare", "actions/test.yaml:20: [dfu-restore] fixes 'cable-faulty': 0.5 is outside the band of 'rare' [0, 0.1]")]
    [InlineData("questions/test.yaml", "given: { cable-faulty: 0.8 }", "given: { cable-faulty: 0.7 }", "questions/test.yaml:1: [q-cable] answer likelihoods for cause 'cable-faulty' sum to 0.9, not 1")]
    [InlineData("symptoms/test.yaml", "actions: [change-cable, dfu-restore, make-verified-backup]", "actions: [change-cable, dfu-restore, make-verified-backup, swap-phone]", "symptoms/test.yaml:1: [restore-error-4013] unknown action 'swap-phone'")]
    [InlineData("flows/test.mmd", "C --> D", "C --> E", "flows/test.yaml:1: [restore-4013] a flow edge goes to node 'E', which the Mermaid text never defines")]
    [InlineData("causes/test.yaml", "- id: device-hardware-fault", "- id: cable-faulty", "causes/test.yaml:6: [cable-faulty] duplicate cause id 'cable-faulty'")]
    [InlineData("error-codes/test.yaml", "symptoms: [restore-error-4013]", "symptoms: [restore-error-9999]", "error-codes/test.yaml:1: [restore:4013] unknown symptom 'restore-error-9999'")]
    public void Lint_OneProblem_ReportsItWithFileLineAndId(string file, string oldText, string newText, string expected)
    {
        using var kb = new MiniKnowledge();
        kb.Replace(file, oldText, newText);

        var problems = KnowledgeLoader.Lint(kb.Root);

        Assert.Contains(expected, problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Lint_CauseNothingFixes_ReportsItForTheSymptomAndTheCause()
    {
        using var kb = new MiniKnowledge();
        kb.Replace("escalations/test.yaml", "covers: [cable-faulty, device-hardware-fault]", "covers: [cable-faulty]");

        var problems = KnowledgeLoader.Lint(kb.Root).Select(p => p.ToString()).ToList();

        Assert.Contains("symptoms/test.yaml:1: [restore-error-4013] cause 'device-hardware-fault' is nothing this symptom's actions can fix and no escalation of it covers", problems);
        Assert.Contains("causes/test.yaml:6: [device-hardware-fault] no action can fix this cause and no escalation covers it", problems);
    }

    [Theory]
    [InlineData("coverage/test.yaml", "technician-checklist/cable], as: data", "technician-checklist/cable], as: text, why: \"x\"", "coverage/test.yaml:1: [error-4013:4] as: text, but 'restore-error-4013' is data the engine uses: write as: data")]
    [InlineData("coverage/test.yaml", "ids: [restore-error-4013, technician-checklist/cable], as: data", "ids: [technician-checklist/cable], as: data", "coverage/test.yaml:1: [error-4013:4] as: data, but every id is text only (checklist, FAQ, note, case study or acceptance criterion): write as: text with a why, or add the data id that models the heading")]
    [InlineData("coverage/test.yaml", "ids: [restore-error-4013, technician-checklist/cable], as: data", "ids: [technician-checklist/cable], as: text", "coverage/test.yaml:1: [error-4013:4] heading 'エラー4013とは' is modelled as text only: say why (why:)")]
    [InlineData("coverage/test.yaml", "], as: data }", "] }", "coverage/test.yaml:1: [error-4013:4] heading 'エラー4013とは' does not say how it is modelled: add as: data or as: text (with why:)")]
    [InlineData("coverage/test.yaml", "as: data", "as: maybe", "coverage/test.yaml:1: [error-4013:4] as 'maybe' is not one of: data | text")]
    [InlineData("coverage/test.yaml", "as: data", "as: data, why: \"read only\"", "coverage/test.yaml:1: [error-4013:4] heading 'エラー4013とは' is not modelled as text: why: is only for as: text")]
    [InlineData("escalations/test.yaml", "covers: [cable-faulty, device-hardware-fault]", "covers: []", "escalations/test.yaml:1: [apple-support] an escalation lists the causes it serves (covers); none serves every cause")]
    [InlineData("escalations/test.yaml", "covers: [cable-faulty, device-hardware-fault]", "covers: [cable-faulty]", "symptoms/test.yaml:1: [restore-error-4013] cause 'device-hardware-fault' is served by none of this symptom's escalations")]
    [InlineData("actions/test.yaml", "after: [change-cable]", "after: []", "actions/test.yaml:11: [dfu-restore] risk ladder (restore-error-4013): data-loss step must come after the none-risk 'change-cable', which fixes one of the same causes (add it to after)")]
    [InlineData("actions/test.yaml", "gates: [backup-verified, owner-consent]", "gates: [backup-verified]", "actions/test.yaml:11: [dfu-restore] a data-loss step must require the owner-consent gate (someone else's device needs its owner's consent)")]
    [InlineData("actions/test.yaml", "opens: backup-verified", "opens: not-managed", "symptoms/test.yaml:1: [restore-error-4013] a step of this symptom needs a verified backup, but none of its actions makes one (opens: backup-verified)")]
    [InlineData("questions/test.yaml", "opens: [owner-consent]", "opens: []", "symptoms/test.yaml:1: [restore-error-4013] a step of this symptom needs owner-consent, but none of its questions has an answer that opens it")]
    [InlineData("actions/test.yaml", "after: [change-cable]", "after: [dfu-restore]", "actions/test.yaml:11: [dfu-restore] an action cannot come after itself")]
    public void Lint_ModelRuleBroken_ReportsIt(string file, string oldText, string newText, string expected)
    {
        using var kb = new MiniKnowledge();
        kb.Replace(file, oldText, newText);

        var problems = KnowledgeLoader.Lint(kb.Root).Select(p => p.ToString()).ToList();

        Assert.Contains(expected, problems);
    }

    [Fact]
    public void Load_SeveralProblems_ListsAllInOneException()
    {
        using var kb = new MiniKnowledge();
        kb.Replace("causes/test.yaml", "ja: \"ケーブル不良\"", "ja: \"\"");
        kb.Replace("actions/test.yaml", "risk: none", "risk: harmless");
        kb.Write("notes/broken.yaml", "- id: [unclosed");
        kb.Write("faq/broken.yaml", "- id: faq-x\n  question: { ja: \"a\", en: \"b\"\n  answer: x");

        var ex = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(kb.Root));

        // Every problem at once (the unreadable risk also trips the risk ladder rule, so the count is not fixed here).
        foreach (var line in new[]
        {
            "actions/test.yaml:1: [change-cable] risk 'harmless' is not one of: none | low | high | data-loss",
            "causes/test.yaml:3: [cable-faulty] title: the Japanese text (ja) is missing",
            "faq/broken.yaml:2: YAML: syntax error after this line (an unclosed bracket, brace or quote?)",
            "notes/broken.yaml:2: YAML: While parsing a flow sequence, did not find expected ',' or ']'.",
        })
        {
            Assert.Contains(line, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Lint_ValueOfWrongShape_SaysWhichShapeWasExpected()
    {
        using var kb = new MiniKnowledge();
        kb.Write("notes/shape.yaml", "- id: [a, b]");

        var problems = KnowledgeLoader.Lint(kb.Root).Select(p => p.ToString());

        Assert.Contains("notes/shape.yaml:1: YAML: this value has the wrong shape: expected a single value (text or id)", problems);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsDirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => KnowledgeLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-kb-" + Guid.NewGuid().ToString("N"))));
    }

    [Fact]
    public void Load_QuestionWithProcedure_ReadsIt()
    {
        using var kb = new MiniKnowledge();
        kb.Replace("questions/test.yaml", "cost: 0.5", "cost: 0.5\n  procedure: dfu");

        Assert.Empty(KnowledgeLoader.Lint(kb.Root));
        Assert.Equal(ProcedureKind.Dfu, KnowledgeLoader.Load(kb.Root).Questions["q-cable"].Procedure);
        Assert.Null(KnowledgeLoader.Load(new MiniKnowledge().Root).Questions["q-cable"].Procedure);
    }

    [Theory]
    [InlineData("recovery", "questions/test.yaml:1: [q-cable] procedure 'recovery' has no steps in procedures/")]
    [InlineData("blink", "questions/test.yaml:1: [q-cable] procedure 'blink' is not one of")]
    public void Lint_QuestionProcedureWithoutSteps_ReportsIt(string procedure, string expected)
    {
        using var kb = new MiniKnowledge();
        kb.Replace("questions/test.yaml", "cost: 0.5", "cost: 0.5\n  procedure: " + procedure);

        var problems = KnowledgeLoader.Lint(kb.Root).Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_CoverageTextEntryWithReason_ReportsNoCoverageProblem()
    {
        using var kb = new MiniKnowledge();
        kb.Write("coverage/more.yaml", "- { document: error-4013, line: 5, heading: \"準備\", ids: [technician-checklist/cable], as: text, why: \"a checklist the person reads\" }");

        var problems = KnowledgeLoader.Lint(kb.Root);

        Assert.DoesNotContain(problems, p => p.File.StartsWith("coverage/", StringComparison.Ordinal));
        Assert.Contains(KnowledgeLoader.Load(kb.Root).Content.Coverage, c => c is { Line: 5, As: ModelledAs.Text, Why: "a checklist the person reads" });
    }

    [Fact]
    public void Lint_CoverageWrongAsOnSecondLine_PointsAtThatLine()
    {
        using var kb = new MiniKnowledge();
        kb.Write(
            "coverage/more.yaml",
            "- { document: error-4013, line: 5, heading: \"準備\", ids: [technician-checklist/cable], as: text, why: \"read\" }\n" +
            "- { document: error-4013, line: 6, heading: \"原因\", ids: [cable-faulty], as: text, why: \"read\" }");

        var problems = KnowledgeLoader.Lint(kb.Root).Select(p => p.ToString()).ToList();

        Assert.Equal(["coverage/more.yaml:2: [error-4013:6] as: text, but 'cable-faulty' is data the engine uses: write as: data"], problems);
    }
}
