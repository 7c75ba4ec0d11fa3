using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge;
using Kiriwake.Tests;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Helpdesk.Pages;

namespace Kiriwake.Helpdesk.Tests.Cases;

/// <summary>The analytics over case logs, and the chart they are drawn as.</summary>
public sealed class CaseAnalyticsTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly KnowledgeBase s_kb = KnowledgeLoader.Load(RepoPaths.Knowledge);

    [Fact]
    public void Compute_ThreeCases_CountsFixRateMeanTimeAndEscalationRate()
    {
        HelpdeskCase[] cases =
        [
            Case("A", "restore-error-4013", CaseOutcomes.Fixed, Answer("change-cable", StepAnswers.NotFixed, 4), Answer("force-restart", StepAnswers.Fixed, 10)),
            Case("B", "restore-error-4013", CaseOutcomes.Escalated, Answer("change-cable", StepAnswers.Fixed, 2)),
            Case("C", "icloud-storage-full", null, Answer("change-cable", StepAnswers.NotFixed, 6), new AnswerUndone(s_t0.AddMinutes(7))),
        ];

        var a = CaseAnalytics.Compute(cases, s_kb, Language.En);

        Assert.Equal([2, 1], a.PerSymptom.Select(p => p.Count));
        var cable = a.Steps.Single(s => s.StepId == "change-cable");
        Assert.Equal((2, 1), (cable.Tried, cable.Fixed)); // C's answer was taken back
        Assert.Equal(3, cable.MeanMinutes, 6); // 4 and 2 minutes after the case's first event
        var restart = a.Steps.Single(s => s.StepId == "force-restart");
        Assert.Equal((1, 1, 6.0), (restart.Tried, restart.Fixed, restart.MeanMinutes));
        Assert.Equal((2, 1, 1), (a.Closed, a.FixedCases, a.Escalated));
        Assert.Equal(0.5, a.EscalationRate);
    }

    [Fact]
    public void Render_Bars_SvgWithTitleNoScriptNoStyle()
    {
        var svg = SvgBarChart.Render("x", "Fix rate <per step>", [("強制再起動する", 0.5, "50 %"), ("A very long English step title that must be cut", 1, "100 %")], 1);

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"x-t\">Fix rate &lt;per step&gt;</title>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("…", svg, StringComparison.Ordinal);
        Assert.Equal(2, svg.Split("<rect").Length - 1);
    }

    private static StepAnswered Answer(string step, string answer, int minute) => new(step, answer, s_t0.AddMinutes(minute)) { Actor = EventActor.Agent, By = "sato" };

    private static HelpdeskCase Case(string code, string symptom, string? outcome, params SessionEvent[] events) => new()
    {
        Code = code,
        SymptomId = symptom,
        Status = outcome is null ? CaseStatus.Open : CaseStatus.Closed,
        Outcome = outcome,
        Log = SessionLogCodec.Encode(new SessionLog(symptom, null, null, null,
            [new FactRecorded("log.operation", "restore", "log:text", s_t0) { Actor = EventActor.EvidenceReader }, .. events])),
    };
}
