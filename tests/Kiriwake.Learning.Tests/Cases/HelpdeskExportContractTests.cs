using System.Text.Json;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Learning.Cases;

namespace Kiriwake.Learning.Tests.Cases;

/// <summary>
/// The helpdesk's export of closed cases (notes/HELPERS.md): one JSON object per line,
/// {"caseCode", "closedAt", "outcome", "resolvedBy"|null, "confirmedCause"|null, "report": the exact object
/// `diagnose --format json` prints}. The report here is a real one: a conversation run on the test knowledge base,
/// serialised with the CLI's own JSON options.
/// </summary>
public sealed class HelpdeskExportContractTests
{
    [Fact]
    public void Parse_ExportLineWithARealReport_ReadsTheCaseExactly()
    {
        var (report, json) = RealReport();
        var line = $$"""{"caseCode":"HD-2026-0001","closedAt":"2026-12-02T03:00:00+00:00","outcome":"fixed","resolvedBy":"{{report.ResolvedBy}}","confirmedCause":"k2","report":{{json}}}""";

        var c = Assert.Single(CaseFileParser.Parse(line + "\n", "export.jsonl"));

        Assert.Equal(TestWorld.Symptom, c.SymptomId);
        Assert.Equal(report.Transcript.Select(s => new CaseStep(s.Id, s.Answer)), c.Steps);
        Assert.Equal("fixed", c.Outcome);
        Assert.Equal("k2", c.ConfirmedCause);
        Assert.Equal("export.jsonl:1", c.Where);
        var (overlay, counts) = BayesianLearner.Estimate(TestWorld.Kb(), [c]);
        Assert.Equal(1, counts[TestWorld.Symptom]);
        Assert.Equal(1, overlay.Summary.ConfirmedCases);
    }

    [Fact]
    public void Parse_ExportLineWithNulls_IsASelfServiceCase()
    {
        var (_, json) = RealReport();
        var line = $$"""{"caseCode":"HD-2026-0002","closedAt":"2026-12-02T03:00:00Z","outcome":"fixed","resolvedBy":null,"confirmedCause":null,"report":{{json}}}""";

        var c = Assert.Single(CaseFileParser.Parse(line, "export.jsonl"));

        Assert.Null(c.ConfirmedCause);
        Assert.True(c.IsClosed);
    }

    [Fact]
    public void Parse_ExportWithGarbageLines_NamesFileAndLineOfEach()
    {
        var (_, json) = RealReport();
        var good = $$"""{"caseCode":"HD-1","closedAt":"2026-12-02T03:00:00Z","outcome":"fixed","resolvedBy":null,"confirmedCause":null,"report":{{json}}}""";
        var text = string.Join('\n',
            good,
            """{"caseCode":"HD-2","closedAt":"2026-12-02T03:00:00Z","outcome":"fixed","resolvedBy":null,"confirmedCause":null,"report":"not a report"}""",
            good[..(good.Length / 2)],
            """{"caseCode":"HD-4","outcome":"fixed","resolvedBy":null,"confirmedCause":7,"report":""" + json + "}");

        var ex = Assert.Throws<CaseFormatException>(() => CaseFileParser.Parse(text, "export.jsonl"));

        Assert.DoesNotContain(ex.Problems, p => p.StartsWith("export.jsonl:1:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("export.jsonl:2:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("export.jsonl:3: not valid JSON", StringComparison.Ordinal));
        Assert.Contains("export.jsonl:4: the confirmed cause must be a cause id (text)", ex.Problems);
    }

    /// <summary>A finished conversation's report and the compact JSON `diagnose --format json` would print for it.</summary>
    private static (DiagnosisReport Report, string Json) RealReport()
    {
        var conversation = DiagnosisConversation.Start(new KnowledgeModels(TestWorld.Kb()), TestWorld.Symptom,
            new ConversationOptions { AskContext = false }, new FixedClock());
        var actions = 0;
        for (var i = 0; i < 30 && conversation.Next() is var prompt && prompt is not FinishPrompt; i++)
        {
            var values = prompt.Choices.Select(c => c.Value).ToArray();
            var answer = prompt is StepPrompt { View.Kind: StepKind.Action } && ++actions == 2 ? StepAnswers.Fixed
                : values.Contains(StepAnswers.NotFixed) ? StepAnswers.NotFixed
                : values.Contains("no") ? "no"
                : values[0];
            Assert.True(conversation.Answer(answer).Accepted, $"{prompt.Id}: {answer}");
        }

        var report = conversation.Report();
        Assert.Equal(SessionOutcome.Fixed, report.Outcome);
        var json = JsonSerializer.Serialize(report, new JsonSerializerOptions(ConversationJson.Options) { WriteIndented = false });
        return (report, json);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
    }
}
