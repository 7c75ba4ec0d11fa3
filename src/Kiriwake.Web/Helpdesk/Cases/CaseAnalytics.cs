using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>One action's record over the cases: how often it was done, how often it fixed the fault, how long it took.</summary>
public sealed record StepStatistic(string StepId, string Title, int Tried, int Fixed, double MeanMinutes)
{
    public double FixRate => Tried == 0 ? 0 : (double)Fixed / Tried;
}

/// <summary>The helpdesk's simple analytics: cases per symptom, fix rate and mean time per step, escalation rate.</summary>
public sealed record CaseAnalytics(
    IReadOnlyList<(string Title, int Count)> PerSymptom,
    IReadOnlyList<StepStatistic> Steps,
    int Closed,
    int FixedCases,
    int Escalated)
{
    public double EscalationRate => Closed == 0 ? 0 : (double)Escalated / Closed;

    public double CaseFixRate => Closed == 0 ? 0 : (double)FixedCases / Closed;

    /// <summary>Reads every case's log (the answers in effect, undone ones left out). The time of a step is the time
    /// from the event before its answer to the answer: what it took to do it and report back.</summary>
    public static CaseAnalytics Compute(IReadOnlyList<HelpdeskCase> cases, KnowledgeBase kb, Language language)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(kb);
        var perSymptom = cases.GroupBy(c => c.SymptomId, StringComparer.Ordinal)
            .Select(g => (Title: kb.Symptoms.TryGetValue(g.Key, out var s) ? s.Title.Get(language) : g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Title, StringComparer.Ordinal).ToArray();
        var steps = new Dictionary<string, (int Tried, int Fixed, double Minutes)>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            SessionLog log;
            try
            {
                log = SessionLogCodec.Decode(c.Log, c.Code);
            }
            catch (SessionFormatException)
            {
                continue;
            }

            var events = SessionReplay.InEffect(log.Events).OrderBy(e => e.At).ToArray();
            for (var i = 0; i < events.Length; i++)
            {
                if (events[i] is not StepAnswered { Answer: StepAnswers.Fixed or StepAnswers.NotFixed } a || !kb.Actions.ContainsKey(a.StepId))
                {
                    continue;
                }

                var minutes = i == 0 ? 0 : Math.Max(0, (a.At - events[i - 1].At).TotalMinutes);
                var s = steps.GetValueOrDefault(a.StepId);
                steps[a.StepId] = (s.Tried + 1, s.Fixed + (a.Answer == StepAnswers.Fixed ? 1 : 0), s.Minutes + minutes);
            }
        }

        var stats = steps.Select(kv => new StepStatistic(kv.Key, kb.StepTitle(kv.Key)?.Get(language) ?? kv.Key, kv.Value.Tried, kv.Value.Fixed, kv.Value.Minutes / kv.Value.Tried))
            .OrderByDescending(s => s.Tried).ThenBy(s => s.Title, StringComparer.Ordinal).ToArray();
        var closed = cases.Where(c => c.Status == CaseStatus.Closed).ToArray();
        return new CaseAnalytics(perSymptom, stats, closed.Length, closed.Count(c => c.Outcome == CaseOutcomes.Fixed), closed.Count(c => c.Outcome == CaseOutcomes.Escalated));
    }
}
